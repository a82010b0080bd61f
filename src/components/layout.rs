//! The frame around every page: header with the language switch and 关怀模式, and the footer.

use leptos::prelude::*;

use crate::components::app_link::CitizenLink;
use crate::i18n::{Lang, Prefs};

/// The skip link, header, `<main>` (holding `children`, the pages) and footer. Needs the
/// preferences provided (`provide_prefs`).
#[component]
pub fn Chrome(children: ChildrenFn) -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    view! {
        <a class="skip-link" href="#main">{move || crate::i18n::Messages::of(prefs.lang.get()).skip_link}</a>
        <Header />
        // Pages read their strings once; a language change re-renders them. The URL (page,
        // query) is untouched, and forms restore themselves from their drafts.
        {move || {
            prefs.lang.track();
            view! {
                <main id="main" tabindex="-1">{children()}</main>
                <Footer />
            }
        }}
    }
}

/// The header stays mounted when the language changes, so its texts follow the signal and the
/// focus stays on the switch the reader just pressed.
#[component]
pub fn Header() -> impl IntoView {
    let prefs = expect_context::<Prefs>();
    let m = move || crate::i18n::Messages::of(prefs.lang.get());
    let other = move || match prefs.lang.get() {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    view! {
        <header class="site-header">
            <div class="wrap header-row">
                <CitizenLink href="/" class="brand">
                    <span class="brand-name">{move || m().portal_name}</span>
                    <span class="brand-tag">{move || m().portal_tagline}</span>
                </CitizenLink>
                <nav aria-label=move || m().main_nav>
                    <CitizenLink href="/">{move || m().nav_catalog}</CitizenLink>
                </nav>
                <div class="prefs" role="group" aria-label=move || m().prefs_label>
                    <button
                        type="button"
                        class="pref-button"
                        data-testid="switch-lang"
                        lang=move || other().tag()
                        aria-label=move || m().switch_lang_label
                        on:click=move |_| prefs.lang.set(other())
                    >
                        {move || m().switch_lang}
                    </button>
                    <button
                        type="button"
                        class="pref-button"
                        data-testid="care-mode"
                        aria-pressed=move || prefs.care.get().to_string()
                        title=move || m().care_mode_hint
                        on:click=move |_| prefs.care.update(|c| *c = !*c)
                    >
                        {move || m().care_mode}
                    </button>
                </div>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let m = crate::i18n::t();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{m.footer_hotlines}</p>
                <p class="muted">{m.footer_demo}</p>
            </div>
        </footer>
    }
}
