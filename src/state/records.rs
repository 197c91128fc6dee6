//! What the person has finished and kept: check-ins, referrals, a put-off check-in, and the
//! controls over all of it (download, bring a file in, delete).

use std::sync::Arc;

use leptos::prelude::*;

use super::core::Core;
use crate::browser;
use crate::domain::checkin::CheckIn;
use crate::domain::export::{self, ImportSummary};
use crate::domain::progress::{goals_from, GoalHistory, Overview};
use crate::domain::referral::{referral_goals, Referral, ReferralExport};
use crate::domain::schedule::{checkin_dates, Deferral, Schedule};
use crate::domain::{scores_csv, stored};
use crate::error::AppError;
use crate::storage::{StorageError, DEFERRAL};

/// The person's finished records, and the actions on them.
#[derive(Clone, Copy)]
pub struct Records(pub(super) Core);

impl Records {
    /// Finished check-ins, in stored order.
    pub fn checkins(&self) -> ReadSignal<Vec<CheckIn>> {
        *self.0.checkins
    }

    /// What "Your progress" shows of the check-ins, as `work_out` makes it: worked out once
    /// for each change of the check-ins, so a page opened again (or worked out ahead, while
    /// the person reads another) does not wait for years of them (untracked). `None` once
    /// this person's state is gone (the next person's has begun).
    pub fn progress(&self, work_out: impl FnOnce(&[CheckIn]) -> Overview) -> Option<Arc<Overview>> {
        self.0.checkins.worked_out(work_out)
    }

    /// Referrals the person has finished.
    pub fn referrals(&self) -> ReadSignal<Vec<Referral>> {
        self.0.referrals.read
    }

    /// A due check-in the person put off, if any.
    pub fn deferral(&self) -> ReadSignal<Option<Deferral>> {
        self.0.deferral.read
    }

    /// The finished check-in with this id (tracked).
    pub fn checkin(&self, id: &str) -> Option<CheckIn> {
        self.0.checkins.read().iter().find(|c| c.id == id).cloned()
    }

    /// The finished referral with this id (tracked).
    pub fn referral(&self, id: &str) -> Option<Referral> {
        self.0.referrals.read().iter().find(|r| r.id == id).cloned()
    }

    /// Every goal the person has set, in their referral or at a check-in, with its history
    /// (tracked).
    pub fn goal_histories(&self) -> Vec<GoalHistory> {
        let seed = self.0.referrals.with(|r| referral_goals(r));
        self.0
            .checkins
            .with(|c| goals_from(&seed, c, browser::offset_at))
    }

    /// The person's schedule, from the local dates of their check-ins (tracked).
    pub fn schedule(&self) -> Schedule {
        let settings = self.0.config.with_value(|c| c.schedule);
        Schedule::new(
            settings,
            checkin_dates(&self.0.checkins.read(), browser::offset_at),
        )
    }

    /// Puts off a due check-in (snooze, or "not now, things are hard"). Nothing is added to
    /// the person's history.
    pub fn defer(&self, deferral: Deferral) -> Result<(), AppError> {
        self.0.write_record(|s| s.save(DEFERRAL, &deferral))?;
        self.0.deferral.set(Some(deferral));
        Ok(())
    }

    /// Reads everything again from storage, after another tab saved.
    pub fn reload(&self) {
        self.0.read_store();
    }

    /// How many unreadable pieces are kept aside.
    pub fn set_aside_count(&self) -> Result<usize, AppError> {
        Ok(self.0.store.with_value(|s| s.set_aside())?.len())
    }

    /// How much space the app's data takes, in bytes as the browser counts them.
    pub fn space_used(&self) -> Result<u64, AppError> {
        Ok(self.0.store.with_value(|s| s.usage())?.total())
    }

    /// Offers everything stored as one export file.
    pub fn download_everything(&self) -> Result<(), AppError> {
        let doc = self.0.store.with_value(|s| s.export(browser::now()))?;
        // Writing our own types as JSON cannot fail in practice; if it did, it is the same
        // fault as a record that cannot be prepared for saving.
        let text = doc
            .to_json()
            .map_err(|e| StorageError::Encode(e.to_string()))?;
        browser::download(&doc.file_name(), "application/json", &text)?;
        Ok(())
    }

    /// Offers the check-ins' scores as a spreadsheet file.
    pub fn download_scores(&self) -> Result<(), AppError> {
        let csv = self
            .0
            .checkins
            .with_untracked(|c| scores_csv::checkins_csv(c));
        browser::download("flourish-check-in-scores.csv", "text/csv", &csv)?;
        Ok(())
    }

    /// Offers a finished referral as the documented JSON file, to keep or give to the service.
    pub fn download_referral(&self, referral: &Referral) -> Result<(), AppError> {
        let file = ReferralExport::new(referral);
        let text =
            serde_json::to_string_pretty(&file).map_err(|e| StorageError::Encode(e.to_string()))?;
        let name = format!("flourish-referral-{}.json", file.reference);
        browser::download(&name, "application/json", &text)?;
        Ok(())
    }

    /// Offers everything set aside as a file, to give to the service.
    pub fn download_set_aside(&self) -> Result<(), AppError> {
        let items = self.0.store.with_value(|s| s.set_aside())?;
        let text = stored::set_aside_file(&items);
        browser::download("flourish-unreadable-data.json", "application/json", &text)?;
        Ok(())
    }

    /// Brings in an export file (merged, never replacing anything without keeping it aside)
    /// and shows what it brought.
    pub fn import(&self, text: &str) -> Result<ImportSummary, AppError> {
        let parsed = export::parse(text)?;
        let summary = self.0.store.with_value(|s| s.import(&parsed))?;
        self.0.read_store();
        Ok(summary)
    }

    /// Deletes everything the app keeps on this device, after the person confirmed. What
    /// shows afterwards is read from storage, so a delete that stopped part way shows what
    /// is left.
    pub fn delete_everything(&self) -> Result<(), AppError> {
        let deleted = self.0.store.with_value(|s| s.delete_everything());
        self.0.read_store();
        deleted?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use leptos::prelude::*;

    use crate::config::LoadedConfig;
    use crate::domain::checkin::{CheckIn, Draft};
    use crate::domain::instrument::MHC_SF;
    use crate::domain::progress::{overview, Overview};
    use crate::state::session::AppState;
    use crate::state::test_support::options;
    use crate::storage::{Store, DRAFT};

    fn finished(id: &str, answer: u8) -> CheckIn {
        let mut d = Draft::new(id.into(), chrono::DateTime::UNIX_EPOCH, &[&MHC_SF]);
        for n in 1..=14 {
            d.set_answer(n, answer).unwrap();
        }
        d.finish(chrono::DateTime::UNIX_EPOCH).unwrap()
    }

    /// The MHC-SF total of the latest check-in, as "Your progress" shows it.
    fn latest_total(o: &Overview) -> Option<u32> {
        o.flourishing
            .as_ref()
            .and_then(|f| f.total.latest())
            .map(|p| p.value)
    }

    #[test]
    fn progress_is_worked_out_once_and_again_only_when_the_check_ins_change() {
        let _owner = Owner::new();
        let store = Store::memory();
        store.add_checkin(finished("c-1", 2)).unwrap();
        let state = AppState::new(store.clone(), LoadedConfig::default(), options());
        let workings = Cell::new(0);
        let progress = || {
            state
                .records
                .progress(|c| {
                    workings.set(workings.get() + 1);
                    overview(c, |_| chrono::FixedOffset::east_opt(0).unwrap())
                })
                .unwrap()
        };

        assert_eq!(latest_total(&progress()), Some(28));
        assert_eq!(latest_total(&progress()), Some(28));
        assert_eq!(
            workings.get(),
            1,
            "opening the page again works nothing out"
        );

        // Another tab saved its draft: read again, the same check-ins, nothing worked out.
        let mut draft = Draft::new("c-2".into(), chrono::DateTime::UNIX_EPOCH, &[&MHC_SF]);
        for n in 1..=14 {
            draft.set_answer(n, 5).unwrap();
        }
        store.save(DRAFT, &draft).unwrap();
        state.records.reload();
        assert_eq!(latest_total(&progress()), Some(28));
        assert_eq!(workings.get(), 1);

        // Another tab finished a check-in: read again, worked out again.
        let mut other = finished("c-0", 4);
        other.finished_at = chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(1);
        store.add_checkin(other).unwrap();
        state.records.reload();
        assert_eq!(latest_total(&progress()), Some(56));
        assert_eq!(workings.get(), 2);

        // A check-in finished here (its draft, which the other tab's finishing cleared, read
        // again): the page shows it, never what was worked out before.
        store.save(DRAFT, &draft).unwrap();
        state.records.reload();
        assert_eq!(latest_total(&progress()), Some(56));
        assert_eq!(workings.get(), 2);
        state.check_in.finish().unwrap();
        assert_eq!(latest_total(&progress()), Some(70));
        assert_eq!(latest_total(&progress()), Some(70));
        assert_eq!(workings.get(), 3);
    }
}
