//! Shared by the portal app (wasm) and the mock API (native): the wire types, the one error shape,
//! item validation, catalog search and filters, and a deterministic synthetic catalog for scale tests.
//!
//! Pure Rust, no UI and no server dependencies, so every rule is written once and tested natively.

pub mod labels;

pub mod audit;
pub mod cards;
pub mod date;
pub mod error;
pub mod figures;
pub mod filter;
pub mod form;
pub mod ids;
pub mod item;
#[cfg(all(feature = "pinyin", not(target_arch = "wasm32")))]
pub mod keys;
pub mod lang;
pub mod messages;
pub mod region;
pub mod search;
pub mod session;
pub mod situation;
pub mod staff;
pub mod status;
pub mod submission;
pub mod summary;
pub mod synth;
pub mod validate;

pub use error::{ApiError, ErrorBody, ErrorCode};
pub use filter::{CatalogFilter, ScopeFilter};

pub use item::*;
pub use labels::{join_labels, join_labels_in, Label};
pub use lang::{Lang, Text};
pub use search::{highlight_segments, Hit, Ranking, SearchIndex};

pub use session::SearchSession;
pub use summary::{ItemSummary, SearchKeys};
