//! The staff workspace API, `/api/staff/*`. Every route is declared once in [`table`] with the
//! access it needs; the router is built from that table, and tests enumerate the same table,
//! so a new route cannot miss its access check or its test.

mod applications;
pub mod auth;
mod catalog;
mod csv_export;
mod queue_query;
mod transitions;

use std::sync::{Arc, OnceLock};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, MethodRouter};
use axum::{Extension, Json, Router};
use portal_core::staff::{LoginRequest, StaffRole};
use portal_core::{ApiError, ErrorCode, SearchIndex};

use crate::{AppError, AppState};
pub use auth::{Auth, Clock, SignedIn, DEV_ACCOUNTS};

/// What the staff API keeps beyond the catalog: sign-in state and views of the catalog computed
/// on first use (the catalog never changes while the server runs).
#[derive(Debug, Default)]
pub struct StaffState {
    pub auth: Arc<Auth>,
    search: OnceLock<SearchIndex>,
    views: OnceLock<catalog::Views>,
}

impl StaffState {
    /// Sign-in state on a clock tests can move.
    pub fn with_clock(clock: Clock) -> Self {
        Self {
            auth: Arc::new(Auth::with_clock(clock)),
            ..Self::default()
        }
    }
}

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (only signing in).
    Public,
    /// Any signed-in staff account.
    Staff,
    /// Administrators only.
    Admin,
}

/// One staff route as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRoute {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
}

/// The one list of staff routes: method, path, access and handler.
fn table() -> Vec<(StaffRoute, MethodRouter<AppState>)> {
    let r = |method: Method, path, access| StaffRoute {
        method,
        path,
        access,
    };
    vec![
        (
            r(Method::POST, "/api/staff/session", Access::Public),
            post(sign_in),
        ),
        (
            r(Method::DELETE, "/api/staff/session", Access::Staff),
            delete(sign_out),
        ),
        (r(Method::GET, "/api/staff/me", Access::Staff), get(me)),
        (
            r(Method::GET, "/api/staff/items", Access::Staff),
            get(catalog::items),
        ),
        (
            r(Method::GET, "/api/staff/items.csv", Access::Staff),
            get(catalog::items_csv),
        ),
        (
            r(Method::GET, "/api/staff/figures", Access::Staff),
            get(catalog::figures),
        ),
        (
            r(Method::GET, "/api/staff/audit", Access::Staff),
            get(catalog::audit),
        ),
        (
            r(Method::GET, "/api/staff/audit.csv", Access::Staff),
            get(catalog::audit_csv),
        ),
        (
            r(Method::GET, "/api/staff/accounts", Access::Admin),
            get(catalog::accounts),
        ),
        (
            r(Method::GET, "/api/staff/applications", Access::Staff),
            get(applications::list),
        ),
        (
            r(
                Method::GET,
                "/api/staff/applications/{reference}",
                Access::Staff,
            ),
            get(applications::get_one),
        ),
        (
            r(
                Method::GET,
                "/api/staff/applications/{reference}/uploads/{upload_id}",
                Access::Staff,
            ),
            get(applications::download),
        ),
        (
            r(
                Method::POST,
                "/api/staff/applications/{reference}/transitions",
                Access::Staff,
            ),
            post(transitions::post),
        ),
    ]
}

/// Every staff route (for tests and documentation).
pub fn routes() -> Vec<StaffRoute> {
    table().into_iter().map(|(route, _)| route).collect()
}

/// The staff routes, each behind the check its access needs, all answering `no-store`.
pub fn router(state: &AppState) -> Router<AppState> {
    let mut router = Router::new();
    for (route, handler) in table() {
        let handler =
            match route.access {
                Access::Public => handler,
                Access::Staff => handler
                    .route_layer(middleware::from_fn_with_state(state.clone(), require_staff)),
                Access::Admin => handler
                    .route_layer(middleware::from_fn_with_state(state.clone(), require_admin)),
            };
        router = router.route(route.path, handler);
    }
    router
        .route("/api/staff/{*rest}", any(crate::api_not_found))
        .layer(middleware::map_response(no_store))
}

/// Staff answers hold internal data: no cache may keep them.
async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn require_staff(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    match state.staff.auth.session(request.headers()) {
        Some(signed_in) => {
            request.extensions_mut().insert(signed_in);
            next.run(request).await
        }
        None => AppError(auth::unauthorized()).into_response(),
    }
}

async fn require_admin(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    match state.staff.auth.session(request.headers()) {
        Some(signed_in) if signed_in.account.role == StaffRole::Admin => {
            request.extensions_mut().insert(signed_in);
            next.run(request).await
        }
        Some(_) => AppError(auth::forbidden()).into_response(),
        None => AppError(auth::unauthorized()).into_response(),
    }
}

fn bad_body(detail: String) -> AppError {
    AppError(ApiError::new(
        ErrorCode::BadRequest,
        "请求内容格式不正确，须为 {\"username\":…,\"password\":…}",
        format!("The request body must be {{\"username\":…,\"password\":…}}: {detail}"),
    ))
}

async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let client = auth::client_address(
        request.headers(),
        request
            .extensions()
            .get::<ConnectInfo<std::net::SocketAddr>>(),
    );
    let body = match axum::body::to_bytes(request.into_body(), 16 * 1024).await {
        Ok(body) => body,
        Err(err) => return bad_body(err.to_string()).into_response(),
    };
    let login: LoginRequest = match serde_json::from_slice(&body) {
        Ok(login) => login,
        Err(err) => return bad_body(err.to_string()).into_response(),
    };
    Arc::clone(&state.staff.auth)
        .sign_in(&login.username, login.password, client)
        .await
}

async fn sign_out(
    State(state): State<AppState>,
    Extension(signed_in): Extension<SignedIn>,
) -> Response {
    state.staff.auth.end(&signed_in);
    (
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, auth::session_cookie(None))],
    )
        .into_response()
}

async fn me(Extension(signed_in): Extension<SignedIn>) -> Response {
    Json(signed_in.me()).into_response()
}
