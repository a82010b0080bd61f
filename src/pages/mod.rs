//! One page per file.

pub mod apply;
pub mod catalog;
pub mod guide;
mod guide_sections;
pub mod not_found;
