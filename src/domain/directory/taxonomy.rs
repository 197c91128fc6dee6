//! From a record's taxonomy terms to what the app shows and sorts by: the activity
//! categories a service belongs to, whether someone can meet you there, and whether a place
//! is step-free.
//!
//! A service's `config.json` can say which of its own taxonomy terms mean which app id
//! ([`TaxonomyMap`]); a term it names there means exactly what it says. Any other term is
//! matched by the built-in rules ([`Classifier::tags`]), which know the app's own ids, the
//! OpenActive activity list and a short list of everyday activity words.

use std::collections::BTreeMap;

/// The `config.json` field `directory_taxonomy`: for each app id (an activity category id,
/// [`MEET_YOU_THERE`] or [`STEP_FREE`]) the service's taxonomy terms that mean it, each
/// given as the term's `id`, `term` (code), `name` or `term_uri`. Case, spaces and
/// punctuation do not matter: `"Social groups"` matches a term named `social-groups`.
pub type TaxonomyMap = BTreeMap<String, Vec<String>>;

/// The app id, and the built-in term code, for "someone can meet you there".
pub const MEET_YOU_THERE: &str = "meet-you-there";
/// The app id, and the built-in term code, for step-free access to a place.
pub const STEP_FREE: &str = "step-free";

/// One taxonomy term a record links to (through an `attributes` entry).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Term {
    /// The term's id.
    pub id: Option<String>,
    /// Its display name.
    pub name: Option<String>,
    /// Its code in its taxonomy.
    pub term: Option<String>,
    /// Which taxonomy it belongs to.
    pub taxonomy: Option<String>,
    /// Its URI, e.g. in the OpenActive activity list.
    pub term_uri: Option<String>,
}

/// What a term means to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    /// One of the service's activity categories, by id.
    Category(String),
    /// Someone can meet the person there.
    MeetYouThere,
    /// The place has step-free access.
    StepFree,
}

/// Why a [`TaxonomyMap`] cannot be used as it is. The words are for the service's
/// configuration report, like every configuration problem; a person never sees them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyMapProblem {
    /// A key is neither an activity category id nor `meet-you-there` nor `step-free`.
    #[error("{0:?} is not an activity category id, meet-you-there or step-free")]
    UnknownId(String),
    /// A key lists a blank term.
    #[error("a term for {0:?} is blank")]
    BlankTerm(String),
}

/// Checks a [`TaxonomyMap`] against the service's activity category ids.
pub fn check_taxonomy_map(
    map: &TaxonomyMap,
    categories: &[&str],
) -> Result<(), TaxonomyMapProblem> {
    for (id, terms) in map {
        if id != MEET_YOU_THERE && id != STEP_FREE && !categories.contains(&id.as_str()) {
            return Err(TaxonomyMapProblem::UnknownId(id.clone()));
        }
        if terms.iter().any(|t| slug(t).is_empty()) {
            return Err(TaxonomyMapProblem::BlankTerm(id.clone()));
        }
    }
    Ok(())
}

/// Term codes and names that mean "someone can meet you there" without any mapping.
const MEET_ALIASES: &[&str] = &[
    MEET_YOU_THERE,
    "someone-can-meet-you-there",
    "supported-welcome",
    "supported-access",
    "meet-and-greet",
    "buddy",
    "buddying",
];

/// Term codes and names that mean step-free access without any mapping.
const STEP_FREE_ALIASES: &[&str] = &[
    STEP_FREE,
    "step-free-access",
    "level-access",
    "wheelchair-access",
    "wheelchair-accessible",
];

/// Everyday words in a term's name or code and the default category each suggests. Words
/// are compared singular (a final `s` dropped) and without hyphens.
const KEYWORDS: &[(&str, &[&str])] = &[
    (
        "advice",
        &[
            "advice",
            "advocacy",
            "benefit",
            "debt",
            "money",
            "welfare",
            "housing",
            "legal",
            "employment",
            "job",
        ],
    ),
    (
        "physical",
        &[
            "physical",
            "exercise",
            "walk",
            "walking",
            "rambling",
            "sport",
            "swim",
            "swimming",
            "fitness",
            "keepfit",
            "football",
            "cycling",
            "dance",
            "dancing",
            "gym",
            "running",
            "jogging",
            "bowl",
            "badminton",
            "tennis",
            "pilate",
            "zumba",
            "aerobic",
        ],
    ),
    (
        "wellbeing",
        &[
            "wellbeing",
            "yoga",
            "mindfulness",
            "meditation",
            "relaxation",
            "nature",
            "garden",
            "gardening",
            "tai",
        ],
    ),
    (
        "social",
        &[
            "social",
            "befriending",
            "café",
            "cafe",
            "coffee",
            "lunch",
            "friendship",
            "companionship",
            "peer",
            "meetup",
            "chat",
            "conversation",
        ],
    ),
    (
        "creative",
        &[
            "creative",
            "art",
            "craft",
            "music",
            "singing",
            "choir",
            "cooking",
            "cook",
            "baking",
            "writing",
            "poetry",
            "drama",
            "theatre",
            "knitting",
            "sewing",
            "painting",
            "photography",
            "pottery",
            "woodwork",
        ],
    ),
    ("volunteering", &["volunteer", "volunteering"]),
];

/// Every term in the OpenActive activity list is a physical activity.
const OPENACTIVE: &str = "openactive.io/activity-list";

/// Lower case, with every run of other characters than letters and digits made one `-`.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A word for [`KEYWORDS`]: lower case, hyphens dropped (`well-being`), a final `s` dropped.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| {
            let mut w: String = w
                .chars()
                .filter(|c| *c != '-')
                .flat_map(char::to_lowercase)
                .collect();
            if w.chars().count() > 3 && w.ends_with('s') {
                w.pop();
            }
            w
        })
        .filter(|w| !w.is_empty())
}

/// Reads terms into [`Tag`]s for one service's configuration.
#[derive(Debug, Clone, Default)]
pub struct Classifier {
    mapped: BTreeMap<String, Vec<Tag>>,
    categories: Vec<String>,
}

impl Classifier {
    /// A classifier for a service whose activity category ids are `categories` and whose
    /// own terms are mapped by `map` (which may be empty).
    pub fn new(map: &TaxonomyMap, categories: &[&str]) -> Self {
        let mut mapped: BTreeMap<String, Vec<Tag>> = BTreeMap::new();
        for (id, terms) in map {
            let tag = match id.as_str() {
                MEET_YOU_THERE => Tag::MeetYouThere,
                STEP_FREE => Tag::StepFree,
                category if categories.contains(&category) => Tag::Category(id.clone()),
                _ => continue,
            };
            for term in terms {
                let tags = mapped.entry(slug(term)).or_default();
                if !tags.contains(&tag) {
                    tags.push(tag.clone());
                }
            }
        }
        Self {
            mapped,
            categories: categories.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    /// What `term` means: the service's mapping when it names the term (by id, code, name or
    /// URI), else the built-in rules: a code or name equal to an app id (`social`,
    /// `meet-you-there`, `step-free`) or one of its aliases (`Supported access`,
    /// `Wheelchair accessible`); any OpenActive activity as `physical`; then everyday words in
    /// the name or code (`Walking group` → `physical`, `Arts and crafts` → `creative`).
    /// Only categories the service has are returned.
    pub fn tags(&self, term: &Term) -> Vec<Tag> {
        let keys: Vec<String> = [&term.id, &term.term, &term.name, &term.term_uri]
            .into_iter()
            .flatten()
            .map(|k| slug(k))
            .filter(|k| !k.is_empty())
            .collect();
        let mut tags = Vec::new();
        let push = |tags: &mut Vec<Tag>, tag: Tag| {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        };
        let mut mapped = false;
        for key in &keys {
            if let Some(found) = self.mapped.get(key) {
                mapped = true;
                for tag in found {
                    push(&mut tags, tag.clone());
                }
            }
        }
        if mapped {
            return tags;
        }
        for key in &keys {
            if MEET_ALIASES.contains(&key.as_str()) {
                push(&mut tags, Tag::MeetYouThere);
            }
            if STEP_FREE_ALIASES.contains(&key.as_str()) {
                push(&mut tags, Tag::StepFree);
            }
            if self.categories.contains(key) {
                push(&mut tags, Tag::Category(key.clone()));
            }
        }
        let openactive = term
            .term_uri
            .as_deref()
            .is_some_and(|u| u.to_ascii_lowercase().contains(OPENACTIVE));
        if openactive {
            push(&mut tags, Tag::Category("physical".into()));
        }
        let text = [&term.name, &term.term].into_iter().flatten();
        for word in text.flat_map(|t| words(t)) {
            for (category, list) in KEYWORDS {
                if list.contains(&word.as_str()) {
                    push(&mut tags, Tag::Category((*category).into()));
                }
            }
        }
        // The flags, then the categories the service has, in its own order.
        let found: Vec<String> = tags
            .iter()
            .filter_map(|t| match t {
                Tag::Category(c) => Some(c.clone()),
                _ => None,
            })
            .collect();
        tags.retain(|t| !matches!(t, Tag::Category(_)));
        tags.extend(self.in_order(&found).into_iter().map(Tag::Category));
        tags
    }
}

impl Classifier {
    /// The category ids among `found`, once each, in the service's own order.
    pub(super) fn in_order(&self, found: &[String]) -> Vec<String> {
        self.categories
            .iter()
            .filter(|c| found.contains(c))
            .cloned()
            .collect()
    }
}

/// Whether a place's accessibility text says plainly that it is step-free: some sentence
/// says so ("Step-free access", "Level access from the car park", "Wheelchair accessible",
/// "No steps") and no sentence takes it back ("not", "no lift", "stairs", "two steps at the
/// door", "limited"). When in doubt the answer is no: a person who cannot manage steps must
/// not be sent up them; the page still shows the text.
pub(super) fn text_says_step_free(text: &str) -> bool {
    let text = text.to_lowercase().replace("step free", "step-free");
    let mut said = false;
    for sentence in text.split(['.', ';', '!', '?', '\n']) {
        let words: Vec<&str> = sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.contains(&w);
        let after_no = |w: &str| words.windows(2).any(|p| p[0] == "no" && p[1] == w);
        let steps_mentioned = words.iter().any(|w| *w == "step" || *w == "steps");
        let denied = has("not")
            || words
                .iter()
                .any(|w| w.ends_with("n't") || w.ends_with("n’t"))
            || has("limited")
            || has("unfortunately")
            || sentence.contains("stair")
            || ["step-free", "level", "wheelchair", "ramp", "lift"]
                .iter()
                .any(|w| after_no(w))
            || (steps_mentioned && !after_no("steps") && !after_no("step"));
        if denied {
            return false;
        }
        said |= has("step-free")
            || sentence.contains("level access")
            || sentence.contains("wheelchair access")
            || sentence.contains("accessible by wheelchair")
            || after_no("steps")
            || has("ramp")
            || has("ramped");
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::fixture::default_categories;

    fn named(name: &str) -> Term {
        Term {
            name: Some(name.into()),
            ..Term::default()
        }
    }

    fn categories(tags: &[Tag]) -> Vec<&str> {
        tags.iter()
            .filter_map(|t| match t {
                Tag::Category(c) => Some(c.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn everyday_activity_names_find_their_category_without_any_mapping() {
        let c = Classifier::new(&TaxonomyMap::new(), &default_categories());
        for (name, expected) in [
            ("Walking groups", "physical"),
            ("Chair yoga", "wellbeing"),
            ("Well-being walks", "wellbeing"),
            ("Social cafés", "social"),
            ("Lunch club", "social"),
            ("Arts and crafts", "creative"),
            ("Community choir", "creative"),
            ("Benefits advice", "advice"),
            ("Volunteers wanted", "volunteering"),
            ("Social", "social"),
            ("CREATIVE", "creative"),
        ] {
            assert!(
                categories(&c.tags(&named(name))).contains(&expected),
                "{name}"
            );
        }
        assert_eq!(c.tags(&named("Parking")), vec![]);
        let openactive = Term {
            name: Some("Boccia".into()),
            term_uri: Some("https://openactive.io/activity-list#1bd8d0b7".into()),
            ..Term::default()
        };
        assert_eq!(categories(&c.tags(&openactive)), ["physical"]);
    }

    #[test]
    fn the_flourish_codes_and_their_aliases_mean_meet_you_there_and_step_free() {
        let c = Classifier::new(&TaxonomyMap::new(), &default_categories());
        let code = |t: &str| Term {
            term: Some(t.into()),
            taxonomy: Some("flourish".into()),
            ..Term::default()
        };
        assert_eq!(c.tags(&code("meet-you-there")), [Tag::MeetYouThere]);
        assert_eq!(c.tags(&named("Supported welcome")), [Tag::MeetYouThere]);
        assert_eq!(c.tags(&code("step-free")), [Tag::StepFree]);
        assert_eq!(c.tags(&named("Wheelchair accessible")), [Tag::StepFree]);
    }

    #[test]
    fn a_services_mapping_decides_for_the_terms_it_names() {
        let map: TaxonomyMap = [
            (
                "wellbeing".to_string(),
                vec!["Art therapy".to_string(), "LGA-1234".to_string()],
            ),
            (MEET_YOU_THERE.to_string(), vec!["Buddy scheme".to_string()]),
            (
                "social".to_string(),
                vec!["https://example.org/terms/befriend".to_string()],
            ),
        ]
        .into_iter()
        .collect();
        let c = Classifier::new(&map, &default_categories());
        // Built in, "Art" would make it creative; the service said wellbeing only.
        assert_eq!(
            c.tags(&named("ART THERAPY")),
            [Tag::Category("wellbeing".into())]
        );
        let by_id = Term {
            id: Some("lga-1234".into()),
            name: Some("Something unusual".into()),
            ..Term::default()
        };
        assert_eq!(c.tags(&by_id), [Tag::Category("wellbeing".into())]);
        assert_eq!(c.tags(&named("Buddy scheme")), [Tag::MeetYouThere]);
        let by_uri = Term {
            term_uri: Some("https://example.org/terms/befriend".into()),
            ..Term::default()
        };
        assert_eq!(c.tags(&by_uri), [Tag::Category("social".into())]);
        // Terms it does not name still match the built-in way.
        assert_eq!(categories(&c.tags(&named("Walking group"))), ["physical"]);
    }

    #[test]
    fn categories_the_service_does_not_offer_are_never_given() {
        let c = Classifier::new(&TaxonomyMap::new(), &["social", "creative"]);
        assert_eq!(c.tags(&named("Walking group")), vec![]);
        assert_eq!(
            categories(&c.tags(&named("Craft café"))),
            ["social", "creative"]
        );
    }

    #[test]
    fn a_mapping_is_checked_against_the_services_categories() {
        let ok: TaxonomyMap = [("social".to_string(), vec!["Groups".to_string()])].into();
        assert_eq!(check_taxonomy_map(&ok, &default_categories()), Ok(()));
        let unknown: TaxonomyMap = [("dancing".to_string(), vec!["Groups".to_string()])].into();
        assert_eq!(
            check_taxonomy_map(&unknown, &default_categories()),
            Err(TaxonomyMapProblem::UnknownId("dancing".into()))
        );
        let blank: TaxonomyMap = [(STEP_FREE.to_string(), vec![" - ".to_string()])].into();
        assert_eq!(
            check_taxonomy_map(&blank, &default_categories()),
            Err(TaxonomyMapProblem::BlankTerm(STEP_FREE.into()))
        );
    }

    #[test]
    fn only_plain_step_free_wording_counts_as_step_free() {
        for yes in [
            "Step-free access throughout.",
            "Step free entrance and an accessible toilet",
            "Level access from the car park. Accessible toilet.",
            "The hall is wheelchair accessible.",
            "No steps: the door opens onto the pavement.",
            "There is a ramp at the side door.",
        ] {
            assert!(text_says_step_free(yes), "{yes}");
        }
        for no in [
            "",
            "Accessible toilet.",
            "No step-free access.",
            "There is no wheelchair access.",
            "Not step-free: six steps at the entrance.",
            "Step-free entrance. The hall is upstairs and there is no lift.",
            "The building isn't wheelchair accessible.",
            "Level access is limited.",
            "Two steps at the door, then level access.",
            "Wheelchair access by arrangement; there are steps to the garden.",
        ] {
            assert!(!text_says_step_free(no), "{no}");
        }
    }
}
