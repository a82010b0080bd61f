//! Staff sign-in: seeded accounts with argon2 hashes, random session tokens kept only as their
//! SHA-256, idle and absolute expiry, and slowing down repeated failures per account and per
//! client address.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_core::staff::{StaffMe, StaffRole};
use portal_core::{ApiError, DepartmentKind, ErrorBody, ErrorCode};
use sha2::{Digest, Sha256};

/// The session cookie's name.
pub const COOKIE: &str = "portal_staff";
/// A session ends after this long without a request…
pub const IDLE: Duration = Duration::from_secs(30 * 60);
/// …and this long after sign-in at the latest.
pub const ABSOLUTE: Duration = Duration::from_secs(8 * 60 * 60);
/// Failures allowed before sign-in is refused for a while.
pub const FREE_FAILURES: u32 = 5;
/// The first wait; each further failure doubles it, up to [`MAX_WAIT`].
pub const FIRST_WAIT: Duration = Duration::from_secs(30);
pub const MAX_WAIT: Duration = Duration::from_secs(60 * 60);
/// Failures older than this are forgotten.
const FAILURE_MEMORY: Duration = Duration::from_secs(60 * 60);

/// Time as the staff module sees it: the system clock, or one a test moves forward.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_ms: Option<Arc<AtomicU64>>,
}

impl Clock {
    /// A clock tests can move forward with [`Clock::advance`].
    pub fn manual() -> Self {
        Self {
            offset_ms: Some(Arc::new(AtomicU64::new(0))),
        }
    }

    pub fn advance(&self, by: Duration) {
        if let Some(offset) = &self.offset_ms {
            offset.fetch_add(by.as_millis() as u64, Ordering::SeqCst);
        }
    }

    pub fn now(&self) -> Instant {
        let offset = self
            .offset_ms
            .as_ref()
            .map_or(0, |o| o.load(Ordering::SeqCst));
        Instant::now() + Duration::from_millis(offset)
    }
}

/// One staff account.
#[derive(Debug, Clone)]
pub struct Account {
    pub username: &'static str,
    pub name: &'static str,
    pub role: StaffRole,
    pub department: Option<DepartmentKind>,
    /// PHC string of the argon2id hash.
    hash: String,
}

/// The development accounts: username, password, display name, department (none = administrator).
/// The passwords are for local development only and are listed in the README.
pub const DEV_ACCOUNTS: &[(&str, &str, &str, Option<DepartmentKind>)] = &[
    ("admin", "admin-dev-2026!", "系统管理员", None),
    (
        "police",
        "police-dev-2026!",
        "公安窗口工作人员",
        Some(DepartmentKind::Police),
    ),
    (
        "court",
        "court-dev-2026!",
        "法院诉讼服务中心工作人员",
        Some(DepartmentKind::Court),
    ),
    (
        "procuratorate",
        "procuratorate-dev-2026!",
        "检察院12309检察服务中心工作人员",
        Some(DepartmentKind::Procuratorate),
    ),
    (
        "justice",
        "justice-dev-2026!",
        "司法局公共法律服务中心工作人员",
        Some(DepartmentKind::Justice),
    ),
];

fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 hashes with default parameters")
        .to_string()
}

/// Hashing is slow on purpose: the seeded accounts are hashed once per process.
fn seeded_accounts() -> &'static [Account] {
    static ACCOUNTS: OnceLock<Vec<Account>> = OnceLock::new();
    ACCOUNTS.get_or_init(|| {
        DEV_ACCOUNTS
            .iter()
            .map(|&(username, password, name, department)| Account {
                username,
                name,
                role: if department.is_some() {
                    StaffRole::DepartmentStaff
                } else {
                    StaffRole::Admin
                },
                department,
                hash: hash_password(password),
            })
            .collect()
    })
}

/// Verified against when the user name is unknown, so that case takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no account has this password"))
}

/// A signed-in session, found by the SHA-256 of its token.
#[derive(Debug, Clone)]
struct Session {
    username: &'static str,
    created: Instant,
    last_seen: Instant,
}

/// Consecutive failures under one key (an account or a client address).
#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
    locked_until: Option<Instant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ThrottleKey {
    Account(String),
    Client(IpAddr),
}

/// Everything sign-in keeps in memory.
#[derive(Debug)]
pub struct Auth {
    accounts: &'static [Account],
    sessions: Mutex<HashMap<[u8; 32], Session>>,
    failures: Mutex<HashMap<ThrottleKey, Failures>>,
    pub clock: Clock,
}

impl Default for Auth {
    fn default() -> Self {
        Self::with_clock(Clock::default())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Who is signed in, as handlers see it.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account: &'static Account,
    token_hash: [u8; 32],
    expires_in: Duration,
}

impl SignedIn {
    pub fn me(&self) -> StaffMe {
        StaffMe {
            username: self.account.username.to_owned(),
            name: self.account.name.to_owned(),
            role: self.account.role,
            department: self.account.department,
            idle_timeout_secs: IDLE.as_secs(),
            expires_in_secs: self.expires_in.as_secs(),
        }
    }
}

pub fn unauthorized() -> ApiError {
    ApiError::new(
        ErrorCode::Unauthorized,
        "请先登录工作人员账号",
        "Please sign in with a staff account",
    )
}

pub fn forbidden() -> ApiError {
    ApiError::new(
        ErrorCode::Forbidden,
        "您的账号无权访问此功能",
        "Your account is not allowed to use this",
    )
}

fn wrong_credentials() -> ApiError {
    ApiError::new(
        ErrorCode::Unauthorized,
        "用户名或密码不正确",
        "The user name or password is not correct",
    )
}

/// The session token from the `Cookie` header, if any.
fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value)
}

/// `Set-Cookie` for a new session, or (`None`) one that clears it.
pub fn session_cookie(token: Option<&str>) -> HeaderValue {
    let value = match token {
        Some(token) => format!(
            "{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}",
            ABSOLUTE.as_secs()
        ),
        None => format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    };
    HeaderValue::from_str(&value).expect("cookie is ASCII")
}

/// The client address throttling counts against: the peer, or, only when the peer is a proxy
/// on this machine (trunk serve), the first `X-Forwarded-For` address.
pub fn client_address(
    headers: &HeaderMap,
    peer: Option<&ConnectInfo<SocketAddr>>,
) -> Option<IpAddr> {
    let peer = peer?.0.ip();
    if peer.is_loopback() {
        let forwarded = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse().ok());
        return Some(forwarded.unwrap_or(peer));
    }
    Some(peer)
}

impl Auth {
    pub fn with_clock(clock: Clock) -> Self {
        Self {
            accounts: seeded_accounts(),
            sessions: Mutex::new(HashMap::new()),
            failures: Mutex::new(HashMap::new()),
            clock,
        }
    }

    pub fn accounts(&self) -> &'static [Account] {
        self.accounts
    }

    /// The session of the request's cookie, refreshed; `None` when absent, unknown or expired.
    pub fn session(&self, headers: &HeaderMap) -> Option<SignedIn> {
        let token = cookie_token(headers)?;
        let key = token_hash(token);
        let now = self.clock.now();
        let mut sessions = lock(&self.sessions);
        let session = sessions.get_mut(&key)?;
        let age = now.saturating_duration_since(session.created);
        if now.saturating_duration_since(session.last_seen) > IDLE || age > ABSOLUTE {
            sessions.remove(&key);
            return None;
        }
        session.last_seen = now;
        let username = session.username;
        let account = self.accounts.iter().find(|a| a.username == username)?;
        Some(SignedIn {
            account,
            token_hash: key,
            expires_in: ABSOLUTE - age,
        })
    }

    pub fn end(&self, signed_in: &SignedIn) {
        lock(&self.sessions).remove(&signed_in.token_hash);
    }

    /// Seconds to wait before another attempt under any of `keys`, if one is locked.
    fn wait(&self, keys: &[ThrottleKey]) -> Option<u64> {
        let now = self.clock.now();
        let failures = lock(&self.failures);
        keys.iter()
            .filter_map(|k| failures.get(k)?.locked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs_f64().ceil() as u64)
            .max()
    }

    fn record_failure(&self, keys: &[ThrottleKey]) {
        let now = self.clock.now();
        let mut failures = lock(&self.failures);
        for key in keys {
            let entry = failures.entry(key.clone()).or_insert(Failures {
                count: 0,
                last: now,
                locked_until: None,
            });
            if now.saturating_duration_since(entry.last) > FAILURE_MEMORY {
                entry.count = 0;
            }
            entry.count += 1;
            entry.last = now;
            if entry.count >= FREE_FAILURES {
                let doublings = (entry.count - FREE_FAILURES).min(16);
                let wait = (FIRST_WAIT * 2u32.pow(doublings)).min(MAX_WAIT);
                entry.locked_until = Some(now + wait);
            }
        }
    }

    fn clear_failures(&self, key: &ThrottleKey) {
        lock(&self.failures).remove(key);
    }

    fn start_session(&self, account: &'static Account) -> Result<(String, SignedIn), ApiError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "暂时无法登录，请稍后再试",
                "Signing in is not possible right now; please try again later",
            )
        })?;
        let token = hex(&bytes);
        let key = token_hash(&token);
        let now = self.clock.now();
        let mut sessions = lock(&self.sessions);
        sessions.retain(|_, s| {
            now.saturating_duration_since(s.last_seen) <= IDLE
                && now.saturating_duration_since(s.created) <= ABSOLUTE
        });
        sessions.insert(
            key,
            Session {
                username: account.username,
                created: now,
                last_seen: now,
            },
        );
        Ok((
            token,
            SignedIn {
                account,
                token_hash: key,
                expires_in: ABSOLUTE,
            },
        ))
    }

    /// Checks credentials (slowly, off the async threads) and opens a session.
    pub async fn sign_in(
        self: Arc<Self>,
        username: &str,
        password: String,
        client: Option<IpAddr>,
    ) -> Response {
        let account_key = ThrottleKey::Account(username.trim().to_lowercase());
        let mut keys = vec![account_key.clone()];
        keys.extend(client.map(ThrottleKey::Client));
        if let Some(wait) = self.wait(&keys) {
            return too_many(wait);
        }
        let account = self
            .accounts
            .iter()
            .find(|a| a.username.eq_ignore_ascii_case(username.trim()));
        let hash = account.map_or_else(|| dummy_hash().to_owned(), |a| a.hash.clone());
        let verified = tokio::task::spawn_blocking(move || {
            Argon2::default()
                .verify_password(password.as_bytes(), hash.as_str())
                .is_ok()
        })
        .await
        .unwrap_or(false);
        match account {
            Some(account) if verified => {
                self.clear_failures(&account_key);
                match self.start_session(account) {
                    Ok((token, signed_in)) => (
                        [(header::SET_COOKIE, session_cookie(Some(&token)))],
                        Json(signed_in.me()),
                    )
                        .into_response(),
                    Err(error) => crate::AppError(error).into_response(),
                }
            }
            _ => {
                self.record_failure(&keys);
                crate::AppError(wrong_credentials()).into_response()
            }
        }
    }
}

fn too_many(wait: u64) -> Response {
    let error = ApiError::new(
        ErrorCode::TooManyRequests,
        format!("登录失败次数过多，请 {wait} 秒后再试"),
        format!("Too many failed sign-ins; try again in {wait} seconds"),
    );
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, wait.to_string())],
        Json(ErrorBody { error }),
    )
        .into_response()
}
