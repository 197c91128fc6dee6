//! The person's say over what is sent, as data: what a submission tells the service, line by
//! line, for the page that asks before anything leaves the device; and the standing choice to
//! share check-ins, kept on the device as a consent record.
//!
//! Nothing is sent without a choice made at the time: a request for support is sent only when
//! the person presses "Send" on the page that lists [`disclosed`]; a check-in is sent only
//! while a [`CheckInSharing`] says so, and only if it was finished after that choice was made.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use super::checkin::CheckIn;
use super::referral::{Baseline, Referral};
use super::submission::{Kind, Submission};

/// The standing choice to share check-ins with the service, made when the person sends their
/// request (or later, on Your data). Stored with the person's own data, so deleting
/// everything deletes it too.
// Read by `record_fields`, which keeps `extra` without serde's costly flatten and reads
// `since` without chrono's parser: the choice is read at start, with the first download.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CheckInSharing {
    /// The request for support the check-ins go with: the person as the service knows them.
    pub referral_id: String,
    /// Whether check-ins are shared.
    pub share: bool,
    /// When the person made this choice: check-ins finished from then on are covered by it.
    pub since: DateTime<Utc>,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CheckInSharing {
    /// The choice `share`, made now, for the person of `referral_id`.
    pub fn new(referral_id: &str, share: bool, now: DateTime<Utc>) -> Self {
        Self {
            referral_id: referral_id.to_owned(),
            share,
            since: now,
            extra: Map::new(),
        }
    }

    /// Whether `checkin` is to be shared under this choice: only while sharing is on, and
    /// only check-ins finished after the choice was made (turning sharing on never sends
    /// the past).
    pub fn covers(&self, checkin: &CheckIn) -> bool {
        self.share && checkin.finished_at >= self.since
    }
}

/// The check-ins that go with a request for support: its first check-in, done as part of the
/// request, when the person chose to share check-ins. Nothing else from before.
pub fn shared_with_referral<'a>(
    referral: &Referral,
    checkins: &'a [CheckIn],
    share: bool,
) -> Vec<&'a CheckIn> {
    match &referral.baseline {
        Baseline::Done { checkin_id } if share => {
            checkins.iter().filter(|c| &c.id == checkin_id).collect()
        }
        _ => Vec::new(),
    }
}

/// The request for support a newly saved check-in is sent with, if the person's standing
/// choice covers it and that request is still on the device.
pub fn referral_for<'a>(
    sharing: Option<&CheckInSharing>,
    referrals: &'a [Referral],
    checkin: &CheckIn,
) -> Option<&'a Referral> {
    let sharing = sharing.filter(|s| s.covers(checkin))?;
    referrals.iter().find(|r| r.id == sharing.referral_id)
}

/// One thing a submission tells the service, as the page that asks the person lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disclosed {
    /// The name they gave.
    Name(String),
    /// How to reach them: the method's words, and the number or address it uses, as sent.
    Contact {
        /// The method, in the words they chose it by.
        method: String,
        /// The phone number or email address that goes with it.
        detail: Option<String>,
    },
    /// When is best to contact them.
    BestTimes(String),
    /// Their age band.
    AgeBand(String),
    /// The first part of their postcode.
    PostcodeDistrict(String),
    /// The language they would like to use.
    Language(String),
    /// What would make things easier for them.
    AccessNeeds(String),
    /// Their answer to the question about hurting themselves or ending their life.
    Safety(bool),
    /// Their answers about what is going on, what they might like to do, what might make it
    /// hard, the support they would like and who suggested getting in touch.
    Answers,
    /// Their goals, in their own words: how many.
    Goals(usize),
    /// Check-ins: how many, and how many questions answered in them all, with the scores
    /// worked out from the answers.
    CheckIns {
        /// How many check-ins.
        count: usize,
        /// How many answers in all.
        answers: usize,
    },
    /// That a volunteer helped them fill it in.
    Assisted,
    /// The reference to quote (for a request), when it was made and the app's version.
    Reference(Option<String>),
}

/// Everything `s` tells the service, in the order a person would read it. Built from the
/// submission itself, so the list cannot say less than what is sent.
pub fn disclosed(s: &Submission) -> Vec<Disclosed> {
    let p = &s.person;
    let mut out = Vec::new();
    out.extend(p.preferred_name.clone().map(Disclosed::Name));
    if let Some(method) = &p.contact_method {
        out.push(Disclosed::Contact {
            method: method.label.clone(),
            detail: p.phone.clone().or_else(|| p.email.clone()),
        });
    }
    out.extend(p.best_times.clone().map(Disclosed::BestTimes));
    out.extend(
        p.age_band
            .as_ref()
            .map(|a| Disclosed::AgeBand(a.label.clone())),
    );
    out.extend(p.postcode_district.clone().map(Disclosed::PostcodeDistrict));
    out.extend(p.language.clone().map(Disclosed::Language));
    out.extend(p.access_needs.clone().map(Disclosed::AccessNeeds));
    if let Some(r) = &s.referral {
        out.extend(r.safety_concern.map(Disclosed::Safety));
        out.push(Disclosed::Answers);
        if !r.goals.is_empty() {
            out.push(Disclosed::Goals(r.goals.len()));
        }
    }
    if !s.checkins.is_empty() {
        let answers = s
            .checkins
            .iter()
            .flat_map(|c| &c.responses)
            .flat_map(|r| &r.answers)
            .filter(|a| a.score.is_some())
            .count();
        out.push(Disclosed::CheckIns {
            count: s.checkins.len(),
            answers,
        });
    }
    let assisted =
        s.referral.as_ref().is_some_and(|r| r.assisted) || s.checkins.iter().any(|c| c.assisted);
    if assisted {
        out.push(Disclosed::Assisted);
    }
    out.push(Disclosed::Reference(match s.kind {
        Kind::Referral => s.referral.as_ref().map(|r| r.reference.clone()),
        Kind::CheckIns => None,
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referral::ContactMethod;
    use crate::domain::submission::tests::{
        at, baseline, later, later_shared_by, referral, TestLabels,
    };
    use crate::domain::submission::{Person, Shared};

    fn sent(r: &Referral, checkins: &[CheckIn]) -> Submission {
        let shared: Vec<Shared<'_, CheckIn>> = checkins
            .iter()
            .map(|c| Shared {
                record: c,
                assisted: false,
            })
            .collect();
        Submission::referral(
            "s-1",
            at(20, 10, 15),
            Shared {
                record: r,
                assisted: false,
            },
            &shared,
            &TestLabels,
        )
        .unwrap()
    }

    #[test]
    fn the_list_names_the_contact_detail_that_is_sent_and_the_safety_answer() {
        let r = referral();
        let said = disclosed(&sent(&r, &[]));
        assert_eq!(said[0], Disclosed::Name("Sam".into()));
        assert_eq!(
            said[1],
            Disclosed::Contact {
                method: "A phone call".into(),
                detail: Some("07700900123".into())
            }
        );
        assert!(said.contains(&Disclosed::Safety(false)));
        assert!(said.contains(&Disclosed::Answers));
        assert!(said.contains(&Disclosed::Goals(2)));
        assert_eq!(
            said.last(),
            Some(&Disclosed::Reference(Some("FL-Z2D3-9GRM".into())))
        );
        assert!(
            !said.iter().any(|d| matches!(d, Disclosed::CheckIns { .. })),
            "no check-in is sent unless chosen"
        );
    }

    #[test]
    fn a_number_typed_before_choosing_email_is_neither_sent_nor_listed() {
        let mut r = referral();
        r.contact_method = Some(ContactMethod::Email);
        r.email = "sam@example.org".into();
        let said = disclosed(&sent(&r, &[]));
        let contact = said
            .iter()
            .find(|d| matches!(d, Disclosed::Contact { .. }))
            .unwrap();
        assert_eq!(
            contact,
            &Disclosed::Contact {
                method: "An email".into(),
                detail: Some("sam@example.org".into())
            }
        );
        let text = format!("{said:?}");
        assert!(!text.contains("07700"), "{text}");
    }

    #[test]
    fn every_piece_of_the_person_in_the_submission_is_listed() {
        let r = referral();
        let s = sent(&r, &[]);
        let said = disclosed(&s);
        // Each person field that is present in the envelope has a line.
        let person = serde_json::to_value(&s.person).unwrap();
        let listed = |field: &str| match field {
            "key" => true,
            "preferred_name" => said.iter().any(|d| matches!(d, Disclosed::Name(_))),
            "contact_method" | "phone" | "email" => {
                said.iter().any(|d| matches!(d, Disclosed::Contact { .. }))
            }
            "best_times" => said.iter().any(|d| matches!(d, Disclosed::BestTimes(_))),
            "age_band" => said.iter().any(|d| matches!(d, Disclosed::AgeBand(_))),
            "postcode_district" => said
                .iter()
                .any(|d| matches!(d, Disclosed::PostcodeDistrict(_))),
            "language" => said.iter().any(|d| matches!(d, Disclosed::Language(_))),
            "access_needs" => said.iter().any(|d| matches!(d, Disclosed::AccessNeeds(_))),
            _ => false,
        };
        for field in person.as_object().unwrap().keys() {
            assert!(listed(field), "{field} is sent but not listed");
        }
    }

    #[test]
    fn the_first_check_in_goes_with_the_request_only_when_the_person_shares_check_ins() {
        let mut r = referral();
        let c = baseline();
        r.baseline = Baseline::Done {
            checkin_id: c.id.clone(),
        };
        let all = [c.clone(), later()];
        assert!(shared_with_referral(&r, &all, false).is_empty());
        let with = shared_with_referral(&r, &all, true);
        assert_eq!(with.len(), 1);
        assert_eq!(with[0].id, c.id);
        let said = disclosed(&sent(&r, &[c]));
        assert!(said.contains(&Disclosed::CheckIns {
            count: 1,
            answers: 17
        }));
        r.baseline = Baseline::Skipped;
        assert!(shared_with_referral(&r, &all, true).is_empty());
    }

    #[test]
    fn only_check_ins_finished_while_sharing_is_on_are_sent() {
        let r = referral();
        let c = later();
        let referrals = [r.clone()];
        let before = CheckInSharing::new(&r.id, true, c.finished_at - chrono::TimeDelta::days(1));
        assert_eq!(
            referral_for(Some(&before), &referrals, &c).map(|r| &r.id),
            Some(&r.id)
        );
        let after = CheckInSharing::new(&r.id, true, c.finished_at + chrono::TimeDelta::days(1));
        assert!(
            referral_for(Some(&after), &referrals, &c).is_none(),
            "the past is never sent"
        );
        let off = CheckInSharing::new(&r.id, false, c.finished_at - chrono::TimeDelta::days(1));
        assert!(referral_for(Some(&off), &referrals, &c).is_none());
        assert!(referral_for(None, &referrals, &c).is_none());
        let gone = CheckInSharing::new("deleted", true, before.since);
        assert!(referral_for(Some(&gone), &referrals, &c).is_none());
    }

    #[test]
    fn a_check_ins_submission_lists_the_check_ins_and_no_reference() {
        let s = later_shared_by(Person::from_referral(&referral(), &TestLabels), true);
        let said = disclosed(&s);
        assert!(said.contains(&Disclosed::CheckIns {
            count: 1,
            answers: 4
        }));
        assert!(said.contains(&Disclosed::Assisted));
        assert_eq!(said.last(), Some(&Disclosed::Reference(None)));
        assert!(!said.contains(&Disclosed::Answers));
    }

    #[test]
    fn a_stored_choice_reads_back_and_keeps_what_a_newer_app_added() {
        let c = CheckInSharing::new("r-1", true, at(20, 10, 0));
        let mut v = serde_json::to_value(&c).unwrap();
        v["scope"] = "all".into();
        let back: CheckInSharing = serde_json::from_value(v).unwrap();
        assert_eq!(back.extra["scope"], "all");
        assert_eq!((back.referral_id.as_str(), back.share), ("r-1", true));
        let empty: CheckInSharing = serde_json::from_str("{}").unwrap();
        assert!(!empty.share, "an unreadable choice never shares");
    }
}
