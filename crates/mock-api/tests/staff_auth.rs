//! Staff sign-in, sessions, access by role and throttling, driven in-process.

mod staff_support;

use std::net::IpAddr;
use std::time::Duration;

use axum::http::{Method, StatusCode};
use portal_mock_api::staff::{routes, Access, DEV_ACCOUNTS};
use staff_support::{password_of, Api};

/// A concrete path for a route pattern (`{id}` → `X1`).
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|seg| if seg.starts_with('{') { "X1" } else { seg })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_staff_route_but_sign_in_refuses_without_a_valid_session() {
    let api = Api::new();
    let guarded: Vec<_> = routes()
        .into_iter()
        .filter(|r| r.access != Access::Public)
        .collect();
    assert!(guarded.len() >= 8, "{guarded:?}");
    for route in &guarded {
        for cookie in [None, Some("portal_staff=00ff"), Some("other=1")] {
            let reply = api
                .request(
                    route.method.clone(),
                    &concrete(route.path),
                    cookie,
                    None,
                    None,
                )
                .await;
            assert_eq!(
                reply.status,
                StatusCode::UNAUTHORIZED,
                "{route:?} {cookie:?}"
            );
            assert_eq!(reply.error_code(), "unauthorized");
            assert!(reply.json()["error"]["message_en"]
                .as_str()
                .unwrap()
                .contains("sign in"));
            assert_eq!(reply.header("cache-control"), Some("no-store"), "{route:?}");
        }
    }
    // The only public route is signing in.
    let public: Vec<_> = routes()
        .into_iter()
        .filter(|r| r.access == Access::Public)
        .map(|r| (r.method, r.path))
        .collect();
    assert_eq!(public, vec![(Method::POST, "/api/staff/session")]);
}

#[tokio::test]
async fn every_declared_route_is_served_to_an_administrator() {
    let api = Api::new();
    for route in routes().into_iter().filter(|r| r.access != Access::Public) {
        // A fresh session each time: one of the routes signs out.
        let cookie = api.login("admin").await;
        let reply = api
            .request(
                route.method.clone(),
                &concrete(route.path),
                Some(&cookie),
                None,
                None,
            )
            .await;
        if route.path.contains('{') {
            // A placeholder names no application: the handler itself answers (not the guard,
            // not the router), in the JSON envelope.
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{route:?}");
            let message = reply.json()["error"]["message_en"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(!message.contains("no API endpoint"), "{route:?}: {message}");
        } else {
            assert!(reply.status.is_success(), "{route:?}: {}", reply.status);
        }
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{route:?}");
    }
}

#[tokio::test]
async fn admin_routes_are_forbidden_to_department_accounts() {
    let api = Api::new();
    let admin_routes: Vec<_> = routes()
        .into_iter()
        .filter(|r| r.access == Access::Admin)
        .collect();
    assert!(!admin_routes.is_empty());
    for (username, _, _, department) in DEV_ACCOUNTS {
        let cookie = api.login(username).await;
        for route in &admin_routes {
            let reply = api
                .request(
                    route.method.clone(),
                    &concrete(route.path),
                    Some(&cookie),
                    None,
                    None,
                )
                .await;
            if department.is_some() {
                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{username} {route:?}");
                assert_eq!(reply.error_code(), "forbidden");
                assert_eq!(reply.header("cache-control"), Some("no-store"));
            } else {
                assert_eq!(reply.status, StatusCode::OK, "{username} {route:?}");
            }
        }
    }
    // The account list never carries a hash.
    let cookie = api.login("admin").await;
    let accounts = api.get("/api/staff/accounts", Some(&cookie)).await;
    let text = String::from_utf8(accounts.body.clone()).unwrap();
    assert!(
        !text.contains("argon2") && !text.contains("dev-2026"),
        "{text}"
    );
    assert_eq!(accounts.json().as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn sign_in_me_and_sign_out() {
    let api = Api::new();
    let reply = api.try_login("police", password_of("police"), None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let set_cookie = reply.header("set-cookie").unwrap().to_owned();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    let token = cookie.strip_prefix("portal_staff=").unwrap();
    assert_eq!(token.len(), 64, "256 bits in hex");
    assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(reply.json()["username"], "police");

    let me = api.get("/api/staff/me", Some(&cookie)).await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(me["username"], "police");
    assert_eq!(me["role"], "部门工作人员");
    assert_eq!(me["department"], "公安");
    assert_eq!(me["idle_timeout_secs"], 1800);

    // A second sign-in gets a different token.
    let other = api.login("police").await;
    assert_ne!(other, cookie);

    let out = api
        .request(
            Method::DELETE,
            "/api/staff/session",
            Some(&cookie),
            None,
            None,
        )
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let cleared = out.header("set-cookie").unwrap();
    assert!(
        cleared.starts_with("portal_staff=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    assert_eq!(
        api.get("/api/staff/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Signing out ends that session only.
    assert_eq!(
        api.get("/api/staff/me", Some(&other)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn wrong_credentials_get_one_generic_message() {
    let api = Api::new();
    let wrong_password = api.try_login("court", "nope", None).await;
    let unknown_user = api.try_login("nobody", password_of("court"), None).await;
    assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_user.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong_password.body, unknown_user.body);
    let json = wrong_password.json();
    assert_eq!(json["error"]["message"], "用户名或密码不正确");
    assert_eq!(
        json["error"]["message_en"],
        "The user name or password is not correct"
    );
    assert!(wrong_password.header("set-cookie").is_none());

    let malformed = api
        .request(
            Method::POST,
            "/api/staff/session",
            None,
            Some(serde_json::json!({"user": "court"})),
            None,
        )
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.error_code(), "bad_request");
    assert_eq!(malformed.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn sessions_expire_after_30_idle_minutes_and_8_hours() {
    let api = Api::new();
    let cookie = api.login("justice").await;
    api.clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(
        api.get("/api/staff/me", Some(&cookie)).await.status,
        StatusCode::OK
    );
    api.clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(
        api.get("/api/staff/me", Some(&cookie)).await.status,
        StatusCode::OK,
        "refreshed"
    );
    api.clock.advance(Duration::from_secs(31 * 60));
    assert_eq!(
        api.get("/api/staff/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );

    // Active all day: still ends 8 hours after sign-in.
    let cookie = api.login("justice").await;
    let mut elapsed = Duration::ZERO;
    while elapsed + Duration::from_secs(25 * 60) < Duration::from_secs(8 * 3600) {
        api.clock.advance(Duration::from_secs(25 * 60));
        elapsed += Duration::from_secs(25 * 60);
        assert_eq!(
            api.get("/api/staff/me", Some(&cookie)).await.status,
            StatusCode::OK,
            "{elapsed:?}"
        );
    }
    api.clock.advance(Duration::from_secs(25 * 60));
    assert_eq!(
        api.get("/api/staff/me", Some(&cookie)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

#[tokio::test]
async fn repeated_failures_on_one_account_are_slowed_whatever_the_address() {
    let api = Api::new();
    for n in 0..5 {
        let reply = api
            .try_login("police", "wrong", Some(ip(&format!("198.51.100.{n}"))))
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password waits now, from yet another address.
    let locked = api
        .try_login("police", password_of("police"), Some(ip("198.51.100.77")))
        .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(locked.header("retry-after"), Some("30"));
    assert_eq!(locked.error_code(), "too_many_requests");
    assert_eq!(locked.header("cache-control"), Some("no-store"));
    // Other accounts are not affected.
    assert_eq!(
        api.try_login("court", password_of("court"), Some(ip("198.51.100.78")))
            .await
            .status,
        StatusCode::OK
    );
    // After the wait, one more failure doubles it.
    api.clock.advance(Duration::from_secs(31));
    assert_eq!(
        api.try_login("police", "wrong", Some(ip("198.51.100.79")))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let locked = api
        .try_login("police", password_of("police"), Some(ip("198.51.100.80")))
        .await;
    assert_eq!(locked.header("retry-after"), Some("60"));
    api.clock.advance(Duration::from_secs(61));
    assert_eq!(
        api.try_login("police", password_of("police"), Some(ip("198.51.100.81")))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn repeated_failures_from_one_address_are_slowed_across_accounts() {
    let api = Api::new();
    let attacker = ip("203.0.113.5");
    for name in ["a", "b", "c", "d", "e"] {
        assert_eq!(
            api.try_login(name, "x", Some(attacker)).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let reply = api
        .try_login("admin", password_of("admin"), Some(attacker))
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    // Another address signs in to the same account.
    assert_eq!(
        api.try_login("admin", password_of("admin"), Some(ip("203.0.113.6")))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn x_forwarded_for_counts_only_behind_a_local_proxy() {
    let api = Api::new();
    let loopback = ip("127.0.0.1");
    // Behind the local proxy, each forwarded address is its own client…
    for name in ["a", "b", "c", "d", "e"] {
        let reply = api
            .request(
                Method::POST,
                "/api/staff/session",
                None,
                Some(serde_json::json!({"username": name, "password": "x"})),
                Some((loopback, Some("192.0.2.1"))),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    let login = |forwarded: &'static str, peer: IpAddr| {
        let api = &api;
        async move {
            api.request(
                Method::POST,
                "/api/staff/session",
                None,
                Some(serde_json::json!({"username": "admin", "password": password_of("admin")})),
                Some((peer, Some(forwarded))),
            )
            .await
            .status
        }
    };
    assert_eq!(
        login("192.0.2.1", loopback).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(login("192.0.2.2", loopback).await, StatusCode::OK);
    // …but a remote peer cannot pick its address with the header.
    let remote = ip("198.51.100.200");
    for name in ["f", "g", "h", "i", "j"] {
        let reply = api
            .request(
                Method::POST,
                "/api/staff/session",
                None,
                Some(serde_json::json!({"username": name, "password": "x"})),
                Some((remote, Some(&format!("10.0.0.{}", name.len())))),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        login("10.9.9.9", remote).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
