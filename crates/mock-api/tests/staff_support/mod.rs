//! Shared by the staff API tests: one app per test on a clock the test moves, and requests with
//! a cookie, a JSON body and a peer address.
#![allow(dead_code)]

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use portal_core::synth::synthetic_items;
use portal_core::ServiceItem;
use portal_mock_api::staff::{Clock, StaffState};
use portal_mock_api::{app, AppState, Catalog};
use tower::ServiceExt;

pub struct Api {
    pub router: Router,
    pub clock: Clock,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap().to_owned()
    }
}

pub fn password_of(username: &str) -> &'static str {
    portal_mock_api::staff::DEV_ACCOUNTS
        .iter()
        .find(|a| a.0 == username)
        .unwrap()
        .1
}

impl Api {
    pub fn new() -> Self {
        Self::with_items(synthetic_items(30))
    }

    pub fn with_items(items: Vec<ServiceItem>) -> Self {
        let clock = Clock::manual();
        let state = AppState {
            staff: Arc::new(StaffState::with_clock(clock.clone())),
            ..AppState::catalog_only(Catalog::from_items(items), None)
        };
        Self {
            router: app(state),
            clock,
        }
    }

    pub async fn request(
        &self,
        method: Method,
        uri: &str,
        cookie: Option<&str>,
        body: Option<serde_json::Value>,
        peer: Option<(IpAddr, Option<&str>)>,
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(uri);
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        if let Some((_, Some(forwarded))) = peer {
            builder = builder.header("x-forwarded-for", forwarded);
        }
        let body = match body {
            Some(json) => {
                builder = builder.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        let mut request = builder.body(body).unwrap();
        if let Some((ip, _)) = peer {
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::new(ip, 40_000)));
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str, cookie: Option<&str>) -> Reply {
        self.request(Method::GET, uri, cookie, None, None).await
    }

    pub async fn try_login(&self, username: &str, password: &str, peer: Option<IpAddr>) -> Reply {
        self.request(
            Method::POST,
            "/api/staff/session",
            None,
            Some(serde_json::json!({"username": username, "password": password})),
            peer.map(|ip| (ip, None)),
        )
        .await
    }

    /// Signs in and returns the `Cookie` header value to send back.
    pub async fn login(&self, username: &str) -> String {
        let reply = self.try_login(username, password_of(username), None).await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&reply.body)
        );
        let set_cookie = reply.header("set-cookie").unwrap();
        set_cookie.split(';').next().unwrap().to_owned()
    }
}
