//! `/staff/figures`: the reform's headline figures, overall and per department, each with the
//! line saying how it is counted, and bar charts of the ratios and counts.

use leptos::prelude::*;
use portal_core::figures::{Figure, FigureKind, FigureSet};

use crate::api_staff::fetch_figures;
use crate::components::chart::{Bar, BarChart};
use crate::components::notice::Loading;
use crate::components::title::set_title;
use crate::i18n::lang;
use crate::i18n::staff::StaffText;
use crate::pages::staff::frame::{StaffFailure, StaffFrame, StaffPage};

#[component]
pub fn StaffFiguresPage() -> impl IntoView {
    view! {
        <StaffFrame current=StaffPage::Figures>
            <Figures />
        </StaffFrame>
    }
}

#[component]
fn Figures() -> impl IntoView {
    let t = StaffText::now();
    set_title(t.figures_title);
    let figures = LocalResource::new(fetch_figures);
    view! {
        <h1 class="page-title">{t.figures_title}</h1>
        <p class="lead">{t.figures_lead}</p>
        <Transition fallback=move || view! { <Loading label=t.loading /> }>
            {move || Suspend::new(async move {
                match figures.await {
                    Ok(all) => view! {
                        <FigureSection set=all.overall />
                        {all.by_department.into_iter().map(|set| view! { <FigureSection set /> }).collect_view()}
                    }
                    .into_any(),
                    Err(error) => view! { <StaffFailure error on_retry=move |()| figures.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// A stable, readable `data-testid` suffix for a figure.
fn kind_id(kind: &FigureKind) -> String {
    match kind {
        FigureKind::Items => "items".into(),
        FigureKind::Online => "online".into(),
        FigureKind::FullyOnline => "fully-online".into(),
        FigureKind::AtMostOnce => "at-most-once".into(),
        FigureKind::ZeroVisit => "zero-visit".into(),
        FigureKind::CrossProvince => "cross-province".into(),
        FigureKind::National => "national".into(),
        FigureKind::Region(region) => format!("region-{region}"),
        FigureKind::Commitment => "commitment".into(),
        FigureKind::Instant => "instant".into(),
    }
}

/// The ratio figures as percentage bars, and the plain counts (bar the total) as count bars.
fn chart_bars(figures: &[Figure]) -> (Vec<Bar>, Vec<Bar>) {
    let l = lang();
    let ratios = figures
        .iter()
        .filter_map(|f| {
            let bp = f.ratio_bp?;
            Some(Bar {
                label: f.label.get(l).to_owned(),
                value: f64::from(bp) / 100.0,
                text: portal_core::figures::format_percent(bp),
            })
        })
        .collect();
    let counts = figures
        .iter()
        .filter(|f| f.of.is_none() && f.kind != FigureKind::Items)
        .map(|f| Bar {
            label: f.label.get(l).to_owned(),
            value: f64::from(f.count),
            text: f.count.to_string(),
        })
        .collect();
    (ratios, counts)
}

#[component]
fn FigureSection(set: FigureSet) -> impl IntoView {
    let t = StaffText::now();
    let l = lang();
    let scope = set.department.map_or(t.overall, |d| d.label_in(l));
    let slug = set.department.map_or("all", |d| match d {
        portal_core::DepartmentKind::Police => "police",
        portal_core::DepartmentKind::Court => "court",
        portal_core::DepartmentKind::Procuratorate => "procuratorate",
        portal_core::DepartmentKind::Justice => "justice",
    });
    let total = set.get(&FigureKind::Items).map_or(0, |f| f.count);
    let (ratios, counts) = chart_bars(&set.figures);
    let max_count = f64::from(total.max(1));
    let heading_id = format!("figures-{slug}");
    let labelled_by = heading_id.clone();
    let list = set
        .figures
        .into_iter()
        .map(|f| {
            view! {
                <li class="figure">
                    <p class="figure-display" data-testid=format!("figure-{slug}-{}", kind_id(&f.kind))>{f.display.get(l).to_owned()}</p>
                    <p class="hint">{f.explanation.get(l).to_owned()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="figure-set" aria-labelledby=labelled_by data-testid=format!("figures-{slug}")>
            <h2 id=heading_id>{scope}</h2>
            {(total == 0).then(|| view! { <p class="muted">{t.no_items}</p> })}
            <ul class="figure-list">{list}</ul>
            <div class="charts">
                <BarChart title=(t.ratio_chart)(scope) bars=ratios max=100.0 />
                <BarChart title=(t.count_chart)(scope) bars=counts max=max_count />
            </div>
        </section>
    }
}
