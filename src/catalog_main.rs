//! Mounts the catalog alone (see `catalog_app.rs`).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(portal::catalog_app::start());
}
