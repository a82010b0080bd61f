//! The reader's preferences, languages and 关怀模式 (care mode for older readers): one context,
//! remembered in `localStorage`, reflected on `<html lang>` and `<html class="care">`.
//!
//! Pages read their strings once through [`t`]; the app re-renders its routes when the language
//! changes (see `app.rs`), so pages stay simple and keep their state in the URL or their draft.

pub mod apply;
pub mod guide;
mod macros;
mod messages;
pub mod staff;

use leptos::prelude::*;
pub use messages::Messages;
pub use portal_core::Lang;

const LANG_KEY: &str = "portal.lang";
const CARE_KEY: &str = "portal.care";

/// Language and care mode, shared by every page.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub care: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        // Private browsing may refuse to store: the choice then lasts for this page only.
        let _ = storage.set_item(key, value);
    }
}

/// Reads the remembered choices, provides them, and keeps `<html>` and storage in step.
pub fn provide_prefs() -> Prefs {
    let lang = stored(LANG_KEY)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let care = stored(CARE_KEY).as_deref() == Some("1");
    let prefs = Prefs {
        lang: RwSignal::new(lang),
        care: RwSignal::new(care),
    };
    Effect::new(move || {
        let lang = prefs.lang.get();
        store(LANG_KEY, lang.code());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    Effect::new(move || {
        let care = prefs.care.get();
        store(CARE_KEY, if care { "1" } else { "0" });
        if let Some(html) = document().document_element() {
            let _ = html.class_list().toggle_with_force("care", care);
        }
    });
    provide_context(prefs);
    prefs
}

/// The current language (Chinese when no preferences are provided, as in component tests).
pub fn lang() -> Lang {
    use_context::<Prefs>()
        .map(|p| p.lang.get_untracked())
        .unwrap_or_default()
}

/// The strings of the current language.
pub fn t() -> &'static Messages {
    messages::for_lang(lang())
}

/// The `lang` attribute for catalog content, which is Chinese whatever the page language:
/// `Some("zh-CN")` on English pages, nothing on Chinese ones.
pub fn zh_content() -> Option<&'static str> {
    zh_content_in(lang())
}

/// [`zh_content`] for pages in `lang`.
pub fn zh_content_in(lang: Lang) -> Option<&'static str> {
    (lang == Lang::En).then_some("zh-CN")
}
