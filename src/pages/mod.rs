//! One page per file.

pub mod apply;
pub mod catalog;
mod catalog_url;
pub mod guide;
mod guide_sections;
pub mod not_found;
pub mod staff;
