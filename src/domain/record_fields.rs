//! How stored records are read: each known field taken out of the JSON object by name, and
//! whatever is left kept as the record's `extra`, so fields written by a newer app survive.
//!
//! serde's `#[serde(flatten)]` and internally tagged enums (`#[serde(tag = "...")]`) do the
//! same from a derive, but each generates a buffering deserializer (serde's `Content`) per
//! type: about 48 KB of the wasm a person downloads. Stored records always arrive as a JSON
//! object, so they are read here from a `serde_json::Map` instead. Writing stays derived.
//! The behaviour is serde's: a missing required field is "missing field `x`", a field of the
//! wrong type says so, an unknown tag is an unknown variant.

use chrono::{DateTime, Utc};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{from_value, Error, Map, Value};

use super::checkin::{ActivityUptake, CheckIn, Draft, FollowUp, Response};
use super::consent::CheckInSharing;
use super::referral::{Baseline, Referral};

/// A record's JSON object, read field by field.
struct Fields(Map<String, Value>);

impl Fields {
    /// The object a record is stored as.
    fn of<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Map::deserialize(d).map(Fields)
    }

    /// A field that must be there.
    fn required<T: DeserializeOwned>(&mut self, name: &'static str) -> Result<T, Error> {
        match self.0.remove(name) {
            Some(value) => from_value(value),
            None => Err(Error::missing_field(name)),
        }
    }

    /// A field that takes its default when it is missing.
    fn or_default<T: DeserializeOwned + Default>(&mut self, name: &str) -> Result<T, Error> {
        self.0
            .remove(name)
            .map_or_else(|| Ok(T::default()), from_value)
    }

    /// An instant that must be there, read by [`super::time::parse_instant`].
    fn instant(&mut self, name: &'static str) -> Result<DateTime<Utc>, Error> {
        match self.0.remove(name) {
            Some(value) => super::time::instant::deserialize(value),
            None => Err(Error::missing_field(name)),
        }
    }

    /// An instant that may be missing or `null`.
    fn optional_instant(&mut self, name: &str) -> Result<Option<DateTime<Utc>>, Error> {
        match self.0.remove(name) {
            Some(value) => super::time::optional_instant::deserialize(value),
            None => Ok(None),
        }
    }

    /// The enum variant named by the `tag` field, checked against the `variants` this build
    /// knows.
    fn tag(
        &mut self,
        tag: &'static str,
        variants: &'static [&'static str],
    ) -> Result<String, Error> {
        let name: String = self.required(tag)?;
        if variants.contains(&name.as_str()) {
            Ok(name)
        } else {
            Err(Error::unknown_variant(&name, variants))
        }
    }

    /// The fields nothing has taken so far (read last, after every known field).
    fn rest(&mut self) -> Map<String, Value> {
        std::mem::take(&mut self.0)
    }
}

/// Reads a record with `read`, turning its error into the deserializer's.
///
/// Each record below is built as a struct literal without `..`, so a field added to a
/// record type does not compile until it is read here too (else it would land in `extra`
/// and be written twice).
fn record<'de, D: Deserializer<'de>, T>(
    d: D,
    read: impl FnOnce(&mut Fields) -> Result<T, Error>,
) -> Result<T, D::Error> {
    let mut fields = Fields::of(d)?;
    read(&mut fields).map_err(D::Error::custom)
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(Response {
                instrument_id: f.or_default("instrument_id")?,
                instrument_version: f.or_default("instrument_version")?,
                answers: f.or_default("answers")?,
                extra: f.rest(),
            })
        })
    }
}

/// The follow-up answers, which are stored among a check-in's own fields.
fn follow_up(f: &mut Fields) -> Result<FollowUp, Error> {
    Ok(FollowUp {
        activities: f.or_default("activities")?,
        goal_updates: f.or_default("goal_updates")?,
        new_goals: f.or_default("new_goals")?,
        journey_step: f.or_default("journey_step")?,
        went_to: f.or_default("went_to")?,
    })
}

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(Draft {
                id: f.or_default("id")?,
                started_at: f.optional_instant("started_at")?,
                responses: f.or_default("responses")?,
                follow_up: follow_up(f)?,
                with_volunteer: f.or_default("with_volunteer")?,
                extra: f.rest(),
            })
        })
    }
}

impl<'de> Deserialize<'de> for CheckIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(CheckIn {
                id: f.required("id")?,
                started_at: f.instant("started_at")?,
                finished_at: f.instant("finished_at")?,
                responses: f.or_default("responses")?,
                follow_up: follow_up(f)?,
                with_volunteer: f.or_default("with_volunteer")?,
                extra: f.rest(),
            })
        })
    }
}

impl<'de> Deserialize<'de> for ActivityUptake {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(match f.tag("kind", &["none-yet", "went"])?.as_str() {
                "none-yet" => ActivityUptake::NoneYet,
                _ => ActivityUptake::Went {
                    activity_ids: f.or_default("activity_ids")?,
                    something_else: f.or_default("something_else")?,
                },
            })
        })
    }
}

impl<'de> Deserialize<'de> for Baseline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(
                match f
                    .tag("choice", &["not-asked", "skipped", "started", "done"])?
                    .as_str()
                {
                    "not-asked" => Baseline::NotAsked,
                    "skipped" => Baseline::Skipped,
                    "started" => Baseline::Started,
                    _ => Baseline::Done {
                        checkin_id: f.required("checkin_id")?,
                    },
                },
            )
        })
    }
}

impl<'de> Deserialize<'de> for Referral {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(Referral {
                id: f.or_default("id")?,
                started_at: f.optional_instant("started_at")?,
                submitted_at: f.optional_instant("submitted_at")?,
                safety: f.or_default("safety")?,
                reasons: f.or_default("reasons")?,
                reason_other: f.or_default("reason_other")?,
                activities: f.or_default("activities")?,
                barriers: f.or_default("barriers")?,
                support: f.or_default("support")?,
                goals: f.or_default("goals")?,
                referred_by: f.or_default("referred_by")?,
                name: f.or_default("name")?,
                contact_method: f.or_default("contact_method")?,
                phone: f.or_default("phone")?,
                email: f.or_default("email")?,
                best_times: f.or_default("best_times")?,
                age_band: f.or_default("age_band")?,
                postcode_district: f.or_default("postcode_district")?,
                language: f.or_default("language")?,
                access_needs: f.or_default("access_needs")?,
                baseline: f.or_default("baseline")?,
                with_volunteer: f.or_default("with_volunteer")?,
                extra: f.rest(),
            })
        })
    }
}

impl<'de> Deserialize<'de> for CheckInSharing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        record(d, |f| {
            Ok(CheckInSharing {
                referral_id: f.or_default("referral_id")?,
                share: f.or_default("share")?,
                since: f.optional_instant("since")?.unwrap_or_default(),
                extra: f.rest(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    /// Writes `value` (derived `Serialize`) and reads it back through this module.
    fn round_trip<T: Serialize + DeserializeOwned>(value: &T) -> (Value, T) {
        let written = serde_json::to_value(value).unwrap();
        let back = serde_json::from_value(written.clone()).unwrap();
        (written, back)
    }

    #[test]
    fn every_field_a_full_referral_writes_is_read_back_and_none_left_over() {
        let r = Referral {
            id: "r1".into(),
            started_at: Some(DateTime::from_timestamp(1_800_000_000, 0).unwrap()),
            submitted_at: Some(DateTime::from_timestamp(1_800_000_600, 5_000_000).unwrap()),
            safety: Some(false),
            reasons: vec!["lonely".into()],
            reason_other: "other".into(),
            activities: vec!["social".into()],
            barriers: vec!["where".into()],
            support: Some("welcome".into()),
            goals: vec!["walk".into()],
            referred_by: Some("gp".into()),
            name: "Sam".into(),
            contact_method: Some(super::super::referral::ContactMethod::Text),
            phone: "07700 900123".into(),
            email: "sam@example.org".into(),
            best_times: "mornings".into(),
            age_band: Some("65-79".into()),
            postcode_district: "M1".into(),
            language: "Welsh".into(),
            access_needs: "large print".into(),
            baseline: Baseline::Done {
                checkin_id: "c1".into(),
            },
            with_volunteer: true,
            extra: Map::new(),
        };
        let (_, back) = round_trip(&r);
        assert_eq!(back, r);
    }

    #[test]
    fn unknown_fields_are_kept_beside_the_known_ones() {
        let raw = json!({
            "id": "c1",
            "started_at": "2026-11-21T09:00:00Z",
            "finished_at": "2026-11-21T09:05:00Z",
            "responses": [{"instrument_id": "ucla3", "instrument_version": "1", "answers": [1, null, 3], "colour": "blue"}],
            "activities": {"kind": "went", "activity_ids": ["walk"], "mood": 3},
            "journey_step": "learning",
            "mood_note": "kept"
        });
        let c: CheckIn = serde_json::from_value(raw).unwrap();
        assert_eq!(c.extra.len(), 1);
        assert_eq!(c.extra["mood_note"], "kept");
        assert_eq!(c.responses[0].extra["colour"], "blue");
        assert_eq!(c.responses[0].answers, [Some(1), None, Some(3)]);
        assert_eq!(
            c.follow_up.activities,
            Some(ActivityUptake::Went {
                activity_ids: vec!["walk".into()],
                something_else: None
            })
        );
        let again = serde_json::to_value(&c).unwrap();
        assert_eq!(again["mood_note"], "kept");
    }

    #[test]
    fn damaged_records_are_refused_in_serdes_words() {
        let err = |raw: Value| {
            serde_json::from_value::<CheckIn>(raw)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(
                json!({"started_at": "2026-11-21T09:00:00Z", "finished_at": "2026-11-21T09:00:00Z"})
            ),
            "missing field `id`"
        );
        assert!(err(json!({"id": 7})).starts_with("invalid type: integer `7`, expected a string"));
        assert_eq!(
            err(
                json!({"id": "c", "started_at": "2026-11-21T09:00:00Z", "finished_at": "2026-11-21T09:00:00Z", "activities": {"kind": "ran"}})
            ),
            "unknown variant `ran`, expected `none-yet` or `went`"
        );
        assert!(serde_json::from_value::<CheckIn>(json!([1, 2])).is_err());
        let baseline = serde_json::from_value::<Baseline>(json!({"choice": "done"}));
        assert_eq!(
            baseline.unwrap_err().to_string(),
            "missing field `checkin_id`"
        );
    }

    #[test]
    fn the_choice_to_share_check_ins_round_trips_and_keeps_what_a_newer_app_wrote() {
        let mut c = CheckInSharing::new(
            "r1",
            true,
            DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        );
        c.extra.insert("until".into(), json!("2030-01-01"));
        let (written, back) = round_trip(&c);
        assert_eq!(back, c);
        assert_eq!(written["since"], "2027-01-15T08:00:00Z");
        // An older or partial record takes the defaults, as the derived reader did.
        let partial: CheckInSharing = serde_json::from_value(json!({"share": true})).unwrap();
        assert_eq!(
            partial,
            CheckInSharing {
                share: true,
                ..CheckInSharing::default()
            }
        );
        assert!(serde_json::from_value::<CheckInSharing>(json!({"since": "soon"})).is_err());
    }

    #[test]
    fn a_draft_and_its_follow_up_answers_round_trip() {
        let mut d = Draft {
            id: "d1".into(),
            started_at: DateTime::from_timestamp(1_800_000_000, 0),
            ..Draft::default()
        };
        d.follow_up.activities = Some(ActivityUptake::NoneYet);
        d.extra.insert("later".into(), json!({"x": 1}));
        let (written, back) = round_trip(&d);
        assert_eq!(back, d);
        assert_eq!(written["activities"], json!({"kind": "none-yet"}));
    }
}
