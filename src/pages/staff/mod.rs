//! The staff workspace (`/staff/*`): sign-in, the catalog console, the headline figures and the
//! audit. Every page checks the session first (see [`frame`]).

pub mod application_text;
pub mod audit;
pub mod catalog_console;
pub mod figures;
mod frame;
pub mod queue_filter;
pub mod sign_in;
pub mod sort;
