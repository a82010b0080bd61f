//! 一次办 · Run-Once Portal: the Leptos client-side app.

pub mod api;
pub mod api_staff;
pub mod app;
pub mod catalog_app;
pub mod components;
pub mod draft;
pub mod i18n;
pub mod pages;
pub mod staff_app;
