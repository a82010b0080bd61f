//! Reusable pieces of the portal's pages.

pub mod app_link;
pub mod badges;
pub mod chart;
pub mod filter_bar;
pub mod form;
pub mod item_card;
pub mod layout;
pub mod marked_text;
pub mod notice;
pub mod result_list;
pub mod search_box;
pub mod title;
