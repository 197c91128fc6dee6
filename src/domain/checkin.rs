//! A well-being check-in: the draft a person is filling in, and the record it becomes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::instrument::{self, AnswerError, Instrument, Scores};

/// One instrument's answers, tagged with the exact instrument version they answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Response {
    /// The instrument's id, e.g. `mhc-sf`.
    pub instrument_id: String,
    /// The instrument's version.
    pub instrument_version: String,
    /// One slot per item: the chosen option's score, or nothing yet.
    pub answers: Vec<Option<u8>>,
    /// Fields written by a newer app, kept so that saving never drops them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Response {
    /// A blank response to `instrument`.
    pub fn blank(instrument: &Instrument) -> Self {
        Self {
            instrument_id: instrument.id.to_owned(),
            instrument_version: instrument.version.to_owned(),
            answers: instrument.blank_answers(),
            extra: Map::new(),
        }
    }

    /// The instrument this response answers, if this build knows it.
    pub fn instrument(&self) -> Option<&'static Instrument> {
        instrument::find(&self.instrument_id, &self.instrument_version)
    }

    /// The scores, if the instrument is known.
    pub fn scores(&self) -> Option<Scores> {
        self.instrument().map(|i| i.score(&self.answers))
    }
}

/// A check-in that has been started and not yet saved as finished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Draft {
    /// Client-generated id, kept when the draft becomes a record.
    pub id: String,
    /// When the person started.
    pub started_at: Option<DateTime<Utc>>,
    /// One response per instrument, in the order asked.
    pub responses: Vec<Response>,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where question `n` (1-based, across every instrument of the check-in) lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionRef {
    /// Index into the draft's responses.
    pub response: usize,
    /// Index into that instrument's items.
    pub item: usize,
}

/// Why a draft cannot take an answer or be finished.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// The question number is outside the check-in.
    #[error("there is no question {0} in this check-in")]
    NoSuchQuestion(usize),
    /// The answer is not one the instrument offers.
    #[error(transparent)]
    Answer(#[from] AnswerError),
    /// An instrument in the draft is not known to this version of the app.
    #[error("this check-in uses a questionnaire this app does not know")]
    UnknownInstrument,
    /// Some questions are unanswered.
    #[error("question {0} has not been answered")]
    Unanswered(usize),
}

impl Draft {
    /// A new draft asking `instruments` in order.
    pub fn new(id: String, started_at: DateTime<Utc>, instruments: &[&Instrument]) -> Self {
        Self {
            id,
            started_at: Some(started_at),
            responses: instruments.iter().map(|i| Response::blank(i)).collect(),
            extra: Map::new(),
        }
    }

    /// How many questions the check-in asks in all.
    pub fn question_count(&self) -> usize {
        self.responses.iter().map(|r| r.answers.len()).sum()
    }

    /// Finds question `n` (1-based).
    pub fn locate(&self, n: usize) -> Option<QuestionRef> {
        let mut first = 1;
        for (response, r) in self.responses.iter().enumerate() {
            let len = r.answers.len();
            if n >= first && n < first + len {
                return Some(QuestionRef {
                    response,
                    item: n - first,
                });
            }
            first += len;
        }
        None
    }

    /// The instrument and item for question `n`.
    pub fn question(&self, n: usize) -> Option<(&'static Instrument, usize)> {
        let at = self.locate(n)?;
        let instrument = self.responses[at.response].instrument()?;
        (at.item < instrument.items.len()).then_some((instrument, at.item))
    }

    /// The answer given to question `n`, if any.
    pub fn answer(&self, n: usize) -> Option<u8> {
        let at = self.locate(n)?;
        self.responses[at.response].answers[at.item]
    }

    /// Records `score` as the answer to question `n`.
    pub fn set_answer(&mut self, n: usize, score: u8) -> Result<(), DraftError> {
        let (instrument, item) = self.question(n).ok_or(DraftError::NoSuchQuestion(n))?;
        instrument.check_answer(item, score)?;
        let at = self.locate(n).ok_or(DraftError::NoSuchQuestion(n))?;
        self.responses[at.response].answers[at.item] = Some(score);
        Ok(())
    }

    /// The first question without an answer, or `None` when all are answered.
    pub fn first_unanswered(&self) -> Option<usize> {
        (1..=self.question_count()).find(|&n| self.answer(n).is_none())
    }

    /// Turns a fully answered draft into a finished check-in.
    pub fn finish(&self, finished_at: DateTime<Utc>) -> Result<CheckIn, DraftError> {
        if self.responses.iter().any(|r| r.instrument().is_none()) {
            return Err(DraftError::UnknownInstrument);
        }
        if let Some(n) = self.first_unanswered() {
            return Err(DraftError::Unanswered(n));
        }
        Ok(CheckIn {
            id: self.id.clone(),
            started_at: self.started_at.unwrap_or(finished_at),
            finished_at,
            responses: self.responses.clone(),
            extra: self.extra.clone(),
        })
    }
}

/// A finished check-in as stored on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// Client-generated id, unique on this device and when sent to a service.
    pub id: String,
    /// When the person started.
    pub started_at: DateTime<Utc>,
    /// When the person saved it.
    pub finished_at: DateTime<Utc>,
    /// One response per instrument.
    #[serde(default)]
    pub responses: Vec<Response>,
    /// Fields written by a newer app.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CheckIn {
    /// The response to `instrument_id`, if this check-in asked it.
    pub fn response(&self, instrument_id: &str) -> Option<&Response> {
        self.responses
            .iter()
            .find(|r| r.instrument_id == instrument_id)
    }

    /// The MHC-SF scores, which the home screen and history lead with.
    pub fn flourishing(&self) -> Option<Scores> {
        self.response(instrument::MHC_SF.id)?.scores()
    }
}

/// Check-ins newest first, the order the history shows them in.
pub fn newest_first(checkins: &[CheckIn]) -> Vec<&CheckIn> {
    let mut sorted: Vec<&CheckIn> = checkins.iter().collect();
    sorted.sort_by(|a, b| {
        b.finished_at
            .cmp(&a.finished_at)
            .then_with(|| b.id.cmp(&a.id))
    });
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{Category, MHC_SF};
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn a_draft_is_answered_question_by_question_and_finished() {
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        assert_eq!(d.question_count(), 14);
        assert_eq!(d.first_unanswered(), Some(1));
        assert_eq!(d.finish(at(10)), Err(DraftError::Unanswered(1)));
        for n in 1..=14 {
            d.set_answer(n, 4).unwrap();
        }
        assert_eq!(d.set_answer(15, 4), Err(DraftError::NoSuchQuestion(15)));
        assert_eq!(d.set_answer(0, 4), Err(DraftError::NoSuchQuestion(0)));
        assert!(matches!(d.set_answer(3, 9), Err(DraftError::Answer(_))));
        let c = d.finish(at(10)).unwrap();
        assert_eq!(c.started_at, at(9));
        assert_eq!(c.finished_at, at(10));
        let s = c.flourishing().unwrap();
        assert_eq!(s.total, Some(56));
        assert_eq!(s.category, Some(Category::Flourishing));
    }

    #[test]
    fn changing_an_answer_replaces_it() {
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        d.set_answer(2, 1).unwrap();
        d.set_answer(2, 3).unwrap();
        assert_eq!(d.answer(2), Some(3));
        assert_eq!(d.first_unanswered(), Some(1));
    }

    #[test]
    fn questions_run_across_instruments() {
        let d = Draft::new("c1".into(), at(9), &[&MHC_SF, &MHC_SF]);
        assert_eq!(d.question_count(), 28);
        assert_eq!(
            d.locate(14),
            Some(QuestionRef {
                response: 0,
                item: 13
            })
        );
        assert_eq!(
            d.locate(15),
            Some(QuestionRef {
                response: 1,
                item: 0
            })
        );
        assert_eq!(d.locate(29), None);
    }

    #[test]
    fn an_unknown_instrument_cannot_be_finished() {
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        d.responses[0].instrument_version = "99".into();
        assert_eq!(d.finish(at(10)), Err(DraftError::UnknownInstrument));
        assert_eq!(d.question(1), None);
    }

    #[test]
    fn history_is_newest_first() {
        let mk = |id: &str, h| CheckIn {
            id: id.into(),
            started_at: at(h),
            finished_at: at(h),
            responses: vec![],
            extra: Map::new(),
        };
        let list = vec![mk("a", 8), mk("b", 12), mk("c", 10)];
        let ids: Vec<&str> = newest_first(&list).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "c", "a"]);
    }
}
