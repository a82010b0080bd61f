//! Native benchmark of typing the shared harness's ten queries through one `SearchSession`, as
//! the catalog page does: prints each keystroke's time, the top ten taken as the page shows them.
//! Run: `cargo run --release -p portal-core --features pinyin --example typing_bench`

use std::sync::Arc;
use std::time::Instant;

use portal_core::keys::synthetic_summaries;
use portal_core::{CatalogFilter, SearchIndex, SearchSession};

const ITEMS: usize = 10_000;
const ROUNDS: usize = 100;
/// The shared harness's queries (`../shared/bench/harness/measure.js`).
const QUERIES: [&str; 10] = [
    "身份证",
    "sfz",
    "shenfenzheng",
    "wfz",
    "jiashizheng",
    "护照",
    "flyz",
    "公证",
    "hukou",
    "居住证",
];

fn main() {
    let summaries = synthetic_summaries(ITEMS);
    let index = Arc::new(SearchIndex::new(summaries));
    index.prepare();
    let prefixes: Vec<String> = QUERIES
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .map(|(i, c)| q[..i + c.len_utf8()].to_owned())
        })
        .collect();
    let mut totals = vec![0.0; prefixes.len()];
    for _ in 0..ROUNDS {
        let session = SearchSession::new(Arc::clone(&index));
        for (prefix, total) in prefixes.iter().zip(&mut totals) {
            let filter = CatalogFilter {
                query: prefix.clone(),
                ..Default::default()
            };
            let started = Instant::now();
            let hits = session.search(&filter);
            std::hint::black_box(hits.top(10));
            *total += started.elapsed().as_secs_f64() * 1e3;
        }
    }
    let per_key: Vec<f64> = totals.iter().map(|t| t / ROUNDS as f64).collect();
    for (prefix, ms) in prefixes.iter().zip(&per_key) {
        println!("  {prefix:<14} {ms:.3} ms");
    }
    let sum: f64 = per_key.iter().sum();
    println!(
        "typing_bench: {} keystrokes, {sum:.2} ms in all",
        per_key.len()
    );
}
