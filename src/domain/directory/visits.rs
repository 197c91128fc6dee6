//! "I went": activities a person says they went to, waiting for their next check-in.
//!
//! Pressing "I went" on an activity records a [`Visit`] in a pending list kept on the device
//! (key [`VISITS_KEY`], the usual `{"schema": 1, "data": [...]}` envelope, restored with
//! `stored::restore_list` so one unreadable visit is set aside alone). The next check-in's
//! uptake question lists them, ticked; the ones still ticked when the check-in is saved are
//! stored in it (`went_to`), and every visit that question asked about leaves the pending
//! list ([`asked_at_checkin`]). Progress counts them by directory id ([`count_visits`]).

use chrono::NaiveDate;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{from_value, Map, Value};

/// Key of the visits waiting for the next check-in.
pub const VISITS_KEY: &str = "flourish.went";

/// One "I went", as stored.
// Read by hand below: serde's `flatten` would add a buffering deserializer to the wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visit {
    /// The directory record's `id`.
    pub directory_id: String,
    /// The activity's name when they went, so it can be shown after the directory changes.
    pub name: String,
    /// The day they said they went (the day they pressed "I went", in their time zone).
    pub on: NaiveDate,
    /// Fields written by a newer app, kept on every save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Visit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut fields = Map::<String, Value>::deserialize(d)?;
        let mut take = |name: &'static str| {
            let value = fields
                .remove(name)
                .ok_or_else(|| D::Error::missing_field(name))?;
            Ok::<_, D::Error>(value)
        };
        let directory_id = from_value(take("directory_id")?).map_err(D::Error::custom)?;
        let name = from_value(take("name")?).map_err(D::Error::custom)?;
        // Read by hand, as every stored date is, without chrono's format interpreter.
        let on = crate::domain::time::date::deserialize(take("on")?).map_err(D::Error::custom)?;
        Ok(Self {
            directory_id,
            name,
            on,
            extra: fields,
        })
    }
}

impl Visit {
    /// A visit to `directory_id` (named `name`) on `on`.
    pub fn new(directory_id: &str, name: &str, on: NaiveDate) -> Self {
        Self {
            directory_id: directory_id.to_owned(),
            name: name.to_owned(),
            on,
            extra: Map::new(),
        }
    }

    fn same(&self, other: &Visit) -> bool {
        self.directory_id == other.directory_id && self.on == other.on
    }
}

/// Adds a visit unless the same activity is already recorded for the same day (a double
/// tap, or a second tab). Returns whether it was added.
pub fn record_visit(pending: &mut Vec<Visit>, visit: Visit) -> bool {
    if pending.iter().any(|v| v.same(&visit)) {
        return false;
    }
    // Kept in order (day, then id) by inserting in place: the list is short, and a sort
    // routine would cost the wasm more than it saves.
    let at = pending
        .iter()
        .position(|v| (v.on, &v.directory_id) > (visit.on, &visit.directory_id))
        .unwrap_or(pending.len());
    pending.insert(at, visit);
    true
}

/// Takes back an "I went" pressed by mistake.
pub fn forget_visit(pending: &mut Vec<Visit>, directory_id: &str, on: NaiveDate) {
    pending.retain(|v| !(v.directory_id == directory_id && v.on == on));
}

/// The latest visit to `directory_id` still waiting for a check-in, if any: what the page
/// shows as "You said you went on …".
pub fn latest_visit<'a>(pending: &'a [Visit], directory_id: &str) -> Option<&'a Visit> {
    pending
        .iter()
        .filter(|v| v.directory_id == directory_id)
        .max_by_key(|v| v.on)
}

/// Two copies of the pending list (two tabs, or an import) made one: every visit once.
pub fn merge_visits(mut ours: Vec<Visit>, theirs: Vec<Visit>) -> Vec<Visit> {
    for visit in theirs {
        record_visit(&mut ours, visit);
    }
    ours
}

/// Splits the pending list when a check-in finishes on `finished_on`: the visits its uptake
/// question asked about (on or before that day), and those to keep for the next one (a
/// visit dated later, from another tab or a clock change). Remove the first part from
/// storage only after the check-in itself is saved.
pub fn asked_at_checkin(pending: &[Visit], finished_on: NaiveDate) -> (Vec<Visit>, Vec<Visit>) {
    pending.iter().cloned().partition(|v| v.on <= finished_on)
}

/// How often a person went to one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitCount {
    /// The directory record's `id`.
    pub directory_id: String,
    /// Its name at the latest visit.
    pub name: String,
    /// How many visits.
    pub times: usize,
    /// The latest visit.
    pub last: NaiveDate,
}

/// Visits counted by directory id, most visited first, then most recent, then by id.
pub fn count_visits<'a>(visits: impl IntoIterator<Item = &'a Visit>) -> Vec<VisitCount> {
    let mut counts: Vec<VisitCount> = Vec::new();
    for v in visits {
        match counts.iter_mut().find(|c| c.directory_id == v.directory_id) {
            Some(c) => {
                c.times += 1;
                if v.on >= c.last {
                    c.last = v.on;
                    c.name.clone_from(&v.name);
                }
            }
            None => counts.push(VisitCount {
                directory_id: v.directory_id.clone(),
                name: v.name.clone(),
                times: 1,
                last: v.on,
            }),
        }
    }
    // An insertion sort: one line per activity the person went to, a short list.
    let first = |a: &VisitCount, b: &VisitCount| {
        (a.times, a.last, &b.directory_id) > (b.times, b.last, &a.directory_id)
    };
    for i in 1..counts.len() {
        let mut j = i;
        while j > 0 && first(&counts[j], &counts[j - 1]) {
            counts.swap(j, j - 1);
            j -= 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stored::{self, Envelope};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn pressing_i_went_twice_on_the_same_day_records_one_visit() {
        let mut pending = Vec::new();
        assert!(record_visit(
            &mut pending,
            Visit::new("walk", "Example walk", day(2))
        ));
        assert!(!record_visit(
            &mut pending,
            Visit::new("walk", "Example walk", day(2))
        ));
        assert!(record_visit(
            &mut pending,
            Visit::new("walk", "Example walk", day(9))
        ));
        assert!(record_visit(
            &mut pending,
            Visit::new("cafe", "Example café", day(3))
        ));
        let order: Vec<(&str, NaiveDate)> = pending
            .iter()
            .map(|v| (v.directory_id.as_str(), v.on))
            .collect();
        assert_eq!(
            order,
            [("walk", day(2)), ("cafe", day(3)), ("walk", day(9))]
        );
        assert_eq!(latest_visit(&pending, "walk").map(|v| v.on), Some(day(9)));
        forget_visit(&mut pending, "walk", day(9));
        assert_eq!(pending.len(), 2);
        assert_eq!(latest_visit(&pending, "walk").map(|v| v.on), Some(day(2)));
        assert_eq!(latest_visit(&pending, "choir"), None);
    }

    #[test]
    fn a_check_in_takes_the_visits_up_to_its_day_and_leaves_later_ones() {
        let pending = vec![
            Visit::new("walk", "Example walk", day(2)),
            Visit::new("cafe", "Example café", day(5)),
            Visit::new("choir", "Example choir", day(6)),
        ];
        let (asked, kept) = asked_at_checkin(&pending, day(5));
        assert_eq!(asked.len(), 2);
        assert_eq!(kept, [Visit::new("choir", "Example choir", day(6))]);
    }

    #[test]
    fn two_tabs_lists_merge_without_losing_or_doubling_a_visit() {
        let ours = vec![Visit::new("walk", "Example walk", day(2))];
        let theirs = vec![
            Visit::new("walk", "Example walk", day(2)),
            Visit::new("cafe", "Example café", day(1)),
        ];
        let merged = merge_visits(ours, theirs);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].directory_id, "cafe");
    }

    #[test]
    fn visits_are_counted_by_directory_id_under_their_latest_name() {
        let visits = [
            Visit::new("walk", "Example walk", day(2)),
            Visit::new("cafe", "Example café", day(3)),
            Visit::new("walk", "Example Tuesday walk", day(9)),
        ];
        let counts = count_visits(&visits);
        assert_eq!(counts.len(), 2);
        assert_eq!(
            (
                counts[0].directory_id.as_str(),
                counts[0].name.as_str(),
                counts[0].times,
                counts[0].last
            ),
            ("walk", "Example Tuesday walk", 2, day(9))
        );
        assert_eq!(counts[1].times, 1);

        // Ties: the most recent first, then by id.
        let visits = [
            Visit::new("b", "B", day(3)),
            Visit::new("c", "C", day(5)),
            Visit::new("a", "A", day(3)),
            Visit::new("d", "D", day(1)),
            Visit::new("d", "D", day(2)),
        ];
        let order: Vec<String> = count_visits(&visits)
            .into_iter()
            .map(|c| c.directory_id)
            .collect();
        assert_eq!(order, ["d", "c", "a", "b"]);
    }

    #[test]
    fn stored_visits_restore_tolerantly_and_keep_fields_from_a_newer_app() {
        let mut visit = Visit::new("walk", "Example walk", day(2));
        visit
            .extra
            .insert("with".into(), Value::String("a friend".into()));
        let text = Envelope::encode(&vec![visit.clone()]).unwrap();
        assert!(text.contains(r#""on":"2026-12-02""#), "{text}");
        let restored = stored::restore_list::<Visit>(Some(&text));
        assert_eq!(restored.value, [visit.clone()]);
        let damaged = r#"{"schema": 1, "data": [{"directory_id": "walk", "name": "Example walk", "on": "2026-12-02", "with": "a friend"}, {"directory_id": 7}, {"directory_id": "walk", "on": "2026-12-02"}]}"#;
        let restored = stored::restore_list::<Visit>(Some(damaged));
        assert_eq!(restored.value, [visit]);
        assert_eq!(
            restored.set_aside.len(),
            2,
            "each unreadable visit is kept aside, alone"
        );
        assert!(
            restored.set_aside[1]
                .reason
                .contains("missing field `name`"),
            "{:?}",
            restored.set_aside[1].reason
        );
    }
}
