//! The person's choices about sending: a finished request sent (or kept), and the standing
//! choice to share check-ins, which is the person's own data and goes with them.

use leptos::prelude::*;

use super::core::Core;
use super::outbox::SendQueue;
use crate::browser;
use crate::config::ServiceConfig;
use crate::domain::checkin::CheckIn;
use crate::domain::consent::{self, CheckInSharing};
use crate::domain::outbox::RecordStatus;
use crate::domain::referral::{referral_goals, ContactMethod, Referral};
use crate::domain::submission::{BuildError, ChoiceList, Labels, Person, Shared, Submission};
use crate::error::AppError;
use crate::storage::CONSENT;

/// The words sent beside each id: the service's lists, the catalogue's contact methods, and
/// the person's goals.
struct SentLabels<'a> {
    config: &'a ServiceConfig,
    goals: Vec<(String, String)>,
}

impl Labels for SentLabels<'_> {
    fn choice(&self, list: ChoiceList, id: &str) -> Option<String> {
        let c = self.config;
        let choices = match list {
            ChoiceList::Reasons => &c.reasons,
            ChoiceList::Activities => &c.activity_categories,
            ChoiceList::Barriers => &c.barriers,
            ChoiceList::SupportLevels => &c.support_levels,
            ChoiceList::Referrers => &c.referrers,
            ChoiceList::AgeBands => &c.age_bands,
            ChoiceList::ContactMethods => {
                let i = ContactMethod::ALL.iter().position(|m| m.id() == id)?;
                // The service's records are in English, whatever language the person used.
                return Some(crate::i18n::EN.referral.contact_methods[i].to_owned());
            }
        };
        choices
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.label.english().to_owned())
    }

    fn goal(&self, goal_id: &str) -> Option<String> {
        self.goals
            .iter()
            .find(|(id, _)| id == goal_id)
            .map(|(_, text)| text.clone())
    }
}

/// Sending the person's own records, and their standing choice about check-ins.
#[derive(Clone, Copy)]
pub struct Sharing(pub(super) Core);

impl Sharing {
    /// The standing choice about check-ins, if one was made (tracked).
    pub fn choice(&self) -> ReadSignal<Option<CheckInSharing>> {
        self.0.sharing.read
    }

    fn queue(&self) -> Option<SendQueue> {
        self.0.sending.filter(SendQueue::is_configured)
    }

    /// Builds a submission with the words the person saw.
    fn build(
        &self,
        make: impl FnOnce(&dyn Labels) -> Result<Submission, BuildError>,
    ) -> Result<Submission, AppError> {
        let mut goals = self.0.referrals.with_untracked(|r| referral_goals(r));
        self.0.checkins.with_untracked(|all| {
            for c in all {
                goals.extend(
                    c.follow_up
                        .new_goals
                        .iter()
                        .map(|g| (g.id.clone(), g.text.clone())),
                );
            }
        });
        let built = self
            .0
            .config
            .with_value(|config| make(&SentLabels { config, goals }))?;
        Ok(built)
    }

    /// The request for support with this id as it would be sent, with its first check-in
    /// when `share_checkins`: for the page that lists what will be sent.
    pub fn preview(&self, referral_id: &str, share_checkins: bool) -> Option<Submission> {
        let referral = self.referral(referral_id)?;
        self.referral_submission(&referral, share_checkins, "preview")
            .ok()
    }

    fn referral(&self, id: &str) -> Option<Referral> {
        self.0
            .referrals
            .with_untracked(|all| all.iter().find(|r| r.id == id).cloned())
    }

    fn referral_submission(
        &self,
        referral: &Referral,
        share_checkins: bool,
        id: &str,
    ) -> Result<Submission, AppError> {
        let checkins = self.0.checkins.get_untracked();
        let shared: Vec<Shared<'_, CheckIn>> =
            consent::shared_with_referral(referral, &checkins, share_checkins)
                .into_iter()
                .map(|record| Shared {
                    record,
                    assisted: record.with_volunteer,
                })
                .collect();
        let record = Shared {
            record: referral,
            assisted: referral.with_volunteer,
        };
        self.build(|labels| Submission::referral(id, browser::now(), record, &shared, labels))
    }

    /// The person pressed "Send": the finished request goes into the outbox, with its first
    /// check-in when they chose to share check-ins, and that choice is kept for the
    /// check-ins to come. The choice is written first: a request sent while the device
    /// forgot the choice would silently stop sharing.
    pub fn send_referral(&self, referral_id: &str, share_checkins: bool) -> Result<(), AppError> {
        let Some(queue) = self.queue() else {
            return Ok(());
        };
        let referral = self
            .referral(referral_id)
            .ok_or(AppError::Submission(BuildError::MissingId))?;
        let submission =
            self.referral_submission(&referral, share_checkins, &(self.0.options.new_id)())?;
        self.set_share_for(referral_id, share_checkins)?;
        queue.enqueue(submission);
        Ok(())
    }

    /// Turns sharing check-ins on or off, from now on, for the person's newest request that
    /// was sent. Check-ins saved before are not sent by turning it on.
    pub fn set_share(&self, share: bool) -> Result<(), AppError> {
        let Some(referral_id) = self.sent_referral() else {
            return Ok(());
        };
        self.set_share_for(&referral_id, share)
    }

    fn set_share_for(&self, referral_id: &str, share: bool) -> Result<(), AppError> {
        let choice = CheckInSharing::new(referral_id, share, browser::now());
        self.0.write_record(|s| s.save(CONSENT, &choice))?;
        self.0.sharing.set(Some(choice));
        Ok(())
    }

    /// The newest request for support that was queued or sent (tracked): whom shared
    /// check-ins are about. `None` until one was.
    pub fn sent_referral(&self) -> Option<String> {
        let queue = self.queue()?;
        self.0.referrals.with(|all| {
            all.iter()
                .rev()
                .find(|r| queue.status_of(&r.id) != RecordStatus::NotQueued)
                .map(|r| r.id.clone())
        })
    }

    /// Whether the standing choice covers this check-in (tracked).
    pub fn covers(&self, checkin: &CheckIn) -> bool {
        self.0
            .sharing
            .with(|s| s.as_ref().is_some_and(|s| s.covers(checkin)))
    }

    /// A check-in was saved: it is queued when the standing choice covers it. What cannot
    /// be queued now shows as "not sent yet" on its page, with a button to send it.
    pub(super) fn after_checkin(&self, checkin: &CheckIn) {
        let _ = self.send_checkin(&checkin.id);
    }

    /// Queues the check-in with this id, if the standing choice covers it and it was not
    /// queued yet.
    pub fn send_checkin(&self, checkin_id: &str) -> Result<(), AppError> {
        let Some(queue) = self.queue() else {
            return Ok(());
        };
        let Some(checkin) = self
            .0
            .checkins
            .with_untracked(|all| all.iter().find(|c| c.id == checkin_id).cloned())
        else {
            return Ok(());
        };
        if untrack(|| queue.status_of(checkin_id)) != RecordStatus::NotQueued {
            return Ok(());
        }
        let sharing = self.0.sharing.get_untracked();
        let referrals = self.0.referrals.get_untracked();
        let Some(referral) = consent::referral_for(sharing.as_ref(), &referrals, &checkin) else {
            return Ok(());
        };
        let id = (self.0.options.new_id)();
        let submission = self.build(|labels| {
            Submission::check_ins(
                &id,
                browser::now(),
                Person::from_referral(referral, labels),
                &[Shared {
                    record: &checkin,
                    assisted: checkin.with_volunteer,
                }],
                labels,
            )
        })?;
        queue.enqueue(submission);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{LoadedConfig, SendConfig};
    use crate::domain::submission::tests::{baseline, referral};
    use crate::domain::submission::{Format, Kind};
    use crate::state::test_support::options;
    use crate::state::{AppState, SendOptions, Session};
    use crate::storage::Store;

    fn sending() -> LoadedConfig {
        LoadedConfig {
            config: ServiceConfig {
                send: Some(SendConfig {
                    endpoint: "https://fhir.example.org/fhir".into(),
                    format: Format::FhirR4,
                    retry: Default::default(),
                }),
                ..ServiceConfig::default()
            },
            problems: vec![],
        }
    }

    /// The device's outbox, provided as the app's root provides it.
    fn outbox(config: &LoadedConfig) -> SendQueue {
        let queue = SendQueue::new(
            Store::memory(),
            &config.config,
            SendOptions {
                run: false,
                ..SendOptions::default()
            },
        );
        provide_context(queue);
        queue
    }

    /// A device holding `referral` and `checkins`, with its outbox as the root provides it.
    /// The owner must live as long as the test.
    fn device(
        config: LoadedConfig,
        referral: Option<&Referral>,
        checkins: Vec<CheckIn>,
    ) -> (Owner, AppState, SendQueue) {
        let owner = Owner::new();
        owner.set();
        let queue = outbox(&config);
        let store = Store::memory();
        for c in checkins {
            store.add_checkin(c).unwrap();
        }
        if let Some(r) = referral {
            store.add_referral(r.clone()).unwrap();
        }
        (owner, AppState::new(store, config, options()), queue)
    }

    fn check_in(state: &AppState) -> String {
        for n in 1..=17 {
            state
                .check_in
                .answer(n, if n <= 14 { 3 } else { 1 })
                .unwrap();
        }
        state.check_in.finish().unwrap()
    }

    #[test]
    fn a_request_sent_with_check_ins_shared_takes_its_first_check_in_and_each_later_one_once() {
        let r = referral();
        let (_owner, state, queue) = device(sending(), Some(&r), vec![baseline()]);
        assert_eq!(state.sharing.sent_referral(), None);

        state.sharing.send_referral(&r.id, true).unwrap();
        assert!(matches!(
            queue.status_of(&r.id),
            RecordStatus::Waiting { .. }
        ));
        assert!(
            matches!(queue.status_of("c-1"), RecordStatus::Waiting { .. }),
            "the first check-in goes with the request"
        );
        assert_eq!(state.sharing.sent_referral(), Some(r.id.clone()));

        let later = check_in(&state);
        assert!(matches!(
            queue.status_of(&later),
            RecordStatus::Waiting { .. }
        ));
        state.sharing.send_checkin(&later).unwrap();
        let entries = queue.entries();
        assert_eq!(entries.len(), 2, "each check-in is queued once");
        let person = &entries[1].submission.person;
        assert_eq!(entries[1].submission.kind, Kind::CheckIns);
        assert_eq!(person.key, r.id);
        assert_eq!(
            person.preferred_name.as_deref(),
            Some("Sam"),
            "the person as they described themselves"
        );

        state.sharing.set_share(false).unwrap();
        let unshared = check_in(&state);
        assert_eq!(queue.status_of(&unshared), RecordStatus::NotQueued);
    }

    #[test]
    fn what_a_volunteer_helped_with_goes_to_the_service_saying_so() {
        let r = Referral {
            with_volunteer: true,
            ..referral()
        };
        let helped = CheckIn {
            with_volunteer: true,
            ..baseline()
        };
        let (_owner, state, queue) = device(sending(), Some(&r), vec![helped]);
        state.sharing.send_referral(&r.id, true).unwrap();
        let sent = &queue.entries()[0].submission;
        assert!(sent.referral.as_ref().is_some_and(|p| p.assisted));
        assert!(sent.checkins.iter().all(|c| c.assisted));
        assert_eq!(sent.checkins.len(), 1);
    }

    #[test]
    fn keeping_a_request_on_the_device_sends_nothing_and_shares_nothing() {
        let (_owner, state, queue) = device(sending(), Some(&referral()), vec![]);
        let c = check_in(&state);
        assert_eq!(queue.status_of(&c), RecordStatus::NotQueued);
        assert!(queue.entries().is_empty());
        assert_eq!(state.sharing.choice().get_untracked(), None);
    }

    #[test]
    fn without_a_send_block_nothing_is_queued_whatever_is_asked() {
        let r = referral();
        let (_owner, state, queue) = device(LoadedConfig::default(), Some(&r), vec![]);
        state.sharing.send_referral(&r.id, true).unwrap();
        assert_eq!(queue.status_of(&r.id), RecordStatus::NotQueued);
        assert_eq!(state.sharing.choice().get_untracked(), None);
    }

    #[test]
    fn starting_fresh_for_the_next_person_keeps_what_the_last_one_chose_to_send() {
        let owner = Owner::new();
        owner.set();
        let config = sending();
        let queue = outbox(&config);
        let session = Session::new(Store::memory, config, options());
        let first = session.current();
        let id = check_in(&first);
        // The first person's check-in goes to the outbox (as a kiosk's person's request would).
        let r = Referral {
            id: "r-1".into(),
            ..referral()
        };
        let submission = Submission::check_ins(
            "s-kiosk",
            browser::now(),
            Person::key_only(&r.id),
            &[Shared {
                record: &first.records.checkin(&id).unwrap(),
                assisted: false,
            }],
            &SentLabels {
                config: &ServiceConfig::default(),
                goals: vec![],
            },
        )
        .unwrap();
        queue.enqueue(submission);
        session.start_fresh();
        let next = session.current();
        assert!(next.records.checkins().get_untracked().is_empty());
        assert_eq!(
            queue.entry("s-kiosk").map(|e| e.submission.id),
            Some("s-kiosk".into())
        );
    }
}
