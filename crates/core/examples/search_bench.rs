//! Native benchmark of catalog search over 10 000 synthetic items: prints per-query timings.
//! Run: `cargo run --release -p portal-core --features pinyin --example search_bench`

use std::time::Instant;

use portal_core::keys::synthetic_summaries;
use portal_core::{CatalogFilter, SearchIndex};

const ITEMS: usize = 10_000;
const ROUNDS: usize = 20;

fn main() {
    let started = Instant::now();
    let summaries = synthetic_summaries(ITEMS);
    let keys_ms = started.elapsed().as_secs_f64() * 1e3;
    // The catalog's first load decodes every card (`GET /api/cards`) before the first list shows.
    let encoded = portal_core::cards::encode(&summaries);
    let started = Instant::now();
    for _ in 0..ROUNDS {
        std::hint::black_box(portal_core::cards::decode(&encoded).expect("own encoding decodes"));
    }
    let decode_ms = started.elapsed().as_secs_f64() * 1e3 / ROUNDS as f64;
    println!(
        "search_bench: cards text {} KB, decode {decode_ms:.2} ms",
        encoded.len() / 1024
    );
    let started = Instant::now();
    let index = SearchIndex::new(summaries);
    index.prepare();
    let index_ms = started.elapsed().as_secs_f64() * 1e3;
    println!(
        "search_bench: {ITEMS} items; pinyin keys {keys_ms:.1} ms, index build {index_ms:.1} ms"
    );

    // Every prefix of each query, as typed.
    let queries = [
        "身份证",
        "shenfenzheng",
        "sfz",
        "wfz",
        "beijing",
        "护照",
        "lvshi",
        "zzzz",
    ];
    let mut all = Vec::new();
    for query in queries {
        let mut per_key = Vec::new();
        let mut hits = 0;
        for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let filter = CatalogFilter {
                query: query[..end].to_owned(),
                ..Default::default()
            };
            let started = Instant::now();
            for _ in 0..ROUNDS {
                hits = std::hint::black_box(index.search(&filter)).len();
            }
            per_key.push(started.elapsed().as_secs_f64() * 1e3 / ROUNDS as f64);
        }
        let mean = per_key.iter().sum::<f64>() / per_key.len() as f64;
        let max = per_key.iter().cloned().fold(0.0, f64::max);
        println!("  {query:<14} {} keystrokes: mean {mean:.3} ms, max {max:.3} ms, {hits} hits at the end", per_key.len());
        all.extend(per_key);
    }
    all.sort_by(|a, b| a.total_cmp(b));
    let median = all[all.len() / 2];
    let p95 = all[(all.len() * 95).div_ceil(100) - 1];
    println!(
        "search_bench: {} keystrokes, median {median:.3} ms, p95 {p95:.3} ms per search",
        all.len()
    );
}
