//! 办理: the actions an application's status allows, one button each. An action that needs a note
//! (不予受理 → the reason, 要求补正 → what is missing, 办结 → the result) opens a labelled text
//! box first; a blank note is refused in the browser, and the server's 422 / 409 are shown in
//! place. A failed request keeps what was typed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_core::staff::{StaffAction, StaffApplicationDetail, TransitionRequest};
use portal_core::status::Action;
use portal_core::ErrorCode;

use super::application_text::{action_slug, capitalised};
use crate::api::FetchError;
use crate::api_staff::{access_of, transition_application, Access};
use crate::components::form::{focus_field, ErrorSummary, ShownIssue};
use crate::i18n::apply::ApplyText;
use crate::i18n::staff::StaffText;
use crate::i18n::{lang, Lang};
use crate::pages::staff::frame::StaffSession;

/// What the page says after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    /// Done: the new status.
    Done(String),
    /// Someone else moved the application first (409): the server's words.
    Changed(String),
}

/// What the staff member is doing on one application: the note typed for each action and which
/// note box is open. Made by the page above the session frame, so it outlives a re-render or a
/// new sign-in.
#[derive(Clone, Copy)]
pub struct Workbench {
    reference: StoredValue<String>,
    notes: RwSignal<Vec<(Action, String)>>,
    open: RwSignal<Option<Action>>,
}

impl Workbench {
    pub fn new() -> Self {
        Self {
            reference: StoredValue::new(String::new()),
            notes: RwSignal::new(Vec::new()),
            open: RwSignal::new(None),
        }
    }

    /// Another application: start with nothing typed.
    pub fn switch_to(self, reference: &str) {
        if self.reference.with_value(|r| r != reference) {
            self.reference.set_value(reference.to_owned());
            self.notes.update_untracked(Vec::clear);
            self.open.set(None);
        }
    }

    fn note(self, action: Action) -> String {
        self.notes.with_untracked(|notes| {
            notes
                .iter()
                .find(|(a, _)| *a == action)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        })
    }

    fn set_note(self, action: Action, text: String) {
        self.notes.update_untracked(|notes| {
            notes.retain(|(a, _)| *a != action);
            notes.push((action, text));
        });
    }

    /// After the action was done: nothing typed for it is needed any more.
    fn done(self, action: Action) {
        self.notes
            .update_untracked(|notes| notes.retain(|(a, _)| *a != action));
        self.open.set(None);
    }
}

impl Default for Workbench {
    fn default() -> Self {
        Self::new()
    }
}

fn note_id(action: Action) -> String {
    format!("note-{}", action_slug(action))
}

/// The note's label as a heading of its box, and as words inside a sentence.
fn note_labels(action: &StaffAction, lang: Lang) -> (String, String) {
    let words = match lang {
        Lang::Zh => action.note_label.clone(),
        Lang::En => action.note_label_en.clone(),
    }
    .or_else(|| {
        action
            .action
            .required_note()
            .map(|k| k.label_in(lang).to_owned())
    })
    .unwrap_or_default();
    (capitalised(&words), words)
}

#[component]
pub fn ActionPanel(
    reference: String,
    actions: Vec<StaffAction>,
    bench: Workbench,
    detail: RwSignal<Option<Result<StaffApplicationDetail, FetchError>>>,
    announce: Callback<Banner>,
    reload: Callback<()>,
) -> impl IntoView {
    let t = StaffText::now();
    let m = ApplyText::now();
    let l = lang();
    let session = use_context::<StaffSession>();
    let issues = RwSignal::new(Vec::<ShownIssue>::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let send = Callback::new(move |(action, note): (Action, String)| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        issues.set(Vec::new());
        let reference = reference.clone();
        spawn_local(async move {
            let request = TransitionRequest { action, note };
            let result = transition_application(&reference, l, &request).await;
            // Before the panel is replaced by the new detail's.
            busy.set(false);
            match result {
                Ok(updated) => {
                    bench.done(action);
                    let text = (t.action_done)(action.label_in(l), updated.status.label_in(l));
                    detail.set(Some(Ok(updated)));
                    announce.run(Banner::Done(text));
                }
                Err(FetchError::Api(error)) if error.code == ErrorCode::Conflict => {
                    announce.run(Banner::Changed(
                        l.pick(&error.message, &error.message_en).to_owned(),
                    ));
                    reload.run(());
                }
                Err(FetchError::Api(error))
                    if error.code == ErrorCode::ValidationFailed
                        && action.required_note().is_some() =>
                {
                    let message = error.fields.first().map_or_else(
                        || l.pick(&error.message, &error.message_en).to_owned(),
                        |f| l.pick(&f.message, &f.message_en).to_owned(),
                    );
                    issues.set(vec![ShownIssue {
                        path: note_id(action),
                        message,
                        warning: false,
                    }]);
                }
                Err(error) => match (access_of(&error), session) {
                    // Signing in again brings the page back with the note as typed.
                    (Access::SignedOut, Some(session)) => session.recheck(),
                    _ => failure.set(Some(format!("{} {}", t.action_failed, error.text()))),
                },
            }
        });
    });

    let toggle = move |action: Action| {
        issues.set(Vec::new());
        let opening = bench.open.get_untracked() != Some(action);
        bench.open.set(opening.then_some(action));
        if opening {
            request_animation_frame(move || {
                focus_field(&note_id(action));
            });
        }
    };

    let buttons = actions
        .iter()
        .map(|a| {
            let action = a.action;
            let label = action.label_in(l);
            if a.note_required {
                let is_open = move || bench.open.get() == Some(action);
                view! {
                    <button
                        type="button"
                        class="button button-secondary"
                        aria-expanded=move || is_open().to_string()
                        aria-controls=move || is_open().then(|| format!("note-form-{}", action_slug(action)))
                        on:click=move |_| toggle(action)
                    >
                        {label}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="button" disabled=move || busy.get() on:click=move |_| send.run((action, String::new()))>
                        {label}
                    </button>
                }
                .into_any()
            }
        })
        .collect_view();

    let forms = actions
        .iter()
        .filter(|a| a.note_required)
        .map(|a| {
            let action = a.action;
            let (label, words) = note_labels(a, l);
            let field_id = note_id(action);
            let issue = move || issues.with(|all| all.first().filter(|i| i.path == note_id(action)).map(|i| i.message.clone()));
            move || {
                (bench.open.get() == Some(action)).then(|| {
                    let words = words.clone();
                    let on_submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let note = bench.note(action);
                        if note.trim().is_empty() {
                            issues.set(vec![ShownIssue { path: note_id(action), message: (t.note_missing)(&words), warning: false }]);
                        } else {
                            send.run((action, note));
                        }
                    };
                    view! {
                        <form id=format!("note-form-{}", action_slug(action)) class="note-form" novalidate on:submit=on_submit>
                            <div class=move || if issue().is_some() { "form-group form-group-error" } else { "form-group" }>
                                <label class="label" for=field_id.clone()>{label.clone()}</label>
                                {move || issue().map(|message| view! {
                                    <p class="field-error" id=format!("{}-error", note_id(action))>
                                        <span class="visually-hidden">{m.error_prefix}</span>
                                        {message}
                                    </p>
                                })}
                                <textarea
                                    class="input textarea"
                                    id=field_id.clone()
                                    name=field_id.clone()
                                    rows="5"
                                    aria-invalid=move || issue().map(|_| "true")
                                    aria-describedby=move || issue().map(|_| format!("{}-error", note_id(action)))
                                    on:input=move |ev| bench.set_note(action, event_target_value(&ev))
                                >
                                    {bench.note(action)}
                                </textarea>
                            </div>
                            <div class="button-row">
                                <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                                    {move || if busy.get() { t.sending.to_owned() } else { (t.confirm_action)(action.label_in(l)) }}
                                </button>
                                <button type="button" class="button button-secondary" on:click=move |_| toggle(action)>{t.cancel}</button>
                            </div>
                        </form>
                    }
                })
            }
        })
        .collect_view();

    let nothing = actions.is_empty().then(|| view! { <p>{t.no_actions}</p> });
    view! {
        <section class="staff-section staff-actions" aria-labelledby="actions-heading" data-testid="actions">
            <h2 id="actions-heading">{t.actions_heading}</h2>
            {move || (!issues.with(Vec::is_empty)).then(|| view! { <ErrorSummary issues=issues.get() /> })}
            {move || failure.get().map(|text| view! { <p class="notice notice-error" role="alert" data-testid="action-failed">{text}</p> })}
            {nothing}
            <div class="button-row">{buttons}</div>
            {forms}
        </section>
    }
}
