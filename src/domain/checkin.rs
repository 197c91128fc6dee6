//! A well-being check-in: the draft a person is filling in, and the record it becomes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::directory::Visit;
use super::instrument::{self, AnswerError, Instrument, Scores};

/// One instrument's answers, tagged with the exact instrument version they answer.
// Read by `record_fields`, which keeps `extra` without serde's costly flatten.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
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
// Read by `record_fields`, as for `Response`.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(default)]
pub struct Draft {
    /// Client-generated id, kept when the draft becomes a record.
    pub id: String,
    /// When the person started.
    #[serde(with = "super::time::optional_instant")]
    pub started_at: Option<DateTime<Utc>>,
    /// One response per instrument, in the order asked.
    pub responses: Vec<Response>,
    /// The brief questions after the instruments: activities, goals, journey step.
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// Whether a volunteer is helping the person ("I'm helping someone"); the finished
    /// check-in keeps it. Left out of the JSON when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub with_volunteer: bool,
    /// Fields written by a newer app. Declared after `follow_up` so that serde hands this
    /// map only the fields nothing else claimed.
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
            follow_up: FollowUp::default(),
            with_volunteer: false,
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

    /// The first question without an answer, or `None` when all are answered. An answer the
    /// instrument does not offer (only a damaged or altered draft can hold one) counts as
    /// none, so it is asked again rather than finished into a check-in that cannot be right.
    pub fn first_unanswered(&self) -> Option<usize> {
        (1..=self.question_count()).find(|&n| match (self.answer(n), self.question(n)) {
            (None, _) => true,
            (Some(score), Some((instrument, item))) => {
                instrument.check_answer(item, score).is_err()
            }
            (Some(_), None) => false,
        })
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
            follow_up: self.follow_up.clone(),
            with_volunteer: self.with_volunteer,
            extra: self.extra.clone(),
        })
    }
}

#[cfg(test)]
impl CheckIn {
    /// A check-in for tests, started and finished at `at`, with no follow-up answers.
    pub(crate) fn sample(id: &str, at: DateTime<Utc>, responses: Vec<Response>) -> Self {
        Self {
            id: id.into(),
            started_at: at,
            finished_at: at,
            responses,
            follow_up: FollowUp::default(),
            with_volunteer: false,
            extra: Map::new(),
        }
    }
}

/// A finished check-in as stored on the device.
// Read by `record_fields`, as for `Response`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckIn {
    /// Client-generated id, unique on this device and when sent to a service.
    pub id: String,
    /// When the person started.
    #[serde(with = "super::time::instant")]
    pub started_at: DateTime<Utc>,
    /// When the person saved it.
    #[serde(with = "super::time::instant")]
    pub finished_at: DateTime<Utc>,
    /// One response per instrument.
    #[serde(default)]
    pub responses: Vec<Response>,
    /// The brief questions after the instruments: activities, goals, journey step. Added
    /// after schema 1 shipped; every part defaults to empty, so schema 1 records restore as
    /// they are and the schema stays 1 (see [`FollowUp`]).
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// Whether it was completed with help from a volunteer. Added within schema 1: absent
    /// (and so left out when not) in records from before it existed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub with_volunteer: bool,
    /// Fields written by a newer app. Declared after `follow_up` so that serde hands this
    /// map only the fields nothing else claimed.
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

/// What the person says about the activities they went to since their last check-in (uptake,
/// SPEC.md 3.2). Absent from a check-in when the question was not asked or was skipped.
// Read by `record_fields`, which reads the tag without serde's costly tagged-enum buffering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ActivityUptake {
    /// "None yet": said plainly, not counted as a failure.
    NoneYet,
    /// They went to something.
    Went {
        /// Ids of activities from the referral's interests or the service's directory.
        #[serde(default)]
        activity_ids: Vec<String>,
        /// "Something else", in their own words.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        something_else: Option<String>,
    },
}

/// The value of the "something else" box among ticked activities.
pub const SOMETHING_ELSE: &str = "something-else";
/// The value of the "none yet" box among ticked activities.
pub const NONE_YET: &str = "none-yet";

impl ActivityUptake {
    /// The ticked boxes, and the words in the "something else" box, that stand for an answer.
    pub fn ticked(uptake: Option<&Self>) -> (Vec<String>, String) {
        match uptake {
            None => (vec![], String::new()),
            Some(ActivityUptake::NoneYet) => (vec![NONE_YET.into()], String::new()),
            Some(ActivityUptake::Went {
                activity_ids,
                something_else,
            }) => {
                let mut values = activity_ids.clone();
                if something_else.is_some() {
                    values.push(SOMETHING_ELSE.into());
                }
                (values, something_else.clone().unwrap_or_default())
            }
        }
    }

    /// The answer that ticked boxes stand for; `None` when nothing is ticked (left out).
    pub fn from_ticked(values: &[String], something_else: &str) -> Option<Self> {
        if values.is_empty() {
            None
        } else if values.iter().any(|v| v == NONE_YET) {
            Some(ActivityUptake::NoneYet)
        } else {
            Some(ActivityUptake::Went {
                activity_ids: values
                    .iter()
                    .filter(|v| *v != SOMETHING_ELSE)
                    .cloned()
                    .collect(),
                something_else: values
                    .iter()
                    .any(|v| v == SOMETHING_ELSE)
                    .then(|| something_else.to_owned()),
            })
        }
    }
}

/// How a goal is going, in the person's own terms (SPEC.md 3.2).
///
/// Stored as a short string. A value written by a newer app is kept as [`GoalStatus::Other`]
/// and written back unchanged, so an older app never loses or rejects it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    /// Not started yet.
    NotStarted,
    /// Started.
    Started,
    /// Getting there.
    GettingThere,
    /// Done.
    Done,
    /// They changed their mind: a choice, not a failure.
    ChangedMyMind,
    /// A status this version does not know, kept as written.
    Other(String),
}

impl GoalStatus {
    /// Every status a person can choose, in the order offered.
    pub const ALL: [GoalStatus; 5] = [
        GoalStatus::NotStarted,
        GoalStatus::Started,
        GoalStatus::GettingThere,
        GoalStatus::Done,
        GoalStatus::ChangedMyMind,
    ];

    /// The stored form, e.g. `getting-there`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::NotStarted => "not-started",
            Self::Started => "started",
            Self::GettingThere => "getting-there",
            Self::Done => "done",
            Self::ChangedMyMind => "changed-my-mind",
            Self::Other(s) => s,
        }
    }

    /// The status as the service's records name it, in English. What the person reads is
    /// in the message catalogue.
    pub fn service_label(&self) -> &str {
        match self {
            Self::NotStarted => "Not started",
            Self::Started => "Started",
            Self::GettingThere => "Getting there",
            Self::Done => "Done",
            Self::ChangedMyMind => "Changed my mind",
            Self::Other(s) => s,
        }
    }
}

/// One existing goal's status at this check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalUpdate {
    /// The goal's id (from the referral, or from a [`NewGoal`] added earlier).
    pub goal_id: String,
    /// How it is going.
    pub status: GoalStatus,
}

/// A goal the person added at this check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewGoal {
    /// Client-generated id, so later check-ins can update it.
    pub id: String,
    /// The goal in their own words.
    pub text: String,
}

/// The five steps people take to benefit from social prescribing (seed 001, Payne, Walton &
/// Burton 2019), in order. The person picks the one that feels most like where they are now.
///
/// Stored as a short string; an unknown value from a newer app is kept as
/// [`JourneyStep::Other`], as for [`GoalStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JourneyStep {
    /// Step 1: receiving professional support for social problems.
    ProfessionalSupport,
    /// Step 2: engaging with others through activities.
    EngagingWithOthers,
    /// Step 3: learning new skills and ways of relating to people.
    Learning,
    /// Step 4: changing perceptions: seeing their own strengths and possible futures.
    ChangingPerceptions,
    /// Step 5: moving forwards towards future goals and better health.
    MovingForwards,
    /// A step this version does not know, kept as written.
    Other(String),
}

impl JourneyStep {
    /// The five steps in the order of the journey.
    pub const ALL: [JourneyStep; 5] = [
        JourneyStep::ProfessionalSupport,
        JourneyStep::EngagingWithOthers,
        JourneyStep::Learning,
        JourneyStep::ChangingPerceptions,
        JourneyStep::MovingForwards,
    ];

    /// The stored form, e.g. `engaging-with-others`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ProfessionalSupport => "professional-support",
            Self::EngagingWithOthers => "engaging-with-others",
            Self::Learning => "learning",
            Self::ChangingPerceptions => "changing-perceptions",
            Self::MovingForwards => "moving-forwards",
            Self::Other(s) => s,
        }
    }

    /// The step's number, 1 to 5, for charting the journey over time; `None` if unknown.
    pub fn number(&self) -> Option<u8> {
        Self::ALL
            .iter()
            .position(|j| j == self)
            .and_then(|p| u8::try_from(p + 1).ok())
    }

    /// The research name of the step, for link workers and exports.
    pub fn research_name(&self) -> &str {
        match self {
            Self::ProfessionalSupport => "Receiving professional support",
            Self::EngagingWithOthers => "Engaging with others",
            Self::Learning => "Learning",
            Self::ChangingPerceptions => "Changing perceptions",
            Self::MovingForwards => "Moving forwards",
            Self::Other(s) => s,
        }
    }
}

/// Reads the open string enums from their stored form and serialises them as it, so that
/// values from a newer app survive a round trip through this one.
macro_rules! open_string_enum {
    ($t:ty) => {
        impl $t {
            /// Reads the stored form; anything unknown becomes `Other`, kept as written.
            pub fn parse(s: &str) -> Self {
                Self::ALL
                    .into_iter()
                    .find(|known| known.as_str() == s)
                    .unwrap_or_else(|| Self::Other(s.to_owned()))
            }
        }
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map(|s| Self::parse(&s))
            }
        }
    };
}
open_string_enum!(GoalStatus);
open_string_enum!(JourneyStep);

/// The optional questions asked beside the instruments (SPEC.md 3.2): uptake, goals and the
/// journey step. Every part may be missing: each is brief and can be skipped.
///
/// These fields were added after schema 1 shipped. They are additive and default to empty, so
/// schema 1 records (which lack them) restore unchanged and the schema stays 1; no migration
/// is needed. They are omitted from JSON when empty so older records round-trip byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// Activities attended since last time, if asked and answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activities: Option<ActivityUptake>,
    /// Status updates for existing goals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goal_updates: Vec<GoalUpdate>,
    /// Goals added at this check-in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_goals: Vec<NewGoal>,
    /// Which of the five steps feels most like where they are now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journey_step: Option<JourneyStep>,
    /// Activities from the service's directory the person said "I went" to, still ticked
    /// when they answered the activities question. Added within schema 1, like the rest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub went_to: Vec<Visit>,
}

/// Why an extra answer cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    /// "Something else" was chosen but left blank.
    #[error("say what else you went to, or leave it unticked")]
    EmptySomethingElse,
    /// A new goal has no words.
    #[error("write your goal in a few words")]
    EmptyGoal,
    /// "Went" with nothing chosen: they should pick "none yet" instead.
    #[error("choose at least one activity, or \"none yet\"")]
    NothingChosen,
}

impl FollowUp {
    /// Records the activities they went to. Blank "something else" text is an error rather
    /// than silently dropped; an empty choice must be said as [`ActivityUptake::NoneYet`],
    /// unless they went to something from the directory ([`FollowUp::went_to`]). "None yet"
    /// takes back any directory visits.
    pub fn set_activities(&mut self, uptake: ActivityUptake) -> Result<(), FollowUpError> {
        let uptake = match uptake {
            ActivityUptake::NoneYet => {
                self.went_to.clear();
                ActivityUptake::NoneYet
            }
            ActivityUptake::Went {
                activity_ids,
                something_else,
            } => {
                let something_else = match something_else {
                    Some(text) if text.trim().is_empty() => {
                        return Err(FollowUpError::EmptySomethingElse)
                    }
                    Some(text) => Some(text.trim().to_owned()),
                    None => None,
                };
                if activity_ids.is_empty() && something_else.is_none() && self.went_to.is_empty() {
                    return Err(FollowUpError::NothingChosen);
                }
                ActivityUptake::Went {
                    activity_ids,
                    something_else,
                }
            }
        };
        self.activities = Some(uptake);
        Ok(())
    }

    /// Answers the activities question from the page: the ticked boxes (category ids,
    /// [`SOMETHING_ELSE`], [`NONE_YET`]), the words in the "something else" box, and the
    /// directory visits still ticked. Nothing ticked at all leaves the question out.
    pub fn answer_uptake(
        &mut self,
        ticked: &[String],
        something_else: &str,
        went_to: Vec<Visit>,
    ) -> Result<(), FollowUpError> {
        let none_yet = ticked.iter().any(|v| v == NONE_YET);
        let uptake = match ActivityUptake::from_ticked(ticked, something_else) {
            None if went_to.is_empty() => None,
            None => Some(ActivityUptake::Went {
                activity_ids: vec![],
                something_else: None,
            }),
            some => some,
        };
        let Some(uptake) = uptake else {
            self.activities = None;
            self.went_to.clear();
            return Ok(());
        };
        let before = std::mem::replace(&mut self.went_to, if none_yet { vec![] } else { went_to });
        let result = self.set_activities(uptake);
        if result.is_err() {
            self.went_to = before;
        }
        result
    }

    /// Sets how a goal is going, replacing any earlier answer for the same goal.
    pub fn set_goal_status(&mut self, goal_id: &str, status: GoalStatus) {
        match self.goal_updates.iter_mut().find(|g| g.goal_id == goal_id) {
            Some(g) => g.status = status,
            None => self.goal_updates.push(GoalUpdate {
                goal_id: goal_id.to_owned(),
                status,
            }),
        }
    }

    /// Adds a goal in the person's words, under a client-generated `id`.
    pub fn add_goal(&mut self, id: String, text: &str) -> Result<(), FollowUpError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(FollowUpError::EmptyGoal);
        }
        self.new_goals.push(NewGoal {
            id,
            text: text.to_owned(),
        });
        Ok(())
    }

    /// Sets the one new goal a check-in page offers to `text`: added under `new_id()` the
    /// first time, its words changed after that, and taken away when `text` is blank.
    pub fn set_new_goal(&mut self, text: &str, new_id: impl FnOnce() -> String) {
        let text = text.trim();
        match self.new_goals.first_mut() {
            _ if text.is_empty() => self.new_goals.clear(),
            Some(goal) => goal.text = text.to_owned(),
            None => self.new_goals.push(NewGoal {
                id: new_id(),
                text: text.to_owned(),
            }),
        }
    }

    /// Whether nothing extra was answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Check-ins newest first, the order the history shows them in.
pub fn newest_first(checkins: &[CheckIn]) -> Vec<&CheckIn> {
    let mut sorted: Vec<&CheckIn> = checkins.iter().collect();
    super::sort::stable_by(&mut sorted, |a, b| {
        (a.finished_at, &a.id) > (b.finished_at, &b.id)
    });
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{Category, MHC_SF};
    use chrono::TimeZone;

    #[test]
    fn the_new_goal_is_added_once_then_reworded_then_taken_away_when_blank() {
        let mut f = FollowUp::default();
        f.set_new_goal("  Walk more ", || "g1".into());
        f.set_new_goal("Walk with Jo", || "g2".into());
        assert_eq!(
            f.new_goals,
            [NewGoal {
                id: "g1".into(),
                text: "Walk with Jo".into()
            }]
        );
        f.set_new_goal("   ", || "g3".into());
        assert!(f.new_goals.is_empty());
    }

    #[test]
    fn ticked_boxes_and_stored_answers_round_trip() {
        let went = ActivityUptake::Went {
            activity_ids: vec!["social".into(), "creative".into()],
            something_else: Some("Choir".into()),
        };
        for uptake in [None, Some(ActivityUptake::NoneYet), Some(went)] {
            let (values, text) = ActivityUptake::ticked(uptake.as_ref());
            assert_eq!(ActivityUptake::from_ticked(&values, &text), uptake);
        }
    }

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
    fn a_draft_answer_the_instrument_does_not_offer_is_asked_again_never_finished() {
        // Only an altered or damaged stored draft can hold one: set_answer refuses it.
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        for n in 1..=14 {
            d.set_answer(n, 4).unwrap();
        }
        d.responses[0].answers[4] = Some(6);
        assert_eq!(d.first_unanswered(), Some(5));
        assert_eq!(d.finish(at(10)), Err(DraftError::Unanswered(5)));
        d.set_answer(5, 2).unwrap();
        assert!(d.finish(at(10)).is_ok());
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
            follow_up: FollowUp::default(),
            with_volunteer: false,
            extra: Map::new(),
        };
        let list = vec![mk("a", 8), mk("b", 12), mk("c", 10)];
        let ids: Vec<&str> = newest_first(&list).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["b", "c", "a"]);
    }

    const FIXTURE: &str = include_str!("../../tests/fixtures/checkins.v1.json");

    fn fixture() -> Vec<CheckIn> {
        let r = crate::domain::stored::restore_list::<CheckIn>(Some(FIXTURE));
        assert!(r.set_aside.is_empty(), "{:?}", r.set_aside);
        r.value
    }

    #[test]
    fn schema_1_records_restore_with_no_follow_up_and_save_without_one() {
        let list = fixture();
        assert!(list.iter().all(|c| c.follow_up.is_empty()));
        // Nothing new is written for a record that has no follow-up answers.
        let again = serde_json::to_value(&list[0]).unwrap();
        for key in ["activities", "goal_updates", "new_goals", "journey_step"] {
            assert!(again.get(key).is_none(), "{key}");
        }
        assert_eq!(again.get("mood_note").and_then(Value::as_str), Some("kept"));
    }

    #[test]
    fn follow_up_answers_round_trip_and_travel_from_draft_to_record() {
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        for n in 1..=14 {
            d.set_answer(n, 2).unwrap();
        }
        let f = &mut d.follow_up;
        f.set_activities(ActivityUptake::Went {
            activity_ids: vec!["walking-group".into()],
            something_else: Some("  choir  ".into()),
        })
        .unwrap();
        f.set_goal_status("g1", GoalStatus::Started);
        f.set_goal_status("g1", GoalStatus::GettingThere);
        f.add_goal("g2".into(), " Go to the café on Friday ")
            .unwrap();
        f.journey_step = Some(JourneyStep::Learning);
        let c = d.finish(at(10)).unwrap();
        assert_eq!(c.follow_up, d.follow_up);
        assert_eq!(
            c.follow_up.goal_updates,
            [GoalUpdate {
                goal_id: "g1".into(),
                status: GoalStatus::GettingThere
            }]
        );
        assert_eq!(c.follow_up.new_goals[0].text, "Go to the café on Friday");

        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["activities"]["kind"], "went");
        assert_eq!(json["activities"]["something_else"], "choir");
        assert_eq!(json["goal_updates"][0]["status"], "getting-there");
        assert_eq!(json["journey_step"], "learning");
        let back: CheckIn = serde_json::from_value(json).unwrap();
        assert_eq!(back, c);
        // The follow-up fields are claimed by `follow_up`, not duplicated into `extra`.
        assert!(back.extra.is_empty(), "{:?}", back.extra);
    }

    #[test]
    fn values_from_a_newer_app_are_kept_not_rejected() {
        let raw = r#"{"id":"x","started_at":"2026-11-21T10:00:00Z","finished_at":"2026-11-21T10:05:00Z",
            "goal_updates":[{"goal_id":"g1","status":"paused"}],"journey_step":"step-six","mood":"ok"}"#;
        let c: CheckIn = serde_json::from_str(raw).unwrap();
        assert_eq!(
            c.follow_up.goal_updates[0].status,
            GoalStatus::Other("paused".into())
        );
        assert_eq!(
            c.follow_up.journey_step,
            Some(JourneyStep::Other("step-six".into()))
        );
        assert_eq!(
            c.follow_up
                .journey_step
                .as_ref()
                .and_then(JourneyStep::number),
            None
        );
        let again = serde_json::to_value(&c).unwrap();
        assert_eq!(again["goal_updates"][0]["status"], "paused");
        assert_eq!(again["journey_step"], "step-six");
        assert_eq!(again["mood"], "ok");
    }

    #[test]
    fn activity_answers_must_say_something() {
        let mut f = FollowUp::default();
        assert_eq!(
            f.set_activities(ActivityUptake::Went {
                activity_ids: vec![],
                something_else: None
            }),
            Err(FollowUpError::NothingChosen)
        );
        assert_eq!(
            f.set_activities(ActivityUptake::Went {
                activity_ids: vec!["a".into()],
                something_else: Some(" ".into())
            }),
            Err(FollowUpError::EmptySomethingElse)
        );
        assert!(f.is_empty());
        f.set_activities(ActivityUptake::NoneYet).unwrap();
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            serde_json::json!({"activities": {"kind": "none-yet"}})
        );
        assert_eq!(f.add_goal("g".into(), "   "), Err(FollowUpError::EmptyGoal));
    }

    #[test]
    fn the_five_steps_are_in_journey_order_with_research_names() {
        let numbers: Vec<Option<u8>> = JourneyStep::ALL.iter().map(JourneyStep::number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4), Some(5)]);
        assert_eq!(
            JourneyStep::MovingForwards.research_name(),
            "Moving forwards"
        );
        for step in JourneyStep::ALL {
            assert_eq!(JourneyStep::parse(step.as_str()), step);
        }
        for status in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(status.as_str()), status);
        }
        assert_eq!(GoalStatus::ChangedMyMind.service_label(), "Changed my mind");
    }

    #[test]
    fn directory_visits_answer_the_activities_question_on_their_own() {
        use crate::domain::directory::Visit;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let walk = Visit::new("walk-1", "Example walk", day);
        let mut f = FollowUp::default();
        f.answer_uptake(&[], "", vec![walk.clone()]).unwrap();
        assert_eq!(
            f.activities,
            Some(ActivityUptake::Went {
                activity_ids: vec![],
                something_else: None
            })
        );
        assert_eq!(f.went_to, std::slice::from_ref(&walk));

        // Ticking a category as well keeps both; "none yet" takes the visits back.
        f.answer_uptake(&["social".into()], "", vec![walk.clone()])
            .unwrap();
        assert_eq!(f.went_to.len(), 1);
        f.answer_uptake(&[NONE_YET.into()], "", vec![walk.clone()])
            .unwrap();
        assert_eq!(f.activities, Some(ActivityUptake::NoneYet));
        assert!(f.went_to.is_empty());

        // Unticking everything leaves the question out.
        f.answer_uptake(&[], "", vec![]).unwrap();
        assert!(f.is_empty());

        // A refused answer changes nothing.
        f.answer_uptake(&[], "", vec![walk.clone()]).unwrap();
        assert_eq!(
            f.answer_uptake(&[SOMETHING_ELSE.into()], " ", vec![]),
            Err(FollowUpError::EmptySomethingElse)
        );
        assert_eq!(f.went_to, [walk]);
    }

    #[test]
    fn a_check_in_with_directory_visits_round_trips_and_an_old_one_has_none() {
        use crate::domain::directory::Visit;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut d = Draft::new("c1".into(), at(9), &[&MHC_SF]);
        for n in 1..=14 {
            d.set_answer(n, 3).unwrap();
        }
        d.follow_up
            .answer_uptake(&[], "", vec![Visit::new("walk-1", "Example walk", day)])
            .unwrap();
        let c = d.finish(at(10)).unwrap();
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(
            json["went_to"],
            serde_json::json!([{"directory_id": "walk-1", "name": "Example walk", "on": "2026-12-02"}])
        );
        let back: CheckIn = serde_json::from_value(json).unwrap();
        assert_eq!(back, c);
        assert!(back.extra.is_empty(), "{:?}", back.extra);

        // A check-in from before: no `went_to` written, none read.
        let old = Draft {
            follow_up: FollowUp::default(),
            ..d
        }
        .finish(at(10))
        .unwrap();
        let text = serde_json::to_string(&old).unwrap();
        assert!(!text.contains("went_to"), "{text}");
        let back: CheckIn = serde_json::from_str(&text).unwrap();
        assert!(back.follow_up.went_to.is_empty());

        // A damaged visit makes the record unreadable, for the tolerant restore to set aside
        // alone, rather than being dropped quietly.
        let damaged = r#"{"id":"x","started_at":"2026-11-21T10:00:00Z","finished_at":"2026-11-21T10:05:00Z",
            "went_to":[{"directory_id":7}]}"#;
        assert!(serde_json::from_str::<CheckIn>(damaged).is_err());
        let stored = format!(
            r#"{{"schema": 1, "data": [{}, {damaged}]}}"#,
            serde_json::to_string(&c).unwrap()
        );
        let restored = crate::domain::stored::restore_list::<CheckIn>(Some(&stored));
        assert_eq!(
            restored.value,
            [c],
            "the readable check-in keeps its visits"
        );
        assert_eq!(
            restored.set_aside.len(),
            1,
            "the damaged one is kept aside, alone"
        );
    }
}
