//! A repeating group (家庭成员, 当事人): rows of the same questions, with 添加 and 删除 buttons
//! that respect the group's min and max. The rows are re-drawn only when their number changes;
//! inputs take their values from the draft, so nothing typed is lost.

use leptos::prelude::*;
use portal_core::form::{field_required, field_visible, row_path, Answer, Answers, Field};
use portal_core::Lang;

use super::{group_class, AnyField, FieldBinding, FieldMessage, FormEnv, Hint, LabelText};
use crate::components::form::focus_field;
use crate::i18n::apply::ApplyText;

fn rows_of(value: Option<Answer>) -> Vec<Answers> {
    value
        .as_ref()
        .and_then(Answer::as_rows)
        .map(<[Answers]>::to_vec)
        .unwrap_or_default()
}

/// The binding of question `sub` in row `row` of the group bound by `group`.
pub(crate) fn row_binding(
    group: &FieldBinding,
    group_id: &str,
    row: usize,
    sub: &Field,
    env: FormEnv,
    lang: Lang,
) -> FieldBinding {
    let id = row_path(group_id, row, &sub.id);
    let group_value = group.value;
    let group_set = group.set;
    let sub_id = sub.id.clone();
    let value = Signal::derive({
        let sub_id = sub_id.clone();
        move || rows_of(group_value.get()).get(row)?.get(&sub_id).cloned()
    });
    let set = Callback::new(move |answer: Option<Answer>| {
        let mut rows = rows_of(group_value.get_untracked());
        if rows.len() <= row {
            rows.resize_with(row + 1, Answers::new);
        }
        match answer {
            Some(a) => rows[row].insert(sub_id.clone(), a),
            None => rows[row].remove(&sub_id),
        };
        group_set.run(Some(Answer::Group(rows)));
    });
    let required_field = sub.clone();
    let optional = Signal::derive(move || {
        let rows = rows_of(group_value.get());
        let empty = Answers::new();
        let this = rows.get(row).unwrap_or(&empty);
        !env.top
            .with(|top| field_required(&required_field, Some(this), top))
    });
    FieldBinding {
        issue: env.issue_at(id.clone()),
        id,
        label: sub.label.get(lang).to_owned(),
        hint: sub.hint.as_ref().map(|h| h.get(lang).to_owned()),
        optional,
        value,
        set,
    }
}

#[component]
pub fn GroupField(
    binding: FieldBinding,
    fields: Vec<Field>,
    min: u32,
    max: u32,
    env: FormEnv,
    lang: Lang,
) -> impl IntoView {
    let m = ApplyText::now();
    let value = binding.value;
    let set = binding.set;
    let min = min as usize;
    let max = max as usize;
    // A group that needs rows starts with that many empty ones.
    let existing = rows_of(value.get_untracked()).len();
    if existing < min {
        let mut rows = rows_of(value.get_untracked());
        rows.resize_with(min, Answers::new);
        set.run(Some(Answer::Group(rows)));
    }
    let count = Memo::new(move |_| rows_of(value.get()).len());
    let group_id = binding.id.clone();
    let add_id = format!("{group_id}-add");
    let label = binding.label.clone();
    let first_field = fields.first().map(|f| f.id.clone()).unwrap_or_default();

    let add = {
        let group_id = group_id.clone();
        let first_field = first_field.clone();
        move |_| {
            let mut rows = rows_of(value.get_untracked());
            if rows.len() >= max {
                return;
            }
            rows.push(Answers::new());
            let new_row = rows.len() - 1;
            set.run(Some(Answer::Group(rows)));
            let target = row_path(&group_id, new_row, &first_field);
            request_animation_frame(move || {
                focus_field(&target);
            });
        }
    };

    let rows_view = {
        let binding = binding.clone();
        let group_id = group_id.clone();
        let label = label.clone();
        let add_id = add_id.clone();
        move || {
            let n = count.get();
            (0..n)
                .map(|row| {
                    let subs = fields
                        .iter()
                        .map(|sub| {
                            let sub_binding = row_binding(&binding, &group_id, row, sub, env, lang);
                            let shown = sub.clone();
                            let visible = move || {
                                let rows = rows_of(value.get());
                                let empty = Answers::new();
                                let this = rows.get(row).unwrap_or(&empty);
                                env.top.with(|top| field_visible(&shown, Some(this), top))
                            };
                            let sub = sub.clone();
                            view! {
                                <Show when=visible>
                                    <AnyField field=sub.clone() binding=sub_binding.clone() env lang />
                                </Show>
                            }
                        })
                        .collect_view();
                    let remove = {
                        let add_id = add_id.clone();
                        move |_| {
                            let mut rows = rows_of(value.get_untracked());
                            if row < rows.len() && rows.len() > min {
                                rows.remove(row);
                                set.run(if rows.is_empty() { None } else { Some(Answer::Group(rows)) });
                                let add_id = add_id.clone();
                                request_animation_frame(move || {
                                    focus_field(&add_id);
                                });
                            }
                        }
                    };
                    let can_remove = n > min;
                    let row_label = format!("{label} {}", row + 1);
                    view! {
                        <fieldset class="group-row" data-row=row>
                            <legend class="legend-row">{row_label.clone()}</legend>
                            {subs}
                            {can_remove.then(|| view! {
                                <button type="button" class="button button-secondary button-small" on:click=remove.clone()>
                                    {m.remove}
                                    <span class="visually-hidden">{format!(" {row_label}")}</span>
                                </button>
                            })}
                        </fieldset>
                    }
                })
                .collect_view()
        }
    };

    view! {
        <fieldset
            class=group_class(&binding)
            id=group_id.clone()
            tabindex="-1"
            aria-describedby=binding.described_by()
        >
            <legend class="legend">
                <LabelText label=label.clone() optional=binding.optional />
            </legend>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <div class="group-rows">{rows_view}</div>
            <Show when=move || { count.get() < max }>
                <button type="button" class="button button-secondary" id=add_id.clone() on:click=add.clone()>
                    {(m.add_row)(&label)}
                </button>
            </Show>
            <p class="hint">{(m.group_limits)(min, max)}</p>
        </fieldset>
    }
}
