//! The mock JSON backend of the 一次办 portal: `app(state)` is the whole HTTP surface, so tests
//! drive it with `oneshot` and `main` only parses flags and binds.

pub mod applications;
pub mod caching;
pub mod catalog;
pub mod error;
pub mod forms;
pub mod precompressed;
pub mod reference;
pub mod staff;
pub mod static_files;
pub mod store;
pub mod uploads;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::routing::{any, get, post};
use axum::{Json, Router};
use portal_core::{ApiError, ErrorCode};
use serde::Serialize;
use tower_http::compression::CompressionLayer;

use caching::TaggedJson;
use precompressed::Precompressed;
use static_files::StaticFiles;

pub use catalog::{Catalog, CatalogError};
pub use error::AppError;
pub use forms::{Forms, FormsError};
pub use store::{ApplicationStore, SqliteStore};
pub use uploads::UploadDir;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub catalog: Arc<Catalog>,
    /// The built app (`dist/`) to serve beside the API, with SPA fallback to its index.html.
    pub dist: Option<PathBuf>,
    /// Staff sign-in state and catalog views (`/api/staff/*`).
    pub staff: Arc<staff::StaffState>,
    pub forms: Arc<Forms>,
    pub store: Arc<dyn ApplicationStore>,
    pub uploads: Arc<UploadDir>,
}

impl AppState {
    /// The catalog alone: no forms, a private in-memory store, uploads under a fresh directory in
    /// the system's temp dir (created only if something is uploaded). For tests and tools.
    pub fn catalog_only(catalog: Catalog, dist: Option<PathBuf>) -> Self {
        let store = SqliteStore::open_in_memory().expect("an in-memory SQLite database opens");
        let mut suffix = [0u8; 8];
        let _ = getrandom::fill(&mut suffix);
        let suffix: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
        Self {
            catalog: Arc::new(catalog),
            dist,
            forms: Arc::new(Forms::empty()),
            store: Arc::new(store),
            uploads: Arc::new(UploadDir::new(
                std::env::temp_dir().join(format!("portal-uploads-{suffix}")),
            )),
            staff: Default::default(),
        }
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    items: usize,
}

async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        items: state.catalog.len(),
    })
}

/// One item's guide, with the same ETag / conditional GET as the list (hashed per request: the
/// guide is serialised per request anyway).
async fn get_item(
    State(state): State<AppState>,
    headers: HeaderMap,
    code: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let Path(code) = code?;
    let item = state
        .catalog
        .get(&code)
        .ok_or_else(|| ApiError::item_not_found(&code))?;
    let bytes = serde_json::to_vec(item).map_err(|err| {
        ApiError::new(
            ErrorCode::Internal,
            "服务事项无法序列化",
            format!("The service item could not be serialised: {err}"),
        )
    })?;
    Ok(TaggedJson::new(bytes).respond(&headers))
}

pub(crate) async fn api_not_found(uri: Uri) -> AppError {
    ApiError::route_not_found(uri.path()).into()
}

async fn method_not_allowed() -> AppError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "该接口不支持此请求方法",
        "This endpoint does not support that method",
    )
    .into()
}

/// The whole HTTP surface: `/api/*` as JSON, and the built app when `state.dist` is set.
pub fn app(state: AppState) -> Router {
    // The catalog does not change while the server runs: its lists (JSON and cards) and their
    // ETags are made once here, their compressed copies on first demand.
    let items_json = Precompressed::new(state.catalog.summaries_json(), "application/json");
    let list_items = move |headers: HeaderMap| std::future::ready(items_json.respond(&headers));
    let cards = Precompressed::new(
        state.catalog.summaries_cards(),
        portal_core::cards::CONTENT_TYPE,
    );
    let list_cards = move |headers: HeaderMap| std::future::ready(cards.respond(&headers));
    let api = Router::new()
        .route("/api/health", get(health))
        .route("/api/items", get(list_items))
        .route("/api/cards", get(list_cards))
        .route("/api/items/{code}", get(get_item))
        .route("/api/items/{code}/form", get(forms::get_form))
        .route(
            "/api/uploads",
            post(uploads::upload).layer(DefaultBodyLimit::max(uploads::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/api/applications",
            post(applications::submit)
                .layer(DefaultBodyLimit::max(applications::APPLICATION_BODY_LIMIT)),
        )
        .route(
            "/api/applications/{reference}",
            get(applications::get_application),
        )
        .merge(staff::router(&state))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed);
    let router = match &state.dist {
        Some(dist) => {
            let files = StaticFiles::new(dist);
            api.fallback(move |request: Request| files.clone().serve(request))
        }
        None => api.fallback(api_not_found),
    };
    router.layer(CompressionLayer::new()).with_state(state)
}
