//! Well-being instruments as data, and the scoring that reads that data.
//!
//! An instrument's wording is pinned: it lives here beside its id and version rather than in
//! the interface's message catalogue, because a validated questionnaire changes only as a new
//! version (a translation is a new version too), never as an ordinary copy edit.
//!
//! Three instruments ship (SPEC.md 3.2): the MHC-SF (the flourishing model, but licensed), and
//! two free ones a service can use instead or as well: ONS4 and the UCLA 3-item loneliness
//! scale. Which ones a check-in asks is the service's choice: see [`choose`].

/// One answer a person can choose, with the score it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerOption {
    /// What the person reads.
    pub label: &'static str,
    /// The score this answer carries.
    pub score: u8,
}

/// Whether a higher score on an item (or a total) means the person is doing better.
///
/// Progress code needs this to say "better" or "worse": a rise in ONS4 anxiety or in UCLA
/// loneliness is a change for the worse, while a rise in life satisfaction is for the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// A higher score is better (MHC-SF items, ONS4 satisfaction, worthwhile, happiness).
    HigherIsBetter,
    /// A higher score is worse (ONS4 anxiety, UCLA loneliness).
    LowerIsBetter,
}

/// A named level that a score falls in, as the ONS reports its well-being measures.
///
/// Levels describe how much of the feeling there is, not whether that is good: "high" anxiety
/// is a high level of anxiety. Combine with the item's [`Polarity`] to judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BandLevel {
    /// The lowest band.
    VeryLow,
    /// Below the middle.
    Low,
    /// The middle band.
    Medium,
    /// Above the middle.
    High,
    /// The highest band.
    VeryHigh,
}

impl BandLevel {
    /// Stable identifier for exports, e.g. `very-high`.
    pub fn id(self) -> &'static str {
        match self {
            Self::VeryLow => "very-low",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::VeryHigh => "very-high",
        }
    }
}

/// The scores from `min` to `max` (inclusive) that make up one band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// The band's level.
    pub level: BandLevel,
    /// Lowest score in the band.
    pub min: u8,
    /// Highest score in the band.
    pub max: u8,
}

/// One question of an instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Stable identifier within the instrument, used in exports and progress series.
    pub id: &'static str,
    /// The question's wording: it completes the instrument's stem, or is the whole question
    /// when the instrument has no stem. Use [`Instrument::question_text`] for a heading.
    pub text: &'static str,
    /// Index into the instrument's `dimensions`.
    pub dimension: usize,
    /// Whether a higher score on this item is better.
    pub polarity: Polarity,
    /// The bands the item's score is reported in; empty when the item is not banded.
    pub bands: &'static [Band],
}

impl Item {
    /// The band `score` falls in, if the item is banded.
    pub fn band(&self, score: u8) -> Option<BandLevel> {
        self.bands
            .iter()
            .find(|b| (b.min..=b.max).contains(&score))
            .map(|b| b.level)
    }
}

/// A named facet of well-being that one or more items measure (seed 000, Table I). Its
/// plain name for the person is in the message catalogue, by the dimension's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dimension {
    /// Stable identifier, used in stored data and exports.
    pub id: &'static str,
}

/// A group of items whose scores are added together. Its plain name is in the message
/// catalogue, by its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subscale {
    /// Stable identifier, used in stored data and exports.
    pub id: &'static str,
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

/// How the answers are laid out, so that a page can present them as the instrument intends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleShape {
    /// Every answer has its own words (MHC-SF, UCLA-3): show each option's label.
    Labelled,
    /// The answers are the numbers from the lowest to the highest option (ONS4: 0 to 10) and
    /// only the two ends have words, e.g. 0 = "Not at all", 10 = "Completely".
    Numeric {
        /// What the lowest number means.
        low_label: &'static str,
        /// What the highest number means.
        high_label: &'static str,
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
    /// Who holds the rights and what a service may do, shown in the README and about text.
    pub licence: &'static str,
    /// Where the instrument is published, for anyone checking the wording.
    pub source: &'static str,
    /// The words that every item completes, e.g. "During the past month, how often did you
    /// feel"; empty when each item is a whole question.
    pub stem: &'static str,
    /// The answers offered for every item, in the order shown.
    pub options: &'static [AnswerOption],
    /// How the answers are presented.
    pub scale: ScaleShape,
    /// The questions, in the order asked.
    pub items: &'static [Item],
    /// The facets the items measure.
    pub dimensions: &'static [Dimension],
    /// Groups of items that are added up.
    pub subscales: &'static [Subscale],
    /// Whether the item scores add up to a total, and if so which way is better. `None` for
    /// ONS4, whose four questions are reported one by one and never summed.
    pub total: Option<Polarity>,
    /// The published bands of the total, if it has any (UCLA-3: 3 to 5 and 6 to 9).
    pub total_bands: &'static [Band],
    /// How a category is given.
    pub category_rule: CategoryRule,
}

/// An instrument's words in one language, as a page shows them: the pinned English, or a
/// checked translation a service supplies. Scores and order are always the instrument's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// The language code the words are in (`en` for the pinned wording).
    pub lang: &'static str,
    /// The words every item completes; empty when each item is a whole question.
    pub stem: String,
    /// Each item, in the instrument's order.
    pub items: Vec<String>,
    /// Each answer's words, in the instrument's order of options.
    pub options: Vec<String>,
    /// The words for the lowest and highest answer of a 0 to 10 scale.
    pub ends: Option<(String, String)>,
    /// The language's question mark, closing a stem and an item.
    pub question_mark: &'static str,
}

impl Wording {
    /// The whole question for item `item`: the stem and the item joined, or the item alone.
    pub fn question(&self, item: usize) -> Option<String> {
        let text = self.items.get(item)?;
        Some(if self.stem.is_empty() {
            text.clone()
        } else {
            format!("{} {}{}", self.stem, text, self.question_mark)
        })
    }
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
    /// Sum of all item scores; `None` until every item is answered, and always `None` for an
    /// instrument without a total (ONS4).
    pub total: Option<u32>,
    /// Highest possible total (0 when the instrument has no total).
    pub total_max: u32,
    /// Each subscale's sum and maximum, in the instrument's order; a sum is `None` until all
    /// of its items are answered.
    pub subscales: Vec<SubscaleScore>,
    /// The category, given only when every item is answered.
    pub category: Option<Category>,
    /// Each item's answer and band, in the instrument's order (ONS4 reports these alone).
    pub items: Vec<ItemScore>,
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

/// One item's answer, with its band where the item is banded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemScore {
    /// The item's id.
    pub id: &'static str,
    /// The score chosen, or `None` while unanswered.
    pub score: Option<u8>,
    /// The band the score falls in, for banded items that are answered.
    pub band: Option<BandLevel>,
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

    /// The lowest score any single answer carries (1 for UCLA-3, 0 for the others).
    pub fn min_option_score(&self) -> u8 {
        self.options.iter().map(|o| o.score).min().unwrap_or(0)
    }

    /// The lowest and highest possible totals, or `None` when the instrument has no total.
    pub fn total_range(&self) -> Option<(u32, u32)> {
        self.total?;
        let n = self.items.len() as u32;
        Some((
            u32::from(self.min_option_score()) * n,
            u32::from(self.max_option_score()) * n,
        ))
    }

    /// The option with this score, if the instrument offers one.
    pub fn option_for(&self, score: u8) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.score == score)
    }

    /// The whole question for item `item`, as a page heading: the stem and the item joined
    /// ("During the past month, how often did you feel happy?"), or the item alone when the
    /// instrument has no stem (its items are already whole questions).
    pub fn question_text(&self, item: usize) -> Option<String> {
        let it = self.items.get(item)?;
        Some(if self.stem.is_empty() {
            it.text.to_owned()
        } else {
            format!("{} {}?", self.stem, it.text)
        })
    }

    /// The words for the ends of a numeric scale, for the lowest and highest option only, e.g.
    /// `Some("Not at all")` for ONS4's 0. `None` for every other score and for labelled scales.
    pub fn end_label(&self, score: u8) -> Option<&'static str> {
        match self.scale {
            ScaleShape::Labelled => None,
            ScaleShape::Numeric {
                low_label,
                high_label,
            } => {
                if score == self.min_option_score() {
                    Some(low_label)
                } else if score == self.max_option_score() {
                    Some(high_label)
                } else {
                    None
                }
            }
        }
    }

    /// The band a total falls in, for instruments whose total has published bands.
    pub fn total_band(&self, total: u32) -> Option<BandLevel> {
        self.total_bands
            .iter()
            .find(|b| (u32::from(b.min)..=u32::from(b.max)).contains(&total))
            .map(|b| b.level)
    }

    /// The pinned English words, as a [`Wording`].
    pub fn wording(&self) -> Wording {
        let ends = match self.scale {
            ScaleShape::Labelled => None,
            ScaleShape::Numeric {
                low_label,
                high_label,
            } => Some((low_label.to_owned(), high_label.to_owned())),
        };
        Wording {
            lang: "en",
            stem: self.stem.to_owned(),
            items: self.items.iter().map(|i| i.text.to_owned()).collect(),
            options: self.options.iter().map(|o| o.label.to_owned()).collect(),
            ends,
            question_mark: "?",
        }
    }

    /// The score of the answer at `index` in the instrument's order of options.
    pub fn option_index(&self, score: u8) -> Option<usize> {
        self.options.iter().position(|o| o.score == score)
    }

    /// Index of the item with this id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
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
        let items = self
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| ItemScore {
                id: item.id,
                score: answer(i),
                band: answer(i).and_then(|s| item.band(s)),
            })
            .collect();
        let (total, total_max) = match self.total {
            Some(_) => (sum(&all), max * self.items.len() as u32),
            None => (None, 0),
        };
        Scores {
            total,
            total_max,
            subscales,
            category,
            items,
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

/// Every instrument this build knows, for looking one up by id. Versions of one instrument
/// are listed oldest first, so the last with an id is its newest.
pub static INSTRUMENTS: &[&Instrument] = &[&MHC_SF, &ONS4, &UCLA3];

/// Finds an instrument by its id and version.
pub fn find(id: &str, version: &str) -> Option<&'static Instrument> {
    INSTRUMENTS
        .iter()
        .copied()
        .find(|i| i.id == id && i.version == version)
}

/// The newest version of the instrument with this id. A service names instruments by id
/// only; old responses keep pointing at the exact version they answered through [`find`].
pub fn latest(id: &str) -> Option<&'static Instrument> {
    INSTRUMENTS.iter().copied().rev().find(|i| i.id == id)
}

/// What a check-in asks when the service does not say: the MHC-SF, then UCLA-3 (loneliness
/// is the commonest reason for referral, seed 002).
pub const DEFAULT_INSTRUMENT_IDS: &[&str] = &["mhc-sf", "ucla3"];

/// Something wrong with a service's list of instruments. The list is still used as far as it
/// can be; these are reported so the service can fix its configuration.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceProblem {
    /// No instrument in this build has this id.
    #[error("there is no questionnaire called \"{0}\" in this version of the app")]
    Unknown(String),
    /// The id is listed more than once; it is asked only once.
    #[error("the questionnaire \"{0}\" is listed more than once")]
    Repeated(String),
    /// The list named nothing this build knows, so the built-in defaults are used instead.
    #[error("no questionnaire this app knows was chosen, so the usual ones are used")]
    NoneChosen,
}

/// The instruments a check-in asks, and any problems with the list they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// The instruments, in the order asked; never empty.
    pub instruments: Vec<&'static Instrument>,
    /// Every problem found, in the order found; empty when the list was fine.
    pub problems: Vec<ChoiceProblem>,
}

/// Chooses instruments from a service's list of ids, in the list's order.
///
/// Unknown and repeated ids are reported, not silently dropped; if nothing known remains the
/// defaults ([`DEFAULT_INSTRUMENT_IDS`]) are used and that is reported too, because a check-in
/// without questions would be useless and a broken configuration must not stop the app.
pub fn choose<S: AsRef<str>>(ids: &[S]) -> Chosen {
    let mut chosen = Chosen {
        instruments: Vec::new(),
        problems: Vec::new(),
    };
    for id in ids {
        let id = id.as_ref();
        match latest(id) {
            None => chosen.problems.push(ChoiceProblem::Unknown(id.to_owned())),
            Some(i) if chosen.instruments.iter().any(|c| c.id == i.id) => {
                chosen.problems.push(ChoiceProblem::Repeated(id.to_owned()));
            }
            Some(i) => chosen.instruments.push(i),
        }
    }
    if chosen.instruments.is_empty() {
        chosen.problems.push(ChoiceProblem::NoneChosen);
        chosen.instruments = DEFAULT_INSTRUMENT_IDS
            .iter()
            .filter_map(|id| latest(id))
            .collect();
    }
    chosen
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
    },
    Dimension {
        id: "avowed-quality-of-life",
    },
    Dimension {
        id: "social-contribution",
    },
    Dimension {
        id: "social-integration",
    },
    Dimension {
        id: "social-actualisation",
    },
    Dimension {
        id: "social-acceptance",
    },
    Dimension {
        id: "social-coherence",
    },
    Dimension {
        id: "self-acceptance",
    },
    Dimension {
        id: "environmental-mastery",
    },
    Dimension {
        id: "positive-relations",
    },
    Dimension {
        id: "personal-growth",
    },
    Dimension { id: "autonomy" },
    Dimension {
        id: "purpose-in-life",
    },
];

/// An MHC-SF item: every one is unbanded and higher is better.
const fn mhc(id: &'static str, text: &'static str, dimension: usize) -> Item {
    Item {
        id,
        text,
        dimension,
        polarity: Polarity::HigherIsBetter,
        bands: &[],
    }
}

/// The Mental Health Continuum Short Form (Keyes), wording as pinned in SPEC.md 3.2.
pub static MHC_SF: Instrument = Instrument {
    id: "mhc-sf",
    version: "1",
    name: "Mental Health Continuum Short Form (MHC-SF)",
    licence: "© Corey L. M. Keyes. A service needs the author's permission to use it.",
    source: "Keyes, C. L. M. (2009). Brief description of the mental health continuum short \
             form (MHC-SF).",
    stem: "During the past month, how often did you feel",
    options: MHC_OPTIONS,
    scale: ScaleShape::Labelled,
    items: &[
        mhc("happy", "happy", 0),
        mhc("interested", "interested in life", 0),
        mhc("satisfied", "satisfied with life", 1),
        mhc(
            "contribute",
            "that you had something important to contribute to society",
            2,
        ),
        mhc(
            "belong",
            "that you belonged to a community (like a social group, or your neighbourhood)",
            3,
        ),
        mhc(
            "society-good",
            "that our society is a good place, or is becoming a better place, for all people",
            4,
        ),
        mhc("people-good", "that people are basically good", 5),
        mhc(
            "society-sense",
            "that the way our society works makes sense to you",
            6,
        ),
        mhc(
            "personality",
            "that you liked most parts of your personality",
            7,
        ),
        mhc(
            "responsibilities",
            "good at managing the responsibilities of your daily life",
            8,
        ),
        mhc(
            "relationships",
            "that you had warm and trusting relationships with others",
            9,
        ),
        mhc(
            "growth",
            "that you had experiences that challenged you to grow and become a better person",
            10,
        ),
        mhc(
            "confidence",
            "confident to think or express your own ideas and opinions",
            11,
        ),
        mhc(
            "direction",
            "that your life has a sense of direction or meaning to it",
            12,
        ),
    ],
    dimensions: MHC_DIMENSIONS,
    subscales: &[
        Subscale {
            id: "emotional",
            items: &[0, 1, 2],
        },
        Subscale {
            id: "social",
            items: &[3, 4, 5, 6, 7],
        },
        Subscale {
            id: "psychological",
            items: &[8, 9, 10, 11, 12, 13],
        },
    ],
    total: Some(Polarity::HigherIsBetter),
    total_bands: &[],
    category_rule: CategoryRule::Keyes {
        hedonic: &[0, 1, 2],
        functioning: &[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
        hedonic_needed: 1,
        functioning_needed: 6,
        high: 4,
        low: 1,
    },
};

/// ONS4 answers are the numbers 0 to 10; the words for the ends live in [`ScaleShape`].
const ZERO_TO_TEN: &[AnswerOption] = &[
    AnswerOption {
        label: "0",
        score: 0,
    },
    AnswerOption {
        label: "1",
        score: 1,
    },
    AnswerOption {
        label: "2",
        score: 2,
    },
    AnswerOption {
        label: "3",
        score: 3,
    },
    AnswerOption {
        label: "4",
        score: 4,
    },
    AnswerOption {
        label: "5",
        score: 5,
    },
    AnswerOption {
        label: "6",
        score: 6,
    },
    AnswerOption {
        label: "7",
        score: 7,
    },
    AnswerOption {
        label: "8",
        score: 8,
    },
    AnswerOption {
        label: "9",
        score: 9,
    },
    AnswerOption {
        label: "10",
        score: 10,
    },
];

const fn band(level: BandLevel, min: u8, max: u8) -> Band {
    Band { level, min, max }
}

/// The ONS thresholds for life satisfaction, worthwhile and happiness.
const ONS_POSITIVE_BANDS: &[Band] = &[
    band(BandLevel::Low, 0, 4),
    band(BandLevel::Medium, 5, 6),
    band(BandLevel::High, 7, 8),
    band(BandLevel::VeryHigh, 9, 10),
];

/// The ONS thresholds for anxiety, which are drawn the other way round because a low score
/// is the good one.
const ONS_ANXIETY_BANDS: &[Band] = &[
    band(BandLevel::VeryLow, 0, 1),
    band(BandLevel::Low, 2, 3),
    band(BandLevel::Medium, 4, 5),
    band(BandLevel::High, 6, 10),
];

/// The four ONS personal well-being questions, wording as the ONS publishes it.
pub static ONS4: Instrument = Instrument {
    id: "ons4",
    version: "1",
    name: "ONS personal well-being questions (ONS4)",
    licence: "Free to use. © Office for National Statistics, under the Open Government \
              Licence v3.0.",
    source: "Office for National Statistics, Personal well-being user guidance (the ONS4 \
             questions and thresholds).",
    stem: "",
    options: ZERO_TO_TEN,
    scale: ScaleShape::Numeric {
        low_label: "Not at all",
        high_label: "Completely",
    },
    items: &[
        Item {
            id: "life-satisfaction",
            text: "Overall, how satisfied are you with your life nowadays?",
            dimension: 0,
            polarity: Polarity::HigherIsBetter,
            bands: ONS_POSITIVE_BANDS,
        },
        Item {
            id: "worthwhile",
            text: "Overall, to what extent do you feel that the things you do in your life \
                   are worthwhile?",
            dimension: 1,
            polarity: Polarity::HigherIsBetter,
            bands: ONS_POSITIVE_BANDS,
        },
        Item {
            id: "happiness",
            text: "Overall, how happy did you feel yesterday?",
            dimension: 2,
            polarity: Polarity::HigherIsBetter,
            bands: ONS_POSITIVE_BANDS,
        },
        Item {
            id: "anxiety",
            text: "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', \
                   overall, how anxious did you feel yesterday?",
            dimension: 3,
            polarity: Polarity::LowerIsBetter,
            bands: ONS_ANXIETY_BANDS,
        },
    ],
    dimensions: &[
        Dimension {
            id: "life-satisfaction",
        },
        Dimension { id: "worthwhile" },
        Dimension { id: "happiness" },
        Dimension { id: "anxiety" },
    ],
    subscales: &[],
    // The ONS reports each question on its own: adding anxiety to happiness means nothing.
    total: None,
    total_bands: &[],
    category_rule: CategoryRule::None,
};

/// A UCLA-3 item: all three measure loneliness, where a higher score is worse.
const fn ucla(id: &'static str, text: &'static str) -> Item {
    Item {
        id,
        text,
        dimension: 0,
        polarity: Polarity::LowerIsBetter,
        bands: &[],
    }
}

/// The UCLA 3-item loneliness scale (Hughes et al. 2004): total 3 to 9, higher is lonelier.
pub static UCLA3: Instrument = Instrument {
    id: "ucla3",
    version: "1",
    name: "Three-item loneliness scale (UCLA-3)",
    licence: "Free to use, citing the source: Hughes, Waite, Hawkley & Cacioppo (2004).",
    source: "Hughes, M. E., Waite, L. J., Hawkley, L. C. & Cacioppo, J. T. (2004). A short \
             scale for measuring loneliness in large surveys. Research on Aging, 26(6), \
             655–672.",
    stem: "",
    options: &[
        AnswerOption {
            label: "Hardly ever or never",
            score: 1,
        },
        AnswerOption {
            label: "Some of the time",
            score: 2,
        },
        AnswerOption {
            label: "Often",
            score: 3,
        },
    ],
    scale: ScaleShape::Labelled,
    items: &[
        ucla(
            "lack-companionship",
            "How often do you feel that you lack companionship?",
        ),
        ucla("left-out", "How often do you feel left out?"),
        ucla("isolated", "How often do you feel isolated from others?"),
    ],
    dimensions: &[Dimension { id: "loneliness" }],
    subscales: &[],
    total: Some(Polarity::LowerIsBetter),
    total_bands: UCLA3_BANDS,
    category_rule: CategoryRule::None,
};

/// The cut-off in common published use for the three-item scale: 3 to 5 "not often lonely",
/// 6 to 9 "lonely more often". It splits the scale, it does not diagnose anything.
const UCLA3_BANDS: &[Band] = &[band(BandLevel::Low, 3, 5), band(BandLevel::High, 6, 9)];

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
        #[rustfmt::skip]
        let cases: &[Case] = &[
            ([0; 14], 0, 0, 0, 0, Languishing),
            ([5; 14], 70, 15, 25, 30, Flourishing),
            ([3; 14], 42, 9, 15, 18, ModeratelyMentallyHealthy),
            // One hedonic item high, exactly six functioning items high: flourishing.
            ([4, 0, 0, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0], 28, 4, 20, 4, Flourishing),
            // Only five functioning items high: not flourishing.
            ([5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3], 53, 15, 20, 18, ModeratelyMentallyHealthy),
            // One hedonic item low and six functioning items low: languishing.
            ([1, 3, 3, 1, 1, 1, 0, 0, 1, 3, 3, 3, 3, 3], 26, 7, 3, 16, Languishing),
            // Five functioning items low: moderate.
            ([1, 1, 1, 1, 1, 1, 0, 0, 2, 2, 2, 2, 2, 2], 18, 3, 3, 12, ModeratelyMentallyHealthy),
            // Six functioning high but no hedonic item high: moderate.
            ([3, 3, 3, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0], 39, 9, 25, 5, ModeratelyMentallyHealthy),
            // Both rules could look close: hedonic item low AND high in different items.
            ([0, 5, 2, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1], 42, 7, 25, 10, Flourishing),
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

    #[test]
    fn the_mhc_sf_heading_is_the_stem_and_the_item() {
        assert_eq!(
            MHC_SF.question_text(0).as_deref(),
            Some("During the past month, how often did you feel happy?")
        );
        assert_eq!(MHC_SF.question_text(14), None);
        assert_eq!(MHC_SF.scale, ScaleShape::Labelled);
        assert_eq!(MHC_SF.end_label(0), None);
        assert_eq!(MHC_SF.total_range(), Some((0, 70)));
        // Every MHC-SF item is reported as its score only.
        let s = MHC_SF.score(&full([5; 14]));
        assert!(s
            .items
            .iter()
            .all(|i| i.band.is_none() && i.score == Some(5)));
    }

    #[test]
    fn ons4_has_the_official_wording_and_a_zero_to_ten_scale() {
        let headings: Vec<String> = (0..4).filter_map(|i| ONS4.question_text(i)).collect();
        assert_eq!(
            headings,
            [
                "Overall, how satisfied are you with your life nowadays?",
                "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
                "Overall, how happy did you feel yesterday?",
                // The ONS's own quote marks round the ends of the scale.
                "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
            ]
        );
        let scores: Vec<u8> = ONS4.options.iter().map(|o| o.score).collect();
        assert_eq!(scores, (0..=10).collect::<Vec<u8>>());
        assert_eq!(ONS4.option_for(7).map(|o| o.label), Some("7"));
        assert_eq!(ONS4.end_label(0), Some("Not at all"));
        assert_eq!(ONS4.end_label(10), Some("Completely"));
        assert_eq!(ONS4.end_label(5), None);
        let polarities: Vec<Polarity> = ONS4.items.iter().map(|i| i.polarity).collect();
        use Polarity::*;
        assert_eq!(
            polarities,
            [
                HigherIsBetter,
                HigherIsBetter,
                HigherIsBetter,
                LowerIsBetter
            ]
        );
        assert!(ONS4.licence.contains("Open Government Licence"));
        assert_eq!(find("ons4", "1"), Some(&ONS4));
    }

    /// Every score 0 to 10 with its band, for the three positive items and for anxiety, read
    /// off the ONS thresholds by hand (so every boundary is on both sides).
    #[test]
    fn ons4_bands_at_every_boundary() {
        use BandLevel::*;
        let positive = [
            Low, Low, Low, Low, Low, Medium, Medium, High, High, VeryHigh, VeryHigh,
        ];
        let anxiety = [
            VeryLow, VeryLow, Low, Low, Medium, Medium, High, High, High, High, High,
        ];
        for score in 0..=10u8 {
            for item in 0..3 {
                assert_eq!(
                    ONS4.items[item].band(score),
                    Some(positive[score as usize]),
                    "item {item} score {score}"
                );
            }
            assert_eq!(
                ONS4.items[3].band(score),
                Some(anxiety[score as usize]),
                "anxiety score {score}"
            );
        }
        assert_eq!(ONS4.items[0].band(11), None);
        let s = ONS4.score(&[Some(4), Some(5), Some(9), Some(6)]);
        let bands: Vec<Option<BandLevel>> = s.items.iter().map(|i| i.band).collect();
        assert_eq!(bands, [Some(Low), Some(Medium), Some(VeryHigh), Some(High)]);
        // No total and no category: each question stands alone.
        assert_eq!((s.total, s.total_max, s.category), (None, 0, None));
        assert_eq!(ONS4.total_range(), None);
        // An unanswered item has no band.
        assert_eq!(ONS4.score(&[None]).items[0].band, None);
    }

    #[test]
    fn ucla3_matches_hughes_et_al() {
        let headings: Vec<String> = (0..3).filter_map(|i| UCLA3.question_text(i)).collect();
        assert_eq!(
            headings,
            [
                "How often do you feel that you lack companionship?",
                "How often do you feel left out?",
                "How often do you feel isolated from others?",
            ]
        );
        let options: Vec<(&str, u8)> = UCLA3.options.iter().map(|o| (o.label, o.score)).collect();
        assert_eq!(
            options,
            [
                ("Hardly ever or never", 1),
                ("Some of the time", 2),
                ("Often", 3)
            ]
        );
        assert_eq!(UCLA3.total, Some(Polarity::LowerIsBetter));
        assert_eq!(UCLA3.total_range(), Some((3, 9)));
        assert!(UCLA3.source.contains("Research on Aging"));
        assert!(UCLA3.licence.contains("Free to use"));
        assert_eq!(UCLA3.check_answer(0, 0), Err(AnswerError::NotAnOption(0)));
        assert_eq!(find("ucla3", "1"), Some(&UCLA3));
    }

    #[test]
    fn ucla3_totals_split_at_the_published_cut_off_three_to_five_and_six_to_nine() {
        let bands: Vec<Option<BandLevel>> = (2..=10).map(|t| UCLA3.total_band(t)).collect();
        use BandLevel::*;
        assert_eq!(
            bands,
            [
                None,
                Some(Low),
                Some(Low),
                Some(Low),
                Some(High),
                Some(High),
                Some(High),
                Some(High),
                None
            ]
        );
        assert_eq!(MHC_SF.total_band(42), None, "the MHC-SF total has no bands");
    }

    #[test]
    fn the_english_wording_is_the_pinned_one_and_joins_stem_and_item() {
        let w = MHC_SF.wording();
        assert_eq!(w.lang, "en");
        assert_eq!(w.question(0), MHC_SF.question_text(0));
        assert_eq!(w.options[5], "Every day");
        assert_eq!(
            ONS4.wording().ends,
            Some(("Not at all".to_owned(), "Completely".to_owned()))
        );
        assert_eq!(UCLA3.wording().question(2), UCLA3.question_text(2));
        assert_eq!(UCLA3.wording().question(3), None);
    }

    /// UCLA-3 totals worked out by hand.
    #[test]
    fn ucla3_totals() {
        let cases: &[([u8; 3], u32)] = &[
            ([1, 1, 1], 3),
            ([3, 3, 3], 9),
            ([1, 2, 3], 6),
            ([2, 2, 1], 5),
            ([3, 1, 3], 7),
            ([2, 3, 3], 8),
        ];
        for (answers, total) in cases {
            let a: Vec<Option<u8>> = answers.iter().map(|&s| Some(s)).collect();
            let s = UCLA3.score(&a);
            assert_eq!(s.total, Some(*total), "{answers:?}");
            assert_eq!(s.total_max, 9);
            assert_eq!(s.category, None);
        }
        assert_eq!(UCLA3.score(&[Some(3), None, Some(3)]).total, None);
    }

    #[test]
    fn every_instrument_is_consistent() {
        for i in INSTRUMENTS {
            assert_eq!(latest(i.id).map(|l| l.id), Some(i.id));
            for (n, item) in i.items.iter().enumerate() {
                assert!(item.dimension < i.dimensions.len(), "{} item {n}", i.id);
                assert_eq!(i.item_index(item.id), Some(n), "{} ids are unique", i.id);
                let heading = i.question_text(n).unwrap_or_default();
                assert!(heading.ends_with('?'), "{heading}");
                // Banded totals cover every possible total exactly once.
                if let (false, Some((lo, hi))) = (i.total_bands.is_empty(), i.total_range()) {
                    for t in lo..=hi {
                        let hits = i
                            .total_bands
                            .iter()
                            .filter(|b| (u32::from(b.min)..=u32::from(b.max)).contains(&t))
                            .count();
                        assert_eq!(hits, 1, "{} total {t}", i.id);
                    }
                }
                // Banded items cover every answer exactly once.
                if !item.bands.is_empty() {
                    for o in i.options {
                        let hits = item
                            .bands
                            .iter()
                            .filter(|b| (b.min..=b.max).contains(&o.score))
                            .count();
                        assert_eq!(hits, 1, "{} item {n} score {}", i.id, o.score);
                    }
                }
            }
        }
    }

    #[test]
    fn instruments_are_chosen_in_the_services_order() {
        let c = choose(&["ucla3", "ons4", "mhc-sf"]);
        let ids: Vec<&str> = c.instruments.iter().map(|i| i.id).collect();
        assert_eq!(ids, ["ucla3", "ons4", "mhc-sf"]);
        assert!(c.problems.is_empty());

        let c = choose(DEFAULT_INSTRUMENT_IDS);
        let ids: Vec<&str> = c.instruments.iter().map(|i| i.id).collect();
        assert_eq!(ids, ["mhc-sf", "ucla3"]);

        let c = choose(&["ons4", "wemwbs", "ons4"]);
        let ids: Vec<&str> = c.instruments.iter().map(|i| i.id).collect();
        assert_eq!(ids, ["ons4"]);
        assert_eq!(
            c.problems,
            [
                ChoiceProblem::Unknown("wemwbs".into()),
                ChoiceProblem::Repeated("ons4".into())
            ]
        );
    }

    #[test]
    fn a_list_naming_nothing_known_falls_back_to_the_defaults_and_says_so() {
        for ids in [vec![], vec!["nope".to_string()]] {
            let c = choose(&ids);
            let got: Vec<&str> = c.instruments.iter().map(|i| i.id).collect();
            assert_eq!(got, DEFAULT_INSTRUMENT_IDS);
            assert_eq!(c.problems.last(), Some(&ChoiceProblem::NoneChosen));
        }
    }

    proptest! {
        #[test]
        fn ucla3_totals_stay_in_range_and_rise_with_answers(
            a in proptest::array::uniform3(1u8..=3),
            i in 0usize..3,
        ) {
            let answers: Vec<Option<u8>> = a.iter().map(|&s| Some(s)).collect();
            let total = UCLA3.score(&answers).total.unwrap_or(0);
            prop_assert!((3..=9).contains(&total));
            let mut raised = answers.clone();
            raised[i] = Some((a[i] + 1).min(3));
            prop_assert!(UCLA3.score(&raised).total.unwrap_or(0) >= total);
        }

        #[test]
        fn ons4_bands_never_fall_as_a_score_rises(item in 0usize..4, s in 0u8..10) {
            let item = &ONS4.items[item];
            prop_assert!(item.band(s).is_some());
            prop_assert!(item.band(s + 1) >= item.band(s));
        }

        #[test]
        fn scoring_any_instrument_never_panics(
            which in 0usize..3,
            a in proptest::collection::vec(proptest::option::of(0u8..=12), 0..20),
        ) {
            let i = INSTRUMENTS[which];
            let s = i.score(&a);
            if let (Some(t), Some((lo, hi))) = (s.total, i.total_range()) {
                // Out-of-range slots can only come from a damaged record; in range they stay in range.
                if a.iter().take(i.items.len()).all(|x| x.is_some_and(|v| i.option_for(v).is_some())) {
                    prop_assert!((lo..=hi).contains(&t));
                }
            }
            prop_assert_eq!(s.items.len(), i.items.len());
        }
    }
}
