//! A horizontal bar chart drawn as inline SVG by the app (no chart library). The picture is one
//! image to assistive technology: its `<title>` and `aria-label` say every bar in words, and each
//! bar carries its own `<title>` for pointer users.

use leptos::prelude::*;

/// One bar: its label, its value on the chart's scale, and the value as text ("72.61 %").
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 200.0;
const VALUE_WIDTH: f64 = 110.0;
const ROW: f64 = 34.0;
const BAR: f64 = 22.0;

/// The bar's length in SVG units for `value` on a scale ending at `max` (0 when `max` is 0).
pub fn bar_length(value: f64, max: f64) -> f64 {
    let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    if max <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    (value / max).clamp(0.0, 1.0) * room
}

/// The chart's text alternative: "title: label text; label text".
pub fn describe(title: &str, bars: &[Bar]) -> String {
    let parts: Vec<String> = bars
        .iter()
        .map(|b| format!("{} {}", b.label, b.text))
        .collect();
    format!("{title}: {}", parts.join("; "))
}

#[component]
pub fn BarChart(
    title: String,
    bars: Vec<Bar>,
    /// The value at the right end of the scale (100 for percentages).
    max: f64,
) -> impl IntoView {
    let height = ROW * bars.len() as f64 + 8.0;
    let label = describe(&title, &bars);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + ROW * i as f64;
            let length = bar_length(bar.value, max);
            let text_y = y + BAR / 2.0 + 5.0;
            view! {
                <g class="chart-row">
                    <title>{format!("{} {}", bar.label, bar.text)}</title>
                    <text x=LABEL_WIDTH - 8.0 y=text_y text-anchor="end" class="chart-label">{bar.label}</text>
                    <rect x=LABEL_WIDTH y=y width=length.max(1.0) height=BAR class="chart-bar" />
                    <text x=LABEL_WIDTH + length + 6.0 y=text_y class="chart-value">{bar.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-label=label
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title>{title.clone()}</title>
                {rows}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_room_and_never_overflow() {
        let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(bar_length(50.0, 100.0), room / 2.0);
        assert_eq!(bar_length(150.0, 100.0), room);
        assert_eq!(bar_length(5.0, 0.0), 0.0);
        assert_eq!(bar_length(f64::NAN, 10.0), 0.0);
    }

    #[test]
    fn the_text_alternative_names_every_bar() {
        let bars = vec![
            Bar {
                label: "全程网办".into(),
                value: 47.37,
                text: "47.37 %".into(),
            },
            Bar {
                label: "零跑腿".into(),
                value: 53.09,
                text: "53.09 %".into(),
            },
        ];
        assert_eq!(
            describe("全部部门", &bars),
            "全部部门: 全程网办 47.37 %; 零跑腿 53.09 %"
        );
    }
}
