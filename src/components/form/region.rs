//! 省/市/区 as three selects from core's region table. Choosing a province clears the city and
//! district below it; a partial choice is kept, so the engine can ask for the rest.

use leptos::prelude::*;
use portal_core::form::{Answer, RegionAnswer};
use portal_core::{region, Lang};

use super::{group_class, FieldBinding, FieldMessage, Hint, LabelText};
use crate::i18n::apply::ApplyText;

fn parts(value: Option<Answer>) -> RegionAnswer {
    match value {
        Some(Answer::Region(r)) => r,
        _ => RegionAnswer {
            province: String::new(),
            city: String::new(),
            district: String::new(),
        },
    }
}

fn answer(r: RegionAnswer) -> Option<Answer> {
    (!r.province.is_empty()).then_some(Answer::Region(r))
}

#[component]
pub fn RegionField(binding: FieldBinding, lang: Lang) -> impl IntoView {
    let m = ApplyText::now();
    let value = binding.value;
    let set = binding.set;
    let current = move || parts(value.get());
    let city_id = format!("{}-city", binding.id);
    let district_id = format!("{}-district", binding.id);
    let provinces = region::PROVINCES
        .iter()
        .map(|p| {
            let code = p.place.code;
            view! { <option value=code prop:selected=move || current().province == code>{p.place.name(lang)}</option> }
        })
        .collect_view();
    let cities = move || {
        region::province(&current().province)
            .map(|p| p.cities)
            .unwrap_or_default()
            .iter()
            .map(|c| {
                let code = c.place.code;
                view! { <option value=code prop:selected=move || current().city == code>{c.place.name(lang)}</option> }
            })
            .collect_view()
    };
    let districts = move || {
        let r = current();
        region::city(&r.province, &r.city)
            .map(|c| c.districts)
            .unwrap_or_default()
            .iter()
            .map(|d| {
                let code = d.code;
                view! { <option value=code prop:selected=move || current().district == code>{d.name(lang)}</option> }
            })
            .collect_view()
    };
    view! {
        <fieldset class=group_class(&binding) aria-describedby=binding.described_by()>
            <legend class="legend">
                <LabelText label=binding.label.clone() optional=binding.optional />
            </legend>
            <Hint binding=binding.clone() />
            <FieldMessage binding=binding.clone() />
            <div class="region">
                <div class="region-part">
                    <label class="label-small" for=binding.id.clone()>{m.province}</label>
                    <select
                        id=binding.id.clone()
                        aria-invalid=binding.invalid()
                        on:change=move |ev| {
                            set.run(answer(RegionAnswer {
                                province: event_target_value(&ev),
                                city: String::new(),
                                district: String::new(),
                            }))
                        }
                    >
                        <option value="">{m.choose}</option>
                        {provinces}
                    </select>
                </div>
                <div class="region-part">
                    <label class="label-small" for=city_id.clone()>{m.city}</label>
                    <select
                        id=city_id.clone()
                        on:change=move |ev| {
                            let r = current();
                            set.run(answer(RegionAnswer {
                                city: event_target_value(&ev),
                                district: String::new(),
                                ..r
                            }))
                        }
                    >
                        <option value="">{m.choose}</option>
                        {cities}
                    </select>
                </div>
                <div class="region-part">
                    <label class="label-small" for=district_id.clone()>{m.district}</label>
                    <select
                        id=district_id.clone()
                        on:change=move |ev| {
                            let r = current();
                            set.run(answer(RegionAnswer { district: event_target_value(&ev), ..r }))
                        }
                    >
                        <option value="">{m.choose}</option>
                        {districts}
                    </select>
                </div>
            </div>
        </fieldset>
    }
}
