//! Single choice as radios, multiple choice as checkboxes, yes/no as two radios; each group is a
//! fieldset whose legend is the question. The first input carries the field's id, so the error
//! summary's link lands on it.

use leptos::prelude::*;
use portal_core::form::{Answer, ChoiceOption};
use portal_core::Lang;

use super::{group_class, FieldBinding, FieldMessage, Hint, LabelText};
use crate::i18n::apply::ApplyText;

fn option_id(field_id: &str, index: usize) -> String {
    if index == 0 {
        field_id.to_owned()
    } else {
        format!("{field_id}-{index}")
    }
}

#[component]
fn Legend(binding: FieldBinding) -> impl IntoView {
    view! {
        <legend class="legend">
            <LabelText label=binding.label.clone() optional=binding.optional />
        </legend>
        <Hint binding=binding.clone() />
        <FieldMessage binding=binding />
    }
}

#[component]
pub fn ChoiceField(binding: FieldBinding, options: Vec<ChoiceOption>, lang: Lang) -> impl IntoView {
    let value = binding.value;
    let set = binding.set;
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = option_id(&binding.id, i);
            let v = option.value.clone();
            let checked = move || matches!(value.get(), Some(Answer::Text(t)) if t == v);
            let chosen = option.value.clone();
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=binding.id.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        on:change=move |_| set.run(Some(Answer::Text(chosen.clone())))
                    />
                    <label for=id>{option.label.get(lang).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class=group_class(&binding)
            aria-describedby=binding.described_by()
        >
            <Legend binding=binding.clone() />
            <div class="radios">{radios}</div>
        </fieldset>
    }
}

#[component]
pub fn MultiChoiceField(
    binding: FieldBinding,
    options: Vec<ChoiceOption>,
    lang: Lang,
) -> impl IntoView {
    let value = binding.value;
    let set = binding.set;
    let chosen = move || match value.get() {
        Some(Answer::List(list)) => list,
        _ => Vec::new(),
    };
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let id = option_id(&binding.id, i);
            let v = option.value.clone();
            let checked = move || chosen().contains(&v);
            let toggled = option.value.clone();
            view! {
                <div class="checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=binding.id.clone()
                        value=option.value.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let mut list = chosen();
                            list.retain(|x| x != &toggled);
                            if event_target_checked(&ev) {
                                list.push(toggled.clone());
                            }
                            set.run((!list.is_empty()).then_some(Answer::List(list)));
                        }
                    />
                    <label for=id>{option.label.get(lang).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class=group_class(&binding) aria-describedby=binding.described_by()>
            <Legend binding=binding.clone() />
            <div class="checkboxes">{boxes}</div>
        </fieldset>
    }
}

#[component]
pub fn YesNoField(binding: FieldBinding) -> impl IntoView {
    let m = ApplyText::now();
    let value = binding.value;
    let set = binding.set;
    let no_id = format!("{}-no", binding.id);
    view! {
        <fieldset class=group_class(&binding) aria-describedby=binding.described_by()>
            <Legend binding=binding.clone() />
            <div class="radios radios-inline">
                <div class="radio">
                    <input
                        type="radio"
                        id=binding.id.clone()
                        name=binding.id.clone()
                        value="yes"
                        prop:checked=move || value.get() == Some(Answer::Bool(true))
                        on:change=move |_| set.run(Some(Answer::Bool(true)))
                    />
                    <label for=binding.id.clone()>{m.yes}</label>
                </div>
                <div class="radio">
                    <input
                        type="radio"
                        id=no_id.clone()
                        name=binding.id.clone()
                        value="no"
                        prop:checked=move || value.get() == Some(Answer::Bool(false))
                        on:change=move |_| set.run(Some(Answer::Bool(false)))
                    />
                    <label for=no_id>{m.no}</label>
                </div>
            </div>
        </fieldset>
    }
}
