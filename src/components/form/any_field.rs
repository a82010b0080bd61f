//! The one place that maps a field kind to its component.

use leptos::prelude::*;
use portal_core::form::{Answer, Field, FieldKind, FileRef, DEFAULT_GROUP_MAX};
use portal_core::Lang;

use super::*;

#[component]
pub fn AnyField(field: Field, binding: FieldBinding, env: FormEnv, lang: Lang) -> impl IntoView {
    match field.kind {
        FieldKind::Text { .. } => view! { <TextField binding kind=TextKind::Text /> }.into_any(),
        FieldKind::IdCard => view! { <TextField binding kind=TextKind::IdCard /> }.into_any(),
        FieldKind::Mobile => view! { <TextField binding kind=TextKind::Mobile /> }.into_any(),
        FieldKind::Email => view! { <TextField binding kind=TextKind::Email /> }.into_any(),
        FieldKind::Address => view! { <TextField binding kind=TextKind::Address /> }.into_any(),
        FieldKind::CreditCode => view! { <CreditCodeField binding env /> }.into_any(),
        FieldKind::Textarea { .. } => view! { <TextareaField binding /> }.into_any(),
        FieldKind::Number { .. } => view! { <NumberField binding /> }.into_any(),
        FieldKind::Date { .. } => view! { <DateField binding /> }.into_any(),
        FieldKind::Choice { options } => view! { <ChoiceField binding options lang /> }.into_any(),
        FieldKind::MultiChoice { options, .. } => {
            view! { <MultiChoiceField binding options lang /> }.into_any()
        }
        FieldKind::YesNo => view! { <YesNoField binding /> }.into_any(),
        FieldKind::Region => view! { <RegionField binding lang /> }.into_any(),
        FieldKind::Group { fields, min, max } => view! {
            <GroupField
                binding
                fields
                min=min.unwrap_or(0)
                max=max.unwrap_or(DEFAULT_GROUP_MAX)
                env
                lang
            />
        }
        .into_any(),
        FieldKind::Files { max_files } => files_field(binding, max_files as usize).into_any(),
    }
}

/// A question answered with attachments.
fn files_field(binding: FieldBinding, max_files: usize) -> impl IntoView {
    let value = binding.value;
    let set = binding.set;
    let files = Signal::derive(move || {
        value
            .get()
            .as_ref()
            .and_then(Answer::as_files)
            .map(<[FileRef]>::to_vec)
            .unwrap_or_default()
    });
    let set_files = Callback::new(move |files: Vec<FileRef>| {
        set.run((!files.is_empty()).then_some(Answer::Files(files)))
    });
    view! {
        <div class=group_class(&binding)>
            <FieldMessage binding=binding.clone() />
            <FileUpload
                id=binding.id.clone()
                label=format!("{}{}", binding.label, if binding.optional.get_untracked() { crate::i18n::apply::ApplyText::now().optional } else { "" })
                files
                set_files
                max_files
                described_by=binding.described_by()
                invalid=binding.invalid()
            />
        </div>
    }
}
