//! Mounts the portal; everything else lives in the library so browser tests can mount parts of it.

fn main() {
    // Panic messages in the console while developing; release builds abort without the hook.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(portal::app::start());
}
