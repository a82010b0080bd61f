//! Native benchmark of the catalog's first load after the download: decoding the cards
//! (`GET /api/cards`) of 10 000 synthetic items and building the search index over them.
//! Run: `cargo run --release -p portal-core --features pinyin --example cards_bench`

use std::time::Instant;

use portal_core::keys::synthetic_summaries;
use portal_core::{cards, SearchIndex};

const ITEMS: usize = 10_000;
const ROUNDS: usize = 20;

fn main() {
    let summaries = synthetic_summaries(ITEMS);
    let encoded = cards::encode(&summaries);
    let (mut decode_ms, mut index_ms) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let started = Instant::now();
        let decoded = cards::decode(&encoded).expect("the encoded cards decode");
        decode_ms.push(started.elapsed().as_secs_f64() * 1e3);
        let started = Instant::now();
        let index = SearchIndex::new(decoded);
        index.prepare();
        std::hint::black_box(&index);
        index_ms.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    println!(
        "cards_bench: {ITEMS} cards, {} B encoded; decode median {:.2} ms, index median {:.2} ms",
        encoded.len(),
        median(&mut decode_ms),
        median(&mut index_ms)
    );
}
