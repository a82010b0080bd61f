//! Browse and filter controls: department tabs, theme and 服务对象 selects, and combinable chips
//! (零跑腿 / 最多跑一次, 全程网办, 跨省通办 by scope, 可告知承诺, 即办件). Each control states its
//! own state (`aria-pressed`, selected option) and reports a whole new filter on change.

use leptos::prelude::*;
use portal_core::{Audience, CatalogFilter, DepartmentKind, ScopeFilter, Theme};

use crate::i18n::{lang, t, Messages};

/// One toggle chip: its label, whether `filter` has it on, and `filter` with it flipped.
struct Chip {
    label: fn(&Messages) -> &'static str,
    is_on: fn(&CatalogFilter) -> bool,
    toggle: fn(&mut CatalogFilter),
}

const CHIPS: &[Chip] = &[
    Chip {
        label: |m| m.chip_zero_visits,
        is_on: |f| f.max_visits == Some(0),
        toggle: |f| {
            f.max_visits = if f.max_visits == Some(0) {
                None
            } else {
                Some(0)
            }
        },
    },
    Chip {
        label: |m| m.chip_one_visit,
        is_on: |f| f.max_visits == Some(1),
        toggle: |f| {
            f.max_visits = if f.max_visits == Some(1) {
                None
            } else {
                Some(1)
            }
        },
    },
    Chip {
        label: |m| m.chip_fully_online,
        is_on: |f| f.fully_online,
        toggle: |f| f.fully_online = !f.fully_online,
    },
    Chip {
        label: |m| m.chip_cross_province,
        is_on: |f| f.cross_province.is_some(),
        toggle: |f| {
            f.cross_province = match f.cross_province {
                Some(_) => None,
                None => Some(ScopeFilter::Any),
            }
        },
    },
    Chip {
        label: |m| m.chip_commitment,
        is_on: |f| f.commitment,
        toggle: |f| f.commitment = !f.commitment,
    },
    Chip {
        label: |m| m.chip_instant,
        is_on: |f| f.instant,
        toggle: |f| f.instant = !f.instant,
    },
];

#[component]
pub fn FilterBar(
    #[prop(into)] filter: Signal<CatalogFilter>,
    #[prop(into)] on_change: Callback<CatalogFilter>,
    /// The 跨省通办 regions present in the catalog, e.g. 川渝 (read when their select shows).
    #[prop(into)]
    regions: Signal<Vec<String>>,
) -> impl IntoView {
    // The controls show only the choices: typing changes the filter's query, which must not
    // re-check every button and select on each keystroke.
    let choices = Memo::new(move |_| filter.with(CatalogFilter::choices));
    let update = move |change: &dyn Fn(&mut CatalogFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        on_change.run(next);
    };

    let (m, l) = (t(), lang());
    let department_tab = move |kind: Option<DepartmentKind>| {
        let label = kind.map_or(m.all_departments, |k| k.label_in(l));
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || (choices.with(|f| f.department) == kind).to_string()
                on:click=move |_| update(&|f| f.department = kind)
            >
                {label}
            </button>
        }
    };

    let chip = move |chip: &'static Chip| {
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || choices.with(chip.is_on).to_string()
                on:click=move |_| update(&|f| (chip.toggle)(f))
            >
                {(chip.label)(m)}
            </button>
        }
    };

    // On phones the controls fold away behind a toggle (CSS shows them always on wider screens),
    // so results start near the top; the toggle says how many choices are in force.
    let open = RwSignal::new(false);
    let toggle_label = move || (m.filters_toggle)(choices.with(choice_count));

    let scope_value = move || {
        choices.with(|f| {
            f.cross_province
                .as_ref()
                .map(|s| s.as_query_value().to_owned())
        })
    };

    view! {
        <section class="filters" aria-label=m.filters_label>
            <button
                type="button"
                class="filters-toggle button button-secondary"
                aria-controls="filters-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {toggle_label}
            </button>
            <div id="filters-panel" class="filters-panel" data-open=move || open.get().to_string()>
                <div class="tabs" role="group" aria-label=m.by_department>
                    {department_tab(None)}
                    {DepartmentKind::ALL.iter().map(|k| department_tab(Some(*k))).collect_view()}
                </div>
                <div class="selects">
                    <label>
                        {m.theme}" "
                        <select
                            prop:value=move || choices.with(|f| f.theme.map(|t| t.label()).unwrap_or_default().to_owned())
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                update(&|f| f.theme = Theme::from_label(&value));
                            }
                        >
                            <option value="">{m.all_themes}</option>
                            {Theme::ALL.iter().map(|t| view! { <option value=t.label()>{t.label_in(l)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {m.audience}" "
                        <select
                            prop:value=move || choices.with(|f| f.audience.map(|a| a.label()).unwrap_or_default().to_owned())
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                update(&|f| f.audience = Audience::from_label(&value));
                            }
                        >
                            <option value="">{m.all_audiences}</option>
                            {Audience::ALL.iter().map(|a| view! { <option value=a.label()>{portal_core::Label::label_in(*a, l)}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <div class="chips" role="group" aria-label=m.handling_filters>
                    {CHIPS.iter().map(chip).collect_view()}
                </div>
                <Show when=move || scope_value().is_some()>
                    <label class="scope-select">
                        {m.scope}" "
                        <select
                            prop:value=move || scope_value().unwrap_or_default()
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                update(&|f| f.cross_province = ScopeFilter::from_query_value(&value));
                            }
                        >
                            <option value="any">{m.scope_any}</option>
                            <option value="全国">{m.scope_national}</option>
                            {move || regions.with(|regions| {
                                regions
                                    .iter()
                                    .map(|r| view! { <option value=r.clone()>{(m.scope_region)(r)}</option> })
                                    .collect_view()
                            })}
                        </select>
                    </label>
                </Show>
                <Show when=move || choices.with(|f| f.has_choices())>
                    <button
                        type="button"
                        class="button button-link"
                        on:click=move |_| update(&|f| *f = f.query_only())
                    >
                        {m.clear_filters}
                    </button>
                </Show>
            </div>
        </section>
    }
}

/// How many browse and filter choices are set (the search text not counted).
fn choice_count(f: &CatalogFilter) -> usize {
    [
        f.department.is_some(),
        f.theme.is_some(),
        f.audience.is_some(),
        f.max_visits.is_some(),
        f.fully_online,
        f.cross_province.is_some(),
        f.commitment,
        f.instant,
    ]
    .iter()
    .filter(|set| **set)
    .count()
}
