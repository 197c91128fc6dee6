//! A large directory made from the shipped sample, for timing and for properties over many
//! records.
//!
//! Record `k` is sample record `k mod 18` with the id `00000000-0000-4000-8000-<k, 12
//! digits>`, the name followed by ` <k + 1>`, and its place moved to one of 15 districts in
//! turn (`WX1`…`WX12`, `WY1`, `WY2`, `WZ1`). Every record stays valid against the schema.
//! The same recipe is easy to repeat in a browser test; or run
//! `DIRECTORY_FIXTURE_OUT=/tmp/directory-2000.json cargo test --lib directory_bench` to
//! write the 2,000-record file this module times.

use std::io::Write;
use std::time::Instant;

use serde_json::{json, Value};

use super::*;
use crate::test_support::default_ids;

/// The sample shipped in `public/`.
pub(super) const SAMPLE: &str = include_str!("../../../public/directory.json");

/// The service's activity category ids in the default configuration.
pub(super) fn default_categories() -> Vec<&'static str> {
    default_ids(|c| &c.activity_categories)
}

/// The classifier of the default configuration.
pub(super) fn default_classifier() -> Classifier {
    Classifier::new(&TaxonomyMap::new(), &default_categories())
}

/// A directory file of `count` services made from the sample (see the module's docs).
pub(super) fn generated(count: usize) -> String {
    const DISTRICTS: [&str; 15] = [
        "WX1", "WX2", "WX3", "WX4", "WX5", "WX6", "WX7", "WX8", "WX9", "WX10", "WX11", "WX12",
        "WY1", "WY2", "WZ1",
    ];
    let sample: Vec<Value> = serde_json::from_str(SAMPLE).expect("the sample is JSON");
    let records: Vec<Value> = (0..count)
        .map(|k| {
            let mut r = sample[k % sample.len()].clone();
            let name = r["name"].as_str().unwrap_or_default().to_owned();
            r["id"] = json!(format!("00000000-0000-4000-8000-{k:012}"));
            r["name"] = json!(format!("{name} {}", k + 1));
            if let Some(address) = r.pointer_mut("/service_at_locations/0/location/addresses/0") {
                let district = DISTRICTS[k % DISTRICTS.len()];
                address["postal_code"] = json!(format!("{district} {}AB", k % 10));
            }
            r
        })
        .collect();
    serde_json::to_string(&records).expect("JSON values serialise")
}

/// Writes past the test harness's capture, so the line shows in every run.
fn announce(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[test]
fn directory_bench_2000_services_filter_and_sort_quickly() {
    let text = generated(2000);
    if let Ok(path) = std::env::var("DIRECTORY_FIXTURE_OUT") {
        std::fs::write(&path, &text).expect("the fixture file can be written");
    }
    let started = Instant::now();
    let directory = Directory::parse(&text, &default_classifier()).expect("it parses");
    let parsed = started.elapsed();
    assert_eq!(directory.activities.len(), 2000);
    assert!(directory.skipped.is_empty());
    // Someone who would like to meet people and finds getting there hard, in WX1, with no
    // filter on: every service is kept and sorted, the most work a page can ask for.
    let query = Query {
        liked: vec!["social".into()],
        priorities: priorities(&["getting-there".into()], None, &[]),
        district: Some("WX1".into()),
        ..Query::default()
    };
    let mut times: Vec<u128> = (0..25)
        .map(|_| {
            let started = Instant::now();
            let found = find(&directory, &query);
            let took = started.elapsed().as_micros();
            assert_eq!(found.len(), 2000);
            took
        })
        .collect();
    times.sort_unstable();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    announce(&format!(
        "directory bench: 2000 services filtered+sorted in {} µs (median of 25; parsed in {} ms; {build} build)",
        times[times.len() / 2],
        parsed.as_millis()
    ));
}
