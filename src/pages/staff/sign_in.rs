//! Staff sign-in: `/staff`, and the form every staff page shows without a session. Problems are
//! listed in an error summary that takes focus (so a screen reader hears them at once); a wrong
//! password gets one generic message, a throttled account the wait.

use leptos::html::{Div, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use portal_core::staff::StaffMe;

use crate::api_staff::{fetch_me, sign_in, SignInError};
use crate::components::title::set_title;
use crate::i18n::staff::StaffText;

/// `/staff`: the form; once signed in (or if already), the catalog console.
#[component]
pub fn StaffSignInPage() -> impl IntoView {
    let navigate = use_navigate();
    let already = LocalResource::new(fetch_me);
    let to_console = navigate.clone();
    Effect::new(move || {
        if let Some(Ok(_)) = already.get() {
            to_console("/staff/catalog", Default::default());
        }
    });
    let on_success =
        Callback::new(move |_me: StaffMe| navigate("/staff/catalog", Default::default()));
    view! {
        <div class="wrap staff">
            <SignInForm on_success />
        </div>
    }
}

/// One problem in the error summary: its text and the field it is about, if any.
#[derive(Debug, Clone, PartialEq)]
struct Problem {
    text: String,
    field: Option<&'static str>,
}

const USERNAME_ID: &str = "staff-username";
const PASSWORD_ID: &str = "staff-password";

#[component]
pub fn SignInForm(#[prop(into)] on_success: Callback<StaffMe>) -> impl IntoView {
    let t = StaffText::now();
    set_title(t.sign_in_title);
    let username = NodeRef::<Input>::new();
    let password = NodeRef::<Input>::new();
    let summary = NodeRef::<Div>::new();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let busy = RwSignal::new(false);

    let show = move |list: Vec<Problem>| {
        problems.set(list);
        // Focus once the summary is in the DOM.
        request_animation_frame(move || {
            if let Some(el) = summary.get_untracked() {
                let _ = el.focus();
            }
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let name = username
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let secret = password
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let mut missing = Vec::new();
        if name.trim().is_empty() {
            missing.push(Problem {
                text: t.username_missing.to_owned(),
                field: Some(USERNAME_ID),
            });
        }
        if secret.is_empty() {
            missing.push(Problem {
                text: t.password_missing.to_owned(),
                field: Some(PASSWORD_ID),
            });
        }
        if !missing.is_empty() {
            show(missing);
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = sign_in(name.trim(), &secret).await;
            busy.set(false);
            match result {
                Ok(me) => {
                    problems.set(Vec::new());
                    on_success.run(me);
                }
                Err(error) => {
                    let text = match error {
                        SignInError::Credentials => t.wrong_credentials.to_owned(),
                        SignInError::Throttled(wait) => (t.throttled)(wait),
                        SignInError::Other(error) => error.text(),
                    };
                    if let Some(input) = password.get_untracked() {
                        input.set_value("");
                    }
                    show(vec![Problem { text, field: None }]);
                }
            }
        });
    };

    let field_error = move |id: &'static str| {
        move || {
            problems.with(|list| {
                list.iter()
                    .find(|p| p.field == Some(id))
                    .map(|p| p.text.clone())
            })
        }
    };
    let invalid = move |id: &'static str| move || field_error(id)().is_some().then_some("true");

    view! {
        <h1 class="page-title">{t.sign_in_title}</h1>
        <p class="lead">{t.sign_in_lead}</p>
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary data-testid="sign-in-error">
                <h2>{t.error_summary}</h2>
                <ul>
                    {move || problems.get().into_iter().map(|p| match p.field {
                        Some(id) => view! {
                            <li>
                                <a href=format!("#{id}") on:click=move |ev| {
                                    // Focus the field without a router navigation.
                                    ev.prevent_default();
                                    let input = if id == USERNAME_ID { username } else { password };
                                    if let Some(el) = input.get_untracked() {
                                        let _ = el.focus();
                                    }
                                }>{p.text}</a>
                            </li>
                        }.into_any(),
                        None => view! { <li>{p.text}</li> }.into_any(),
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <form class="staff-sign-in" novalidate=true on:submit=on_submit>
            <div class="field">
                <label for=USERNAME_ID>{t.username}</label>
                {move || field_error(USERNAME_ID)().map(|text| view! { <p class="field-error" id="staff-username-error">{text}</p> })}
                <input
                    id=USERNAME_ID
                    name="username"
                    type="text"
                    node_ref=username
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required=true
                    aria-invalid=invalid(USERNAME_ID)
                    aria-describedby=move || field_error(USERNAME_ID)().map(|_| "staff-username-error")
                />
            </div>
            <div class="field">
                <label for=PASSWORD_ID>{t.password}</label>
                {move || field_error(PASSWORD_ID)().map(|text| view! { <p class="field-error" id="staff-password-error">{text}</p> })}
                <input
                    id=PASSWORD_ID
                    name="password"
                    type="password"
                    node_ref=password
                    autocomplete="current-password"
                    required=true
                    aria-invalid=invalid(PASSWORD_ID)
                    aria-describedby=move || field_error(PASSWORD_ID)().map(|_| "staff-password-error")
                />
            </div>
            <button type="submit" class="button" aria-busy=move || busy.get().to_string()>
                {move || if busy.get() { t.signing_in } else { t.sign_in }}
            </button>
        </form>
    }
}
