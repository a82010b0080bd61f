//! 统一社会信用代码: a failed check character is only a warning (some early codes fail it), so
//! the applicant may tick "我确认该代码无误" and go on. Changing the code withdraws the
//! confirmation.

use leptos::prelude::*;

use super::{FieldBinding, FormEnv, TextField, TextKind};
use crate::i18n::apply::ApplyText;

#[component]
pub fn CreditCodeField(binding: FieldBinding, env: FormEnv) -> impl IntoView {
    let m = ApplyText::now();
    let path = binding.id.clone();
    let confirm_id = format!("{path}-confirm");
    let confirmed = {
        let path = path.clone();
        Signal::derive(move || env.confirmed.with(|c| c.contains(&path)))
    };
    let issue = binding.issue;
    let show = move || confirmed.get() || issue.with(|i| i.as_ref().is_some_and(|i| i.warning));
    let inner_set = binding.set;
    let unconfirm_path = path.clone();
    let binding = FieldBinding {
        set: Callback::new(move |answer| {
            if env
                .confirmed
                .with_untracked(|c| c.contains(&unconfirm_path))
            {
                env.set_confirmed.run((unconfirm_path.clone(), false));
            }
            inner_set.run(answer);
        }),
        ..binding
    };
    view! {
        <TextField binding kind=TextKind::CreditCode />
        <Show when=show>
            <div class="checkbox confirm-warning">
                <input
                    type="checkbox"
                    id=confirm_id.clone()
                    prop:checked=move || confirmed.get()
                    on:change={
                        let path = path.clone();
                        move |ev| env.set_confirmed.run((path.clone(), event_target_checked(&ev)))
                    }
                />
                <label for=confirm_id.clone()>{m.confirm_credit_code}</label>
            </div>
        </Show>
    }
}
