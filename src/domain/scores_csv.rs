//! Check-in scores as CSV, for a spreadsheet or a support worker's records.
//!
//! One row per check-in per instrument response. Columns, always in this order:
//! `id, started_at, finished_at, instrument_id, instrument_version, total`, then one column
//! per subscale of every instrument this build knows (`<instrument>.<subscale>`, in the
//! instruments' own order), then `category`, then `item_1 … item_N`. The columns depend only
//! on this build's instruments and on the longest answer list, never on row order, so two
//! exports from the same build line up. A cell a row has no value for is empty.
//!
//! Text follows RFC 4180: CRLF line ends; a cell holding a comma, a quote or a line break is
//! quoted, with quotes doubled. A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading apostrophe, because spreadsheets run such cells as formulas (CSV
//! injection) and ids and extra text come from files anyone could have edited.

use chrono::{DateTime, Utc};

use super::checkin::CheckIn;
use super::instrument::{Category, INSTRUMENTS};

/// The stable word for a category in exports: never translated, never changed.
pub fn category_id(category: Category) -> &'static str {
    match category {
        Category::Languishing => "languishing",
        Category::ModeratelyMentallyHealthy => "moderately-mentally-healthy",
        Category::Flourishing => "flourishing",
    }
}

/// The CSV text of `checkins`' scores, header row first, in the order given.
pub fn checkins_csv(checkins: &[CheckIn]) -> String {
    let subscales: Vec<(&str, &str)> = INSTRUMENTS
        .iter()
        .flat_map(|i| i.subscales.iter().map(move |s| (i.id, s.id)))
        .collect();
    let items = INSTRUMENTS
        .iter()
        .map(|i| i.items.len())
        .chain(
            checkins
                .iter()
                .flat_map(|c| c.responses.iter().map(|r| r.answers.len())),
        )
        .max()
        .unwrap_or(0);

    let mut header: Vec<String> = [
        "id",
        "started_at",
        "finished_at",
        "instrument_id",
        "instrument_version",
        "total",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(subscales.iter().map(|(i, s)| format!("{i}.{s}")));
    header.push("category".into());
    header.extend((1..=items).map(|n| format!("item_{n}")));

    let mut out = String::new();
    push_row(&mut out, &header);
    for c in checkins {
        for r in &c.responses {
            let scores = r.scores();
            let mut row = vec![
                c.id.clone(),
                stamp(c.started_at),
                stamp(c.finished_at),
                r.instrument_id.clone(),
                r.instrument_version.clone(),
                number(scores.as_ref().and_then(|s| s.total)),
            ];
            for (instrument, subscale) in &subscales {
                let score = scores
                    .as_ref()
                    .filter(|_| r.instrument_id == *instrument)
                    .and_then(|s| s.subscales.iter().find(|x| x.id == *subscale))
                    .and_then(|x| x.score);
                row.push(number(score));
            }
            row.push(
                scores
                    .as_ref()
                    .and_then(|s| s.category)
                    .map(|c| category_id(c).to_owned())
                    .unwrap_or_default(),
            );
            row.extend((0..items).map(|i| number(r.answers.get(i).copied().flatten())));
            push_row(&mut out, &row);
        }
    }
    out
}

/// RFC 3339 in UTC, which spreadsheets and scripts read without guessing a locale.
fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

fn number<N: ToString>(n: Option<N>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn push_row(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

/// One cell, guarded against formulas and quoted as RFC 4180 asks.
pub fn cell_text(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::Response;
    use chrono::TimeZone;

    fn checkin(id: &str, answers: Vec<Option<u8>>) -> CheckIn {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let response = Response {
            instrument_id: "mhc-sf".into(),
            instrument_version: "1".into(),
            answers,
            ..Response::default()
        };
        CheckIn {
            finished_at: at + chrono::Duration::minutes(5),
            ..CheckIn::sample(id, at, vec![response])
        }
    }

    const HEADER: &str = "id,started_at,finished_at,instrument_id,instrument_version,total,\
        mhc-sf.emotional,mhc-sf.social,mhc-sf.psychological,category,\
        item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,item_11,item_12,item_13,item_14";

    #[test]
    fn one_row_per_response_with_the_existing_scores() {
        let csv = checkins_csv(&[checkin("c1", vec![Some(4); 14])]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(
            lines[1],
            "c1,2026-11-21T09:00:00Z,2026-11-21T09:05:00Z,mhc-sf,1,56,12,20,24,flourishing,\
             4,4,4,4,4,4,4,4,4,4,4,4,4,4"
        );
        assert_eq!(lines[2], "", "the file ends with a line break");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn unanswered_items_and_unknown_instruments_leave_cells_empty() {
        let mut partial = vec![Some(1); 14];
        partial[13] = None;
        let mut unknown = checkin("u", vec![Some(2); 16]);
        unknown.responses[0].instrument_version = "99".into();
        let csv = checkins_csv(&[checkin("p", partial), unknown]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(
            lines[0].ends_with("item_14,item_15,item_16"),
            "{}",
            lines[0]
        );
        // No total or psychological score until every item is answered; no category either.
        assert!(lines[1].contains(",mhc-sf,1,,3,5,,,1,"), "{}", lines[1]);
        assert!(lines[1].ends_with(",1,,,"), "{}", lines[1]);
        assert!(lines[2].contains(",mhc-sf,99,,,,,,2,"), "{}", lines[2]);
    }

    #[test]
    fn cells_are_quoted_and_guarded() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r\nlf", "\"cr\r\nlf\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(cell_text(cell), want, "{cell:?}");
        }
        let csv = checkins_csv(&[checkin("=1+1,\"x\"", vec![Some(0); 14])]);
        assert!(csv.contains("\r\n\"'=1+1,\"\"x\"\"\",2026"), "{csv}");
    }

    #[test]
    fn no_check_ins_is_a_header_only() {
        assert_eq!(checkins_csv(&[]), format!("{HEADER}\r\n"));
    }
}
