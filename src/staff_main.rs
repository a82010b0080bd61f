//! Mounts the staff workspace (see `staff_app.rs`).

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(portal::staff_app::StaffApp);
}
