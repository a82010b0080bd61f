//! The staff workspace (`/staff/*`): sign-in, the catalog console, the headline figures, the
//! audit and the application queue. Every page checks the session first (see [`frame`]).

pub mod application;
mod application_actions;
pub mod application_text;
pub mod audit;
pub mod catalog_console;
pub mod figures;
mod frame;
pub mod queue;
pub mod queue_filter;
mod queue_form;
pub mod sign_in;
pub mod sort;

/// What the staff workspace keeps for the whole visit: the notes typed on an application survive
/// a language switch (which re-renders the page) as well as a new sign-in. Call once, in `App`.
pub fn provide_staff_state() {
    leptos::prelude::provide_context(application_actions::Workbench::new());
}
