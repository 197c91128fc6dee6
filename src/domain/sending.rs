//! The decisions of the code that sends, kept pure: when a tab that starts may take over a
//! send left marked by a tab that closed, when to wake next, and what the person is shown
//! about the queue. The state machine itself is [`super::outbox`].

use chrono::{DateTime, TimeDelta, Utc};
use serde::Deserialize;

use super::outbox::{Due, Entry, Outbox, State, SENDING_GIVES_UP_AFTER};
use super::submission::Kind;

/// How long after an attempt began it is certainly over: the request's own timeout, plus as
/// much again (at most five seconds) for the reply to be written down. An attempt marked as
/// sending for longer than this was cut off (the tab closed or reloaded mid-send).
pub fn lease(timeout: TimeDelta) -> TimeDelta {
    timeout + timeout.min(TimeDelta::seconds(5))
}

/// The app has started. An attempt still inside its lease may be another open tab's, alive:
/// taking it over now would send it twice at once, so nothing changes and the answer is when
/// to look again. Otherwise every cut-off attempt goes back to waiting and every wait of our
/// own choosing ends ([`Outbox::on_start`]).
pub fn start(outbox: &mut Outbox, now: DateTime<Utc>, lease: TimeDelta) -> Option<DateTime<Utc>> {
    let live = outbox
        .entries
        .iter()
        .filter_map(|e| match e.state {
            State::Sending { since, .. } if since <= now && now - since < lease => {
                Some(since + lease)
            }
            _ => None,
        })
        .max();
    if live.is_none() {
        outbox.on_start();
    }
    live
}

/// How long until the sender should look at the outbox again: now, after a wait, or, when an
/// attempt is marked as sending (here or in another tab), once it would count as cut off.
/// `None` when nothing can happen until something changes.
pub fn wake_in(outbox: &Outbox, now: DateTime<Utc>) -> Option<TimeDelta> {
    match outbox.due(now) {
        Due::Now => Some(TimeDelta::zero()),
        Due::In(d) => Some(d),
        Due::Nothing => outbox
            .entries
            .iter()
            .filter_map(|e| match e.state {
                State::Sending { since, .. } => Some(
                    (since + SENDING_GIVES_UP_AFTER + TimeDelta::seconds(1) - now)
                        .max(TimeDelta::zero()),
                ),
                _ => None,
            })
            .min(),
    }
}

/// How much is still on the device, for "1 waiting to send".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Queue {
    /// Waiting or being sent.
    pub waiting: usize,
    /// Refused by the service, kept until the person acts.
    pub refused: usize,
}

impl Queue {
    /// Counts the outbox's entries.
    pub fn of(outbox: &Outbox) -> Self {
        Self::count(
            outbox
                .entries
                .iter()
                .map(|e| matches!(e.state, State::Rejected { .. })),
        )
    }

    /// Counts entries by whether each was refused.
    fn count(refused: impl Iterator<Item = bool>) -> Self {
        refused.fold(Self::default(), |q, refused| Self {
            waiting: q.waiting + usize::from(!refused),
            refused: q.refused + usize::from(refused),
        })
    }

    /// Whether anything at all has not reached the service.
    pub fn is_empty(&self) -> bool {
        self.waiting + self.refused == 0
    }
}

/// What the home screen needs of the stored outbox before the outbox itself is read: each
/// entry's state, by its tag. Read by serde's derive over three small types, so that "1
/// waiting to send" shows with the first screen, in its place, while the code that reads
/// whole submissions is still on its way.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueAtStart {
    entries: Vec<EntryAtStart>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EntryAtStart {
    state: StateTag,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StateTag {
    is: String,
}

impl QueueAtStart {
    /// The counts [`Queue::of`] would give for the same stored outbox.
    pub fn queue(&self) -> Queue {
        Queue::count(self.entries.iter().map(|e| e.state.is == "rejected"))
    }
}

/// What one entry carries, in the words a list of them needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Carries {
    /// A request for support, by the reference the person can quote and the referral's id.
    Referral {
        /// The request's id on the device.
        id: String,
        /// `FL-…`.
        reference: String,
    },
    /// Check-ins shared later: how many, and the newest's id and when it was finished.
    CheckIns {
        /// How many.
        count: usize,
        /// The newest's id.
        id: String,
        /// When the newest was finished.
        finished_at: DateTime<Utc>,
    },
}

/// What an entry carries.
pub fn carries(e: &Entry) -> Carries {
    let s = &e.submission;
    match (s.kind, &s.referral) {
        (Kind::Referral, Some(r)) => Carries::Referral {
            id: r.id.clone(),
            reference: r.reference.clone(),
        },
        _ => {
            let newest = s.checkins.iter().max_by_key(|c| c.finished_at);
            Carries::CheckIns {
                count: s.checkins.len(),
                id: newest.map(|c| c.id.clone()).unwrap_or_default(),
                finished_at: newest.map(|c| c.finished_at).unwrap_or(s.created_at),
            }
        }
    }
}

/// The person chose to delete everything and not to send what is still waiting: every entry
/// goes, even one being sent now (which may still arrive: the request has left), and every
/// receipt, which names records that no longer exist.
pub fn forget_everything(outbox: &mut Outbox) {
    outbox.entries.clear();
    outbox.receipts.clear();
}

/// The person chose to delete everything but to let what is waiting be sent: the entries stay
/// until the service has them; the receipts of what already arrived go.
pub fn forget_receipts(outbox: &mut Outbox) {
    outbox.receipts.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outbox::tests::{answer, refused, retry, sending, sub};
    use crate::domain::outbox::{Outcome, Problem, Rejection, RetryPolicy};
    use crate::domain::submission::tests::at;

    #[test]
    fn the_count_at_start_is_the_count_of_the_whole_outbox() {
        let now = at(20, 10, 0);
        // One being sent, one refused, one waiting after a failure, one not yet tried.
        let mut o = sending(&["a", "b", "c"], now);
        answer(&mut o, "a", refused(Rejection::Refused), now);
        o.begin(now);
        answer(&mut o, "b", retry(Problem::ServiceError), now);
        o.enqueue(sub("d"), now);
        o.begin(now);
        let stored = serde_json::to_value(&o).unwrap();
        let at_start: QueueAtStart = serde_json::from_value(stored).unwrap();
        assert_eq!(at_start.queue(), Queue::of(&o));
        assert_eq!(
            Queue::of(&o),
            Queue {
                waiting: 3,
                refused: 1
            }
        );
        let nothing: QueueAtStart = serde_json::from_str("{}").unwrap();
        assert!(nothing.queue().is_empty());
    }

    #[test]
    fn a_tab_that_opens_while_another_is_sending_waits_for_the_lease_then_takes_over() {
        let now = at(20, 10, 0);
        let lease = lease(TimeDelta::seconds(30));
        assert_eq!(lease, TimeDelta::seconds(35));
        let o = sending(&["a"], now);
        let later = now + TimeDelta::seconds(10);
        let mut opened = o.clone();
        assert_eq!(start(&mut opened, later, lease), Some(now + lease));
        assert_eq!(opened, o, "a live send is left alone");
        assert_eq!(opened.due(later), Due::Nothing);
        let after = now + lease;
        assert_eq!(start(&mut opened, after, lease), None);
        assert_eq!(opened.due(after), Due::Now, "a cut-off send is tried again");
    }

    #[test]
    fn a_reload_mid_send_resends_soon_with_the_short_waits_tests_use() {
        let lease = lease(TimeDelta::milliseconds(1500));
        assert_eq!(lease, TimeDelta::seconds(3));
        let now = at(20, 10, 0);
        let mut o = sending(&["a"], now);
        assert!(start(&mut o, now + TimeDelta::seconds(1), lease).is_some());
        assert!(start(&mut o, now + TimeDelta::seconds(3), lease).is_none());
        assert_eq!(
            o.begin(now + TimeDelta::seconds(3)).map(|s| s.id),
            Some("a".into())
        );
    }

    #[test]
    fn starting_ends_our_own_waits_but_not_the_services() {
        let now = at(20, 10, 0);
        let mut o = sending(&["a", "b"], now);
        answer(&mut o, "a", retry(Problem::TimedOut), now);
        assert!(matches!(wake_in(&o, now), Some(d) if d > TimeDelta::zero()));
        let timeout = RetryPolicy::default().timeout;
        assert_eq!(start(&mut o, now, lease(timeout)), None);
        assert_eq!(wake_in(&o, now), Some(TimeDelta::zero()));
    }

    #[test]
    fn while_another_tab_sends_the_sender_wakes_when_that_send_would_count_as_cut_off() {
        let now = at(20, 10, 0);
        let o = sending(&["a"], now);
        assert_eq!(
            wake_in(&o, now),
            Some(SENDING_GIVES_UP_AFTER + TimeDelta::seconds(1))
        );
        assert_eq!(wake_in(&Outbox::default(), now), None);
    }

    #[test]
    fn the_queue_counts_what_waits_apart_from_what_was_refused() {
        let now = at(20, 10, 0);
        assert!(Queue::of(&Outbox::default()).is_empty());
        let mut o = sending(&["a", "b"], now);
        answer(&mut o, "a", refused(Rejection::Refused), now);
        assert_eq!(
            Queue::of(&o),
            Queue {
                waiting: 1,
                refused: 1
            }
        );
    }

    #[test]
    fn an_entry_says_what_it_carries() {
        let now = at(20, 10, 0);
        let mut o = Outbox::default();
        o.enqueue(sub("a"), now);
        assert_eq!(
            carries(&o.entries[0]),
            Carries::Referral {
                id: "5b7d1c8e-2f3a-4e6b-9c0d-1a2b3c4d5e6f".into(),
                reference: "FL-Z2D3-9GRM".into()
            }
        );
        let mut c = sub("b");
        c.kind = Kind::CheckIns;
        c.referral = None;
        o.enqueue(c, now);
        assert!(matches!(
            carries(&o.entries[1]),
            Carries::CheckIns { count: 1, ref id, .. } if id == "c-1"
        ));
    }

    #[test]
    fn deleting_everything_without_sending_leaves_nothing_and_with_sending_leaves_the_waiting() {
        let now = at(20, 10, 0);
        let mut o = sending(&["a", "b"], now);
        answer(&mut o, "a", Outcome::Accepted { status: 201 }, now);
        let mut keep = o.clone();
        forget_receipts(&mut keep);
        assert_eq!((keep.entries.len(), keep.receipts.len()), (1, 0));
        o.begin(now);
        forget_everything(&mut o);
        assert_eq!(o, Outbox::default(), "even one being sent");
    }
}
