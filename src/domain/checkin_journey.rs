//! The order of the check-in's pages: every question of the configured questionnaires, then
//! the three brief optional questions, then check your answers. Pages ask this module where
//! Continue and Back go, so no page knows another page's place in the journey.

use super::checkin::Draft;

/// One page of a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInStep {
    /// Question `n`, counted from 1 across every questionnaire of the check-in.
    Question(usize),
    /// Which activities they went to since last time (optional).
    Activities,
    /// How their goals are going (optional).
    Goals,
    /// Which of the five steps feels most like now (optional).
    JourneyStep,
    /// Check your answers.
    Check,
}

impl CheckInStep {
    /// The first page of a new check-in.
    pub const FIRST: CheckInStep = CheckInStep::Question(1);

    /// Where to carry on a check-in: the first question still unanswered, else check your
    /// answers; the first question when nothing has been started.
    pub fn resume(draft: Option<&Draft>) -> CheckInStep {
        match draft {
            None => Self::FIRST,
            Some(d) => d
                .first_unanswered()
                .map_or(CheckInStep::Check, CheckInStep::Question),
        }
    }

    /// The page after this one in a check-in asking `draft`'s questions.
    pub fn next(self, draft: &Draft) -> CheckInStep {
        match self {
            CheckInStep::Question(n) if n < draft.question_count() => CheckInStep::Question(n + 1),
            CheckInStep::Question(_) => CheckInStep::Activities,
            CheckInStep::Activities => CheckInStep::Goals,
            CheckInStep::Goals => CheckInStep::JourneyStep,
            CheckInStep::JourneyStep | CheckInStep::Check => CheckInStep::Check,
        }
    }

    /// The page before this one, for the back link; `None` before the first question, where
    /// Back leaves the check-in for the home page.
    pub fn previous(self, draft: &Draft) -> Option<CheckInStep> {
        match self {
            CheckInStep::Question(n) if n > 1 => Some(CheckInStep::Question(n - 1)),
            CheckInStep::Question(_) => None,
            CheckInStep::Activities => match draft.question_count() {
                0 => None,
                n => Some(CheckInStep::Question(n)),
            },
            CheckInStep::Goals => Some(CheckInStep::Activities),
            CheckInStep::JourneyStep => Some(CheckInStep::Goals),
            CheckInStep::Check => Some(CheckInStep::JourneyStep),
        }
    }

    /// Where Continue goes when the person came from a "Change" link: straight back.
    pub fn next_from_check(self) -> CheckInStep {
        CheckInStep::Check
    }

    /// Where Continue goes, for a page opened from check your answers or not.
    pub fn forward(self, draft: &Draft, from_check: bool) -> CheckInStep {
        if from_check {
            self.next_from_check()
        } else {
            self.next(draft)
        }
    }

    /// Where Back goes, for a page opened from check your answers or not; `None` is home.
    pub fn back(self, draft: &Draft, from_check: bool) -> Option<CheckInStep> {
        if from_check {
            Some(CheckInStep::Check)
        } else {
            self.previous(draft)
        }
    }

    /// The page's address below `/check-in/`.
    pub fn segment(self) -> String {
        match self {
            CheckInStep::Question(n) => format!("questions/{n}"),
            CheckInStep::Activities => "activities".into(),
            CheckInStep::Goals => "goals".into(),
            CheckInStep::JourneyStep => "step".into(),
            CheckInStep::Check => "check".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{MHC_SF, ONS4, UCLA3};
    use chrono::Utc;
    use CheckInStep::*;

    fn draft(instruments: &[&crate::domain::instrument::Instrument]) -> Draft {
        Draft::new("d".into(), Utc::now(), instruments)
    }

    /// Every page from the first question, following Continue until check your answers.
    fn walk_forward(d: &Draft) -> Vec<CheckInStep> {
        let mut steps = vec![CheckInStep::FIRST];
        while steps.last() != Some(&Check) {
            let next = steps[steps.len() - 1].next(d);
            steps.push(next);
            assert!(
                steps.len() < 100,
                "the journey never reaches check your answers"
            );
        }
        steps
    }

    #[test]
    fn a_check_in_walks_every_question_then_the_three_follow_ups_then_check() {
        let d = draft(&[&MHC_SF, &UCLA3]);
        let expected: Vec<CheckInStep> = (1..=17)
            .map(Question)
            .chain([Activities, Goals, JourneyStep, Check])
            .collect();
        assert_eq!(walk_forward(&d), expected);
    }

    #[test]
    fn back_retraces_continue_and_leaves_for_home_from_question_one() {
        let d = draft(&[&ONS4, &UCLA3]);
        let forward = walk_forward(&d);
        let mut backward = vec![Check];
        while let Some(previous) = backward[backward.len() - 1].previous(&d) {
            backward.push(previous);
        }
        backward.reverse();
        assert_eq!(backward, forward);
        assert_eq!(
            Question(1).previous(&d),
            None,
            "Back from question 1 goes home"
        );
    }

    #[test]
    fn a_page_opened_from_check_your_answers_returns_there_both_ways() {
        let d = draft(&[&MHC_SF]);
        for step in [Question(3), Question(14), Activities, Goals, JourneyStep] {
            assert_eq!(step.forward(&d, true), Check, "{step:?}");
            assert_eq!(step.back(&d, true), Some(Check), "{step:?}");
        }
        assert_eq!(Question(3).forward(&d, false), Question(4));
        assert_eq!(Question(14).forward(&d, false), Activities);
        assert_eq!(Question(1).back(&d, false), None);
    }

    #[test]
    fn carrying_on_goes_to_the_first_unanswered_question_or_to_check() {
        let mut d = draft(&[&UCLA3]);
        assert_eq!(CheckInStep::resume(None), Question(1));
        assert_eq!(CheckInStep::resume(Some(&d)), Question(1));
        d.set_answer(1, 1).unwrap();
        d.set_answer(3, 1).unwrap();
        assert_eq!(CheckInStep::resume(Some(&d)), Question(2));
        d.set_answer(2, 1).unwrap();
        assert_eq!(CheckInStep::resume(Some(&d)), Check);
    }

    #[test]
    fn every_page_has_its_own_address() {
        let d = draft(&[&UCLA3]);
        let segments: Vec<String> = walk_forward(&d).iter().map(|s| s.segment()).collect();
        assert_eq!(
            segments,
            [
                "questions/1",
                "questions/2",
                "questions/3",
                "activities",
                "goals",
                "step",
                "check"
            ]
        );
    }
}
