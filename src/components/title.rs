//! The document title: every page names itself, then the portal ("居民身份证换领 - 一次办").

use crate::i18n::t;

/// Sets `document.title` to "`page` - 一次办" (or the English portal name).
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{page}{}", t().title_suffix));
    }
}
