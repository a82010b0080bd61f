//! Attaching files: type (PDF/JPG/PNG) and size (10 MB) are checked here before anything is sent,
//! each file is uploaded on its own with a progress bar, and the draft keeps only what the server
//! answered (upload id, name, size, type). A file listed without an upload id was attached before
//! a reload or refused by the server: it is asked for again.

use leptos::prelude::*;
use portal_core::form::{FileRef, ALLOWED_MIME, MAX_FILE_BYTES};
use wasm_bindgen::JsCast;

use crate::api::upload_file;
use crate::i18n::apply::ApplyText;

/// Why a file was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    Type,
    TooLarge,
}

/// The browser-side check of one file: an allowed type (by its MIME type, or by its extension
/// when the browser gives none) and at most 10 MB. The server checks the content again.
pub fn check_file(name: &str, mime: &str, size: f64) -> Result<(), FileProblem> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let by_ext = matches!(ext.as_deref(), Some("pdf" | "jpg" | "jpeg" | "png"));
    let type_ok = if mime.is_empty() {
        by_ext
    } else {
        ALLOWED_MIME.contains(&mime)
    };
    if !type_ok {
        Err(FileProblem::Type)
    } else if size > MAX_FILE_BYTES as f64 {
        Err(FileProblem::TooLarge)
    } else {
        Ok(())
    }
}

/// "1.2 MB" / "35 KB".
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        // Tenths of a MB, rounded, in whole numbers: float formatting would add ~16 KB of wasm.
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[derive(Clone)]
struct Pending {
    key: u32,
    name: String,
    progress: RwSignal<u32>,
}

/// A file picker with the files already attached, uploads under way and problems.
#[component]
pub fn FileUpload(
    id: String,
    label: String,
    files: Signal<Vec<FileRef>>,
    set_files: Callback<Vec<FileRef>>,
    max_files: usize,
    #[prop(into)] described_by: Signal<Option<String>>,
    #[prop(into)] invalid: Signal<Option<&'static str>>,
) -> impl IntoView {
    let m = ApplyText::now();
    let pending: RwSignal<Vec<Pending>> = RwSignal::new(Vec::new());
    let problems: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let next_key = StoredValue::new(0u32);

    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let mut found = Vec::new();
        for i in 0..list.length() {
            let Some(file) = list.item(i) else { continue };
            let name = file.name();
            let room = max_files
                .saturating_sub(
                    files
                        .get_untracked()
                        .iter()
                        .filter(|f| !f.upload_id.is_empty())
                        .count(),
                )
                .saturating_sub(pending.with_untracked(Vec::len));
            match check_file(&name, &file.type_(), file.size()) {
                Err(FileProblem::Type) => found.push((m.file_bad_type)(&name)),
                Err(FileProblem::TooLarge) => found.push((m.file_too_large)(&name)),
                Ok(()) if room == 0 => found.push((m.file_too_many)(max_files)),
                Ok(()) => {
                    let key = next_key.get_value();
                    next_key.set_value(key + 1);
                    let progress = RwSignal::new(0);
                    pending.update(|p| {
                        p.push(Pending {
                            key,
                            name: name.clone(),
                            progress,
                        })
                    });
                    leptos::task::spawn_local(async move {
                        let outcome = upload_file(file, move |p| progress.set(p)).await;
                        pending.update(|p| p.retain(|x| x.key != key));
                        match outcome {
                            Ok(uploaded) => {
                                let uploaded = uploaded.into_ref();
                                let mut now = files.get_untracked();
                                // A file asked for again replaces its placeholder.
                                if let Some(pos) = now
                                    .iter()
                                    .position(|f| f.upload_id.is_empty() && f.name == uploaded.name)
                                {
                                    now.remove(pos);
                                }
                                now.push(uploaded);
                                set_files.run(now);
                            }
                            Err(error) => problems
                                .update(|p| p.push((m.file_upload_failed)(&name, &error.text()))),
                        }
                    });
                }
            }
        }
        problems.set(found);
        // The same file may be chosen again after a failure.
        input.set_value("");
    };

    let several = max_files > 1;
    let remove = move |index: usize| {
        let mut now = files.get_untracked();
        if index < now.len() {
            now.remove(index);
            set_files.run(now);
        }
    };

    view! {
        <div class="file-upload">
            <label class="label" for=id.clone()>{label}</label>
            <p class="hint">{m.file_rules}</p>
            <input
                type="file"
                class="file-input"
                id=id.clone()
                multiple=several
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                aria-describedby=described_by
                aria-invalid=invalid
                on:change=on_change
            />
            <ul class="file-problems" role="alert">
                {move || problems.get().into_iter().map(|p| view! { <li class="field-error">{p}</li> }).collect_view()}
            </ul>
            <ul class="file-list" aria-live="polite">
                {move || {
                    pending
                        .get()
                        .into_iter()
                        .map(|p| {
                            let progress = p.progress;
                            view! {
                                <li class="file file-pending">
                                    <span class="file-name">{p.name.clone()}</span>
                                    <progress max="100" value=move || progress.get() aria-label=(m.file_uploading)(&p.name)></progress>
                                    <span>{move || format!("{}%", progress.get())}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
                {move || {
                    files
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let missing = f.upload_id.is_empty();
                            let status = if missing { m.file_reselect } else { m.file_uploaded };
                            let name = f.name.clone();
                            view! {
                                <li class=if missing { "file file-missing" } else { "file" }>
                                    <span class="file-name">{f.name.clone()}</span>
                                    <span class="muted">{format!(" {} · {}", size_text(f.size), status)}</span>
                                    <button type="button" class="link-button" on:click=move |_| remove(i)>
                                        {m.remove}
                                        <span class="visually-hidden">{format!(" {name}")}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_and_size_are_checked_before_upload() {
        assert_eq!(check_file("a.pdf", "application/pdf", 1000.0), Ok(()));
        assert_eq!(check_file("a.PNG", "", 1000.0), Ok(()));
        assert_eq!(
            check_file("a.txt", "text/plain", 10.0),
            Err(FileProblem::Type)
        );
        assert_eq!(check_file("a.docx", "", 10.0), Err(FileProblem::Type));
        let over = (MAX_FILE_BYTES + 1) as f64;
        assert_eq!(
            check_file("a.jpg", "image/jpeg", over),
            Err(FileProblem::TooLarge)
        );
        assert_eq!(size_text(1536), "2 KB");
        assert_eq!(size_text(3 * 1024 * 1024), "3.0 MB");
        assert_eq!(size_text(1024 * 1024 + 100 * 1024), "1.1 MB");
        assert_eq!(size_text(10 * 1024 * 1024 - 1), "10.0 MB");
    }
}
