//! One page per file.

pub mod apply;
pub mod catalog;
pub mod catalog_early;
pub mod catalog_store;
pub mod catalog_url;
pub mod guide;
mod guide_sections;
pub mod guide_situations;
pub mod not_found;
pub mod notice_sheet;
pub mod staff;
