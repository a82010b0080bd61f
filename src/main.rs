//! Mounts the portal; everything else lives in the library so browser tests can mount parts of it.

fn main() {
    // Panic messages in the console while developing; release builds abort without the hook.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // The page shown while the wasm loaded (index.html) makes way for the app.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(portal::app::App);
}
