//! The check-in in progress: each answer saved the moment it is given, then finished into a
//! record.

use leptos::prelude::*;

use super::config::Config;
use super::core::Core;
use super::referral::ReferralSession;
use super::sharing::Sharing;
use crate::browser;
use crate::domain::checkin::{Draft, FollowUp, FollowUpError};
use crate::domain::directory::asked_at_checkin;
use crate::domain::referral::Baseline;
use crate::error::AppError;
use crate::storage::DRAFT;

/// The check-in in progress, and the actions on it.
#[derive(Clone, Copy)]
pub struct CheckInSession(pub(super) Core);

impl CheckInSession {
    /// The check-in in progress, if one has been started.
    pub fn draft(&self) -> ReadSignal<Option<Draft>> {
        self.0.draft.read
    }

    /// The check-in in progress, or else the one that would start now (not saved), so that a
    /// page opened directly (a bookmark, Back after saving) still knows the questions.
    pub fn plan(&self) -> Draft {
        self.0
            .draft
            .get_untracked()
            .unwrap_or_else(|| self.new_draft())
    }

    /// A new, empty check-in asking the instruments the service configured.
    fn new_draft(&self) -> Draft {
        let instruments = Config(self.0).instruments();
        Draft::new((self.0.options.new_id)(), browser::now(), &instruments)
    }

    /// Records the answer to question `n`, starting a check-in if none is in progress.
    pub fn answer(&self, n: usize, score: u8) -> Result<(), AppError> {
        let mut draft = self.plan();
        draft.set_answer(n, score)?;
        self.keep(draft);
        Ok(())
    }

    /// Changes the optional follow-up answers (activities, goals, journey step) and saves the
    /// draft. Nothing changes if `change` refuses.
    pub fn follow_up(
        &self,
        change: impl FnOnce(&mut FollowUp) -> Result<(), FollowUpError>,
    ) -> Result<(), AppError> {
        let mut draft = self.plan();
        change(&mut draft.follow_up)?;
        self.keep(draft);
        Ok(())
    }

    /// Sets the one new goal this check-in adds, in the person's words; blank takes it away.
    pub fn set_new_goal(&self, text: &str) -> Result<(), AppError> {
        let new_id = self.0.options.new_id;
        self.follow_up(|f| {
            f.set_new_goal(text, new_id);
            Ok(())
        })
    }

    /// Shows `draft` and saves it; a failed save is reported and retried. Help from a
    /// volunteer with any answer is noted on the check-in.
    fn keep(&self, mut draft: Draft) {
        draft.with_volunteer |= self.0.options.with_volunteer;
        // The same check-in again, as Continue gives after every tick was kept: it is saved
        // already, or waits for the retry after a failed save, and the page needs no redraw.
        if self.0.draft.with_untracked(|d| d.as_ref() == Some(&draft)) {
            return;
        }
        self.0.save_work(|s| s.save(DRAFT, &draft));
        self.0.draft.set(Some(draft));
    }

    /// Finishes the check-in in progress and stores it, returning its id. A check-in started
    /// from the referral journey becomes that referral's baseline.
    pub fn finish(&self) -> Result<String, AppError> {
        let draft = self.0.draft.get_untracked().unwrap_or_default();
        let mut checkin = draft.finish(browser::now())?;
        checkin.with_volunteer |= self.0.options.with_volunteer;
        let id = checkin.id.clone();
        let all = self.0.write_record(|s| s.add_checkin(checkin.clone()))?;
        self.0.checkins.set(all);
        self.0.draft.set(None);
        Sharing(self.0).after_checkin(&checkin);
        // Only now that the check-in is kept: the "I went" visits its activities question
        // asked about leave the waiting list; any dated after today wait for the next one.
        // If this write fails they are simply asked about again next time.
        let today = browser::today();
        let kept = self
            .0
            .store
            .with_value(|s| s.change_visits(|v| *v = asked_at_checkin(v, today).1));
        if let Ok(kept) = kept {
            self.0.visits.set(kept);
        }
        let baseline_started = self
            .0
            .referral
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.baseline == Baseline::Started));
        if baseline_started {
            let checkin_id = id.clone();
            ReferralSession(self.0).update(move |r| r.baseline = Baseline::Done { checkin_id });
        }
        Ok(id)
    }
}
