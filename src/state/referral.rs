//! The referral being filled in: every change saved at once, kept when finished.

use leptos::prelude::*;

use super::core::Core;
use crate::browser;
use crate::domain::referral::{first_unfinished, Referral, Step};
use crate::error::AppError;
use crate::storage::REFERRAL_DRAFT;

/// Why a referral could not be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// A page still needs an answer.
    #[error("a question still needs an answer: {0:?}")]
    Unfinished(Step),
    /// Saving failed.
    #[error(transparent)]
    Failed(#[from] AppError),
}

/// The referral being filled in, and the actions on it.
#[derive(Clone, Copy)]
pub struct ReferralSession(pub(super) Core);

impl ReferralSession {
    /// The referral being filled in, if one has been started.
    pub fn draft(&self) -> ReadSignal<Option<Referral>> {
        self.0.referral.read
    }

    /// One part of the referral being filled in (tracked), for a field's value; read from
    /// an empty referral when none has been started.
    pub fn field<T: 'static + Send + Sync>(&self, read: fn(&Referral) -> T) -> Signal<T> {
        let referral = self.0.referral;
        Signal::derive(move || referral.with(|r| read(r.as_ref().unwrap_or(&Referral::default()))))
    }

    /// Changes the referral being filled in (starting one if needed) and saves it at once.
    /// The change always shows on screen; if saving fails the person is told, and it is
    /// tried again.
    pub fn update(&self, change: impl FnOnce(&mut Referral)) {
        let mut r = self.0.referral.get_untracked().unwrap_or_else(|| Referral {
            id: (self.0.options.new_id)(),
            started_at: Some(browser::now()),
            ..Referral::default()
        });
        change(&mut r);
        // Help given on any page counts: a volunteer may join part way.
        r.with_volunteer |= self.0.options.with_volunteer;
        self.0.save_work(|s| s.save(REFERRAL_DRAFT, &r));
        self.0.referral.set(Some(r));
    }

    /// Keeps the finished referral, returning its id, or the first page still to answer.
    pub fn submit(&self) -> Result<String, SubmitError> {
        let mut r = self
            .0
            .referral
            .get_untracked()
            .ok_or(SubmitError::Unfinished(Step::Start))?;
        if let Some(step) = first_unfinished(&r) {
            return Err(SubmitError::Unfinished(step));
        }
        r.submitted_at = Some(browser::now());
        r.with_volunteer |= self.0.options.with_volunteer;
        let id = r.id.clone();
        let all = self
            .0
            .write_record(|s| s.add_referral(r))
            .map_err(AppError::from)?;
        self.0.referrals.set(all);
        self.0.referral.set(None);
        Ok(id)
    }

    /// Throws away the referral being filled in, after the person confirmed it.
    pub fn discard(&self) -> Result<(), AppError> {
        self.0.store.with_value(|s| s.clear(REFERRAL_DRAFT))?;
        self.0.referral.set(None);
        Ok(())
    }
}
