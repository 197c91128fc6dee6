//! Well-being instruments as data, and the scoring that reads that data.
//!
//! An instrument's wording is pinned: it lives here beside its id and version rather than in
//! the interface's message catalogue, because a validated questionnaire changes only as a new
//! version (a translation is a new version too), never as an ordinary copy edit.

/// One answer a person can choose, with the score it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerOption {
    /// What the person reads.
    pub label: &'static str,
    /// The score this answer carries.
    pub score: u8,
}

/// One question of an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The question's wording, completing the instrument's stem.
    pub text: &'static str,
    /// Index into the instrument's `dimensions`.
    pub dimension: usize,
}

/// A named facet of well-being that one or more items measure (seed 000, Table I).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dimension {
    /// Stable identifier, used in stored data and exports.
    pub id: &'static str,
    /// A plain name for the person.
    pub name: &'static str,
}

/// A group of items whose scores are added together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscale {
    /// Stable identifier, used in stored data and exports.
    pub id: &'static str,
    /// A plain name for the person.
    pub name: &'static str,
    /// Zero-based item indices.
    pub items: &'static [usize],
}

/// How an instrument's answers become a category, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryRule {
    /// No category: only scores.
    None,
    /// Keyes' rule for the MHC-SF: flourishing when at least `hedonic_needed` of the hedonic
    /// items and at least `functioning_needed` of the functioning items score `high` or more;
    /// languishing when as many score `low` or less; otherwise moderately mentally healthy.
    Keyes {
        /// Zero-based indices of the emotional (hedonic) items.
        hedonic: &'static [usize],
        /// Zero-based indices of the positive functioning items.
        functioning: &'static [usize],
        /// How many hedonic items must be at an extreme.
        hedonic_needed: usize,
        /// How many functioning items must be at an extreme.
        functioning_needed: usize,
        /// Lowest score that counts as high.
        high: u8,
        /// Highest score that counts as low.
        low: u8,
    },
}

/// A questionnaire: its identity, wording, answers and how it is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instrument {
    /// Stable identifier stored with every response.
    pub id: &'static str,
    /// Version of the wording and scoring, stored with every response.
    pub version: &'static str,
    /// The instrument's name as a person would read it.
    pub name: &'static str,
    /// Who holds the rights, shown in the README and the app's about text.
    pub licence: &'static str,
    /// The words that every item completes, e.g. "During the past month, how often did you feel".
    pub stem: &'static str,
    /// The answers offered for every item, in the order shown.
    pub options: &'static [AnswerOption],
    /// The questions, in the order asked.
    pub items: &'static [Item],
    /// The facets the items measure.
    pub dimensions: &'static [Dimension],
    /// Groups of items that are added up.
    pub subscales: &'static [Subscale],
    /// How a category is given.
    pub category_rule: CategoryRule,
}

/// A result category. Ordered from least to most well-being so that results can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Keyes: low positive feelings and functioning most days.
    Languishing = 0,
    /// Keyes: neither flourishing nor languishing.
    ModeratelyMentallyHealthy = 1,
    /// Keyes: positive feelings and functioning most days.
    Flourishing = 2,
}

/// The scores of one set of answers to one instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    /// Sum of all item scores; `None` until every item is answered.
    pub total: Option<u32>,
    /// Highest possible total.
    pub total_max: u32,
    /// Each subscale's sum and maximum, in the instrument's order; a sum is `None` until all
    /// of its items are answered.
    pub subscales: Vec<SubscaleScore>,
    /// The category, given only when every item is answered.
    pub category: Option<Category>,
}

/// One subscale's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscaleScore {
    /// The subscale's id.
    pub id: &'static str,
    /// Sum of its items, or `None` while any is unanswered.
    pub score: Option<u32>,
    /// Highest possible sum.
    pub max: u32,
}

/// Why a set of answers does not fit an instrument.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// There is no item with this index.
    #[error("there is no question {0}")]
    NoSuchItem(usize),
    /// The score is not one the instrument offers.
    #[error("{0} is not one of the answers offered")]
    NotAnOption(u8),
}

impl Instrument {
    /// The highest score any single answer carries.
    pub fn max_option_score(&self) -> u8 {
        self.options.iter().map(|o| o.score).max().unwrap_or(0)
    }

    /// The option with this score, if the instrument offers one.
    pub fn option_for(&self, score: u8) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.score == score)
    }

    /// Checks that `score` is a valid answer to item `item`.
    pub fn check_answer(&self, item: usize, score: u8) -> Result<(), AnswerError> {
        if item >= self.items.len() {
            return Err(AnswerError::NoSuchItem(item));
        }
        self.option_for(score)
            .map(|_| ())
            .ok_or(AnswerError::NotAnOption(score))
    }

    /// An empty answer sheet with one slot per item.
    pub fn blank_answers(&self) -> Vec<Option<u8>> {
        vec![None; self.items.len()]
    }

    /// Scores a set of answers. Missing or extra slots are treated as unanswered or ignored,
    /// so that a stored response from a damaged record still scores what it can.
    pub fn score(&self, answers: &[Option<u8>]) -> Scores {
        let answer = |i: usize| answers.get(i).copied().flatten();
        let sum = |items: &[usize]| -> Option<u32> {
            items
                .iter()
                .try_fold(0u32, |acc, &i| answer(i).map(|s| acc + u32::from(s)))
        };
        let all: Vec<usize> = (0..self.items.len()).collect();
        let max = u32::from(self.max_option_score());
        let complete = (0..self.items.len()).all(|i| answer(i).is_some());
        let subscales = self
            .subscales
            .iter()
            .map(|s| SubscaleScore {
                id: s.id,
                score: sum(s.items),
                max: max * s.items.len() as u32,
            })
            .collect();
        let category = if complete {
            self.categorise(&|i| answer(i).unwrap_or(0))
        } else {
            None
        };
        Scores {
            total: sum(&all),
            total_max: max * self.items.len() as u32,
            subscales,
            category,
        }
    }

    fn categorise(&self, answer: &dyn Fn(usize) -> u8) -> Option<Category> {
        match self.category_rule {
            CategoryRule::None => None,
            CategoryRule::Keyes {
                hedonic,
                functioning,
                hedonic_needed,
                functioning_needed,
                high,
                low,
            } => {
                let count = |items: &[usize], test: &dyn Fn(u8) -> bool| {
                    items.iter().filter(|&&i| test(answer(i))).count()
                };
                let is_high = |s: u8| s >= high;
                let is_low = |s: u8| s <= low;
                if count(hedonic, &is_high) >= hedonic_needed
                    && count(functioning, &is_high) >= functioning_needed
                {
                    Some(Category::Flourishing)
                } else if count(hedonic, &is_low) >= hedonic_needed
                    && count(functioning, &is_low) >= functioning_needed
                {
                    Some(Category::Languishing)
                } else {
                    Some(Category::ModeratelyMentallyHealthy)
                }
            }
        }
    }
}

/// Every instrument this build knows, for looking one up by id.
pub static INSTRUMENTS: &[&Instrument] = &[&MHC_SF];

/// Finds an instrument by its id and version.
pub fn find(id: &str, version: &str) -> Option<&'static Instrument> {
    INSTRUMENTS
        .iter()
        .copied()
        .find(|i| i.id == id && i.version == version)
}

const MHC_OPTIONS: &[AnswerOption] = &[
    AnswerOption {
        label: "Never",
        score: 0,
    },
    AnswerOption {
        label: "Once or twice",
        score: 1,
    },
    AnswerOption {
        label: "About once a week",
        score: 2,
    },
    AnswerOption {
        label: "About 2 or 3 times a week",
        score: 3,
    },
    AnswerOption {
        label: "Almost every day",
        score: 4,
    },
    AnswerOption {
        label: "Every day",
        score: 5,
    },
];

const MHC_DIMENSIONS: &[Dimension] = &[
    Dimension {
        id: "positive-affect",
        name: "Positive feelings",
    },
    Dimension {
        id: "avowed-quality-of-life",
        name: "Being satisfied with life",
    },
    Dimension {
        id: "social-contribution",
        name: "Having something to give",
    },
    Dimension {
        id: "social-integration",
        name: "Belonging to a community",
    },
    Dimension {
        id: "social-actualisation",
        name: "Hope for society",
    },
    Dimension {
        id: "social-acceptance",
        name: "Trust in other people",
    },
    Dimension {
        id: "social-coherence",
        name: "Making sense of the world",
    },
    Dimension {
        id: "self-acceptance",
        name: "Liking who you are",
    },
    Dimension {
        id: "environmental-mastery",
        name: "Managing daily life",
    },
    Dimension {
        id: "positive-relations",
        name: "Warm relationships",
    },
    Dimension {
        id: "personal-growth",
        name: "Growing as a person",
    },
    Dimension {
        id: "autonomy",
        name: "Confidence in your own views",
    },
    Dimension {
        id: "purpose-in-life",
        name: "Direction and meaning",
    },
];

/// The Mental Health Continuum Short Form (Keyes), wording as pinned in SPEC.md 3.2.
pub static MHC_SF: Instrument = Instrument {
    id: "mhc-sf",
    version: "1",
    name: "Mental Health Continuum Short Form (MHC-SF)",
    licence: "© Corey L. M. Keyes. A service needs the author's permission to use it.",
    stem: "During the past month, how often did you feel",
    options: MHC_OPTIONS,
    items: &[
        Item {
            text: "happy",
            dimension: 0,
        },
        Item {
            text: "interested in life",
            dimension: 0,
        },
        Item {
            text: "satisfied with life",
            dimension: 1,
        },
        Item {
            text: "that you had something important to contribute to society",
            dimension: 2,
        },
        Item {
            text: "that you belonged to a community (like a social group, or your neighbourhood)",
            dimension: 3,
        },
        Item {
            text: "that our society is a good place, or is becoming a better place, for all people",
            dimension: 4,
        },
        Item {
            text: "that people are basically good",
            dimension: 5,
        },
        Item {
            text: "that the way our society works makes sense to you",
            dimension: 6,
        },
        Item {
            text: "that you liked most parts of your personality",
            dimension: 7,
        },
        Item {
            text: "good at managing the responsibilities of your daily life",
            dimension: 8,
        },
        Item {
            text: "that you had warm and trusting relationships with others",
            dimension: 9,
        },
        Item {
            text: "that you had experiences that challenged you to grow and become a better person",
            dimension: 10,
        },
        Item {
            text: "confident to think or express your own ideas and opinions",
            dimension: 11,
        },
        Item {
            text: "that your life has a sense of direction or meaning to it",
            dimension: 12,
        },
    ],
    dimensions: MHC_DIMENSIONS,
    subscales: &[
        Subscale {
            id: "emotional",
            name: "Emotional well-being",
            items: &[0, 1, 2],
        },
        Subscale {
            id: "social",
            name: "Social well-being",
            items: &[3, 4, 5, 6, 7],
        },
        Subscale {
            id: "psychological",
            name: "Psychological well-being",
            items: &[8, 9, 10, 11, 12, 13],
        },
    ],
    category_rule: CategoryRule::Keyes {
        hedonic: &[0, 1, 2],
        functioning: &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
        hedonic_needed: 1,
        functioning_needed: 6,
        high: 4,
        low: 1,
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn full(scores: [u8; 14]) -> Vec<Option<u8>> {
        scores.iter().map(|&s| Some(s)).collect()
    }

    fn subscale(s: &Scores, id: &str) -> Option<u32> {
        s.subscales
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| x.score)
    }

    #[test]
    fn mhc_sf_matches_the_specification() {
        assert_eq!(MHC_SF.items.len(), 14);
        assert_eq!(MHC_SF.dimensions.len(), 13);
        let scores: Vec<u8> = MHC_SF.options.iter().map(|o| o.score).collect();
        assert_eq!(scores, vec![0, 1, 2, 3, 4, 5]);
        // Each dimension of Table I is measured, and only items 1 and 2 share one.
        let mut counts = [0; 13];
        for item in MHC_SF.items {
            counts[item.dimension] += 1;
        }
        assert_eq!(counts, [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        let maxes: Vec<u32> = MHC_SF
            .score(&MHC_SF.blank_answers())
            .subscales
            .iter()
            .map(|s| s.max)
            .collect();
        assert_eq!(maxes, vec![15, 25, 30]);
        assert_eq!(find("mhc-sf", "1"), Some(&MHC_SF));
        assert_eq!(find("mhc-sf", "0"), None);
    }

    /// Answers, then total, emotional, social, psychological, and category.
    type Case = ([u8; 14], u32, u32, u32, u32, Category);

    /// Hand-computed cases.
    #[test]
    fn hand_computed_cases() {
        use Category::*;
        let cases: &[Case] = &[
            ([0; 14], 0, 0, 0, 0, Languishing),
            ([5; 14], 70, 15, 25, 30, Flourishing),
            ([3; 14], 42, 9, 15, 18, ModeratelyMentallyHealthy),
            // One hedonic item high, exactly six functioning items high: flourishing.
            (
                [4, 0, 0, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0],
                28,
                4,
                20,
                4,
                Flourishing,
            ),
            // Only five functioning items high: not flourishing.
            (
                [5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3],
                53,
                15,
                20,
                18,
                ModeratelyMentallyHealthy,
            ),
            // One hedonic item low and six functioning items low: languishing.
            (
                [1, 3, 3, 1, 1, 1, 0, 0, 1, 3, 3, 3, 3, 3],
                26,
                7,
                3,
                16,
                Languishing,
            ),
            // Five functioning items low: moderate.
            (
                [1, 1, 1, 1, 1, 1, 0, 0, 2, 2, 2, 2, 2, 2],
                18,
                3,
                3,
                12,
                ModeratelyMentallyHealthy,
            ),
            // Six functioning high but no hedonic item high: moderate.
            (
                [3, 3, 3, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0],
                39,
                9,
                25,
                5,
                ModeratelyMentallyHealthy,
            ),
            // Both rules could look close: hedonic item low AND high in different items.
            (
                [0, 5, 2, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1],
                42,
                7,
                25,
                10,
                Flourishing,
            ),
        ];
        for (answers, total, emo, soc, psy, cat) in cases {
            let s = MHC_SF.score(&full(*answers));
            assert_eq!(s.total, Some(*total), "total for {answers:?}");
            assert_eq!(
                subscale(&s, "emotional"),
                Some(*emo),
                "emotional for {answers:?}"
            );
            assert_eq!(subscale(&s, "social"), Some(*soc), "social for {answers:?}");
            assert_eq!(
                subscale(&s, "psychological"),
                Some(*psy),
                "psychological for {answers:?}"
            );
            assert_eq!(s.category, Some(*cat), "category for {answers:?}");
        }
    }

    #[test]
    fn partial_answers_give_partial_subscales_and_no_category() {
        let mut answers = full([5; 14]);
        answers[13] = None;
        let s = MHC_SF.score(&answers);
        assert_eq!(s.total, None);
        assert_eq!(s.category, None);
        assert_eq!(subscale(&s, "emotional"), Some(15));
        assert_eq!(subscale(&s, "psychological"), None);
        // A damaged record with too few slots scores without panicking.
        assert_eq!(MHC_SF.score(&[Some(5)]).total, None);
    }

    #[test]
    fn answers_are_checked_against_the_options() {
        assert_eq!(MHC_SF.check_answer(0, 5), Ok(()));
        assert_eq!(MHC_SF.check_answer(0, 6), Err(AnswerError::NotAnOption(6)));
        assert_eq!(MHC_SF.check_answer(14, 0), Err(AnswerError::NoSuchItem(14)));
    }

    fn answers() -> impl Strategy<Value = Vec<Option<u8>>> {
        proptest::collection::vec(proptest::option::weighted(0.9, 0u8..=5), 14)
    }

    proptest! {
        #[test]
        fn totals_stay_in_range(a in answers()) {
            let s = MHC_SF.score(&a);
            if let Some(t) = s.total { prop_assert!(t <= 70); }
            for sub in &s.subscales {
                if let Some(v) = sub.score { prop_assert!(v <= sub.max); }
            }
        }

        #[test]
        fn raising_an_answer_never_lowers_a_score(a in answers(), i in 0usize..14) {
            let before = MHC_SF.score(&a);
            let mut raised = a.clone();
            if let Some(v) = raised[i] { raised[i] = Some((v + 1).min(5)); }
            let after = MHC_SF.score(&raised);
            prop_assert!(after.total >= before.total);
            for (b, c) in before.subscales.iter().zip(&after.subscales) {
                prop_assert!(c.score >= b.score);
            }
            prop_assert!(after.category >= before.category);
        }

        #[test]
        fn flourishing_and_languishing_never_both_hold(a in proptest::array::uniform14(0u8..=5)) {
            let a = full(a);
            let high = |items: std::ops::Range<usize>| items.filter(|&i| a[i] >= Some(4)).count();
            let low = |items: std::ops::Range<usize>| items.filter(|&i| a[i] <= Some(1)).count();
            let flourishing = high(0..3) >= 1 && high(3..14) >= 6;
            let languishing = low(0..3) >= 1 && low(3..14) >= 6;
            prop_assert!(!(flourishing && languishing));
            let expected = if flourishing { Category::Flourishing }
                else if languishing { Category::Languishing }
                else { Category::ModeratelyMentallyHealthy };
            prop_assert_eq!(MHC_SF.score(&a).category, Some(expected));
        }

        #[test]
        fn a_category_exists_only_when_all_fourteen_are_answered(a in answers()) {
            let complete = a.iter().all(Option::is_some);
            prop_assert_eq!(MHC_SF.score(&a).category.is_some(), complete);
            prop_assert_eq!(MHC_SF.score(&a).total.is_some(), complete);
        }
    }
}
