//! The catalogue's own checks: every language has every message with English's placeholders
//! and the plural forms its CLDR rules need, English reads at a child's level, and the words
//! that matter most are kind.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;

use super::messages::PluralCategory;
use super::reading::{self, Counts};
use super::*;
use crate::browser::BrowserError;
use crate::domain::checkin::{DraftError, FollowUpError, GoalStatus, JourneyStep};
use crate::domain::export::ImportError;
use crate::domain::instrument::{BandLevel, Category};
use crate::error::AppError;
use crate::storage::StorageError;

/// The plural categories each language's CLDR rules use for whole numbers.
fn categories_needed(lang: &str) -> &'static [&'static str] {
    match lang.split('-').next().unwrap_or_default() {
        "cy" | "ar" => &["zero", "one", "two", "few", "many", "other"],
        _ => &["one", "other"],
    }
}

/// The `{placeholders}` in a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                out.insert(after[..end].to_owned());
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    out
}

fn is_plural(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.contains_key("other") && o.contains_key("zero"))
}

/// Every difference between `english` and `other` (a language `lang`) at `path`: a missing
/// message, other placeholders, a missing plural form.
fn compare(path: &str, english: &Value, other: &Value, lang: &str, found: &mut Vec<String>) {
    match (english, other) {
        (Value::String(e), Value::String(o)) => {
            if o.trim().is_empty() && !e.trim().is_empty() {
                found.push(format!("{lang} {path}: empty"));
            }
            if placeholders(e) != placeholders(o) {
                found.push(format!(
                    "{lang} {path}: {:?} has {:?}, English {:?}",
                    o,
                    placeholders(o),
                    placeholders(e)
                ));
            }
        }
        (e, o) if is_plural(e) => {
            let wanted = e
                .get("other")
                .and_then(Value::as_str)
                .map(placeholders)
                .unwrap_or_default();
            for category in categories_needed(lang) {
                match o.get(*category).and_then(Value::as_str) {
                    None => found.push(format!("{lang} {path}: no `{category}` form")),
                    Some(text) => {
                        let have = placeholders(text);
                        // A form for one exact number may say it in words ("dau", "حرفان")
                        // and leave out what that number makes the same (a chart of one
                        // check-in has no "from … to"); it never brings in another.
                        let exact = ["zero", "one", "two"].contains(category);
                        let fits = if exact {
                            have.is_subset(&wanted)
                        } else {
                            have == wanted
                        };
                        if !fits {
                            found.push(format!(
                                "{lang} {path}.{category}: {text:?} has {have:?}, English {wanted:?}"
                            ));
                        }
                    }
                }
            }
        }
        (Value::Array(e), Value::Array(o)) => {
            for (i, (e, o)) in e.iter().zip(o).enumerate() {
                compare(&format!("{path}[{i}]"), e, o, lang, found);
            }
        }
        (Value::Object(e), Value::Object(o)) => {
            for (k, ev) in e {
                match o.get(k) {
                    Some(ov) => compare(&format!("{path}.{k}"), ev, ov, lang, found),
                    None => found.push(format!("{lang} {path}.{k}: missing")),
                }
            }
        }
        (Value::Null, _) | (_, Value::Null) => {}
        _ => found.push(format!("{lang} {path}: a different kind of value")),
    }
}

fn json(m: &Messages) -> Value {
    serde_json::to_value(m).unwrap_or(Value::Null)
}

#[test]
fn every_language_has_every_message_with_englishs_placeholders_and_its_plural_forms() {
    let english = json(&EN);
    let mut found = vec![];
    for language in Language::ALL {
        let m = language.messages();
        compare("", &english, &json(m), m.lang, &mut found);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_translation_that_drops_a_placeholder_or_a_plural_form_is_caught() {
    let english = serde_json::json!({ "a": "Hello {name}", "p": { "zero": null, "one": "{n} day", "two": null, "few": null, "many": null, "other": "{n} days" } });
    let welsh = serde_json::json!({ "a": "Helo", "p": { "zero": "dim dyddiau", "one": "{n} diwrnod", "two": null, "few": "{n} diwrnod", "many": "{n} diwrnod", "other": "{n} diwrnod" } });
    let mut found = vec![];
    compare("", &english, &welsh, "cy", &mut found);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains(".a"), "{found:?}");
    assert!(found[1].contains("no `two` form"), "{found:?}");
    // A general form must keep every placeholder; a form for one number may drop one.
    let english = serde_json::json!({ "p": { "zero": null, "one": null, "two": null, "few": null, "many": null, "other": "{n} of {total}" } });
    let arabic = serde_json::json!({ "p": { "zero": "لا شيء", "one": "واحد من {total}", "two": "اثنان", "few": "{n} من {total}", "many": "{n}", "other": "{n} من {total} {extra}" } });
    let mut found = vec![];
    compare("", &english, &arabic, "ar", &mut found);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|f| f.contains("p.many")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("p.other")), "{found:?}");
}

#[test]
fn each_language_says_what_it_is_and_which_way_it_reads() {
    let said: Vec<(&str, &str, &str)> = Language::ALL
        .iter()
        .map(|l| (l.messages().lang, l.messages().dir, l.own_name()))
        .collect();
    assert_eq!(
        said,
        [
            ("en-GB", "ltr", "English"),
            ("cy", "ltr", "Cymraeg"),
            ("ar", "rtl", "العربية")
        ]
    );
    for l in Language::ALL {
        assert_eq!(Language::from_tag(l.code()), Some(l));
        assert_eq!(Language::from_tag(l.messages().lang), Some(l));
    }
    assert_eq!(Language::from_tag("CY-gb"), Some(Language::Welsh));
    assert_eq!(Language::from_tag("ar_EG"), Some(Language::Arabic));
    assert_eq!(Language::from_tag("fr"), None);
}

#[test]
fn the_language_is_the_chosen_one_then_the_browsers_then_the_services_first() {
    use Language::*;
    let all = Language::ALL;
    let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    assert_eq!(pick(None, &browser(&["fr-FR", "cy-GB", "en"]), &all), Welsh);
    assert_eq!(pick(Some(Arabic), &browser(&["cy"]), &all), Arabic);
    // A choice the service no longer offers gives way to the browser's languages.
    assert_eq!(
        pick(Some(Arabic), &browser(&["cy"]), &[English, Welsh]),
        Welsh
    );
    assert_eq!(pick(None, &browser(&["fr"]), &[Welsh, English]), Welsh);
    assert_eq!(pick(None, &[], &[]), English);
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(
        fill(EN.question_n_of, &[("n", "3"), ("total", "14")]),
        "Question 3 of 14"
    );
    assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
}

#[test]
fn counts_take_the_plural_the_number_needs() {
    for (plural, n, said) in [
        (&EN.characters_left, 1, "You have 1 character remaining"),
        (&EN.characters_left, 2, "You have 2 characters remaining"),
        (&EN.characters_left, 0, "You have 0 characters remaining"),
        (
            &EN.characters_limit,
            200,
            "You can enter up to 200 characters",
        ),
        (&EN.data.delete_checkins, 1, "1 check-in"),
    ] {
        assert_eq!(EN.count(plural, n), said);
    }
}

#[test]
fn welsh_and_arabic_plurals_follow_their_cldr_categories() {
    use PluralCategory::*;
    let cy: Vec<PluralCategory> = [0, 1, 2, 3, 6, 7, 100]
        .iter()
        .map(|&n| plural_category("cy", n))
        .collect();
    assert_eq!(cy, [Zero, One, Two, Few, Many, Other, Other]);
    let ar: Vec<PluralCategory> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]
        .iter()
        .map(|&n| plural_category("ar", n))
        .collect();
    assert_eq!(
        ar,
        [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]
    );
    // Each category of each language reads differently where the language says it apart.
    for (m, numbers) in [(&CY, [0, 1, 2, 3, 6, 7]), (&AR, [0, 1, 2, 3, 11, 100])] {
        let said: BTreeSet<String> = numbers
            .iter()
            .map(|&n| {
                m.count(&m.data.delete_checkins, n)
                    .replace(&n.to_string(), "#")
            })
            .collect();
        assert!(said.len() >= 3, "{}: {said:?}", m.lang);
    }
}

#[test]
fn a_language_without_a_form_falls_back_to_other() {
    let only_other = Plural::other("{n} things");
    assert_eq!(only_other.of("en-GB", 1), "1 things");
}

#[test]
fn every_error_is_put_into_words_from_the_catalogue() {
    let said = |e: AppError| EN.explain(&e);
    assert_eq!(said(StorageError::Full.into()), EN.errors.storage_full);
    assert_eq!(
        said(ImportError::NotAnExport.into()),
        "this is not a file saved from this app"
    );
    assert_eq!(
        said(FollowUpError::EmptySomethingElse.into()),
        EN.something_else_empty
    );
    assert_eq!(
        said(DraftError::Unanswered(3).into()),
        "question 3 has not been answered"
    );
    assert_eq!(
        said(BrowserError::Download("TypeError".into()).into()),
        EN.errors.download
    );
    assert_eq!(
        CY.explain(&StorageError::Full.into()),
        CY.errors.storage_full
    );
}

#[test]
fn goal_and_journey_words_come_from_the_catalogue_and_unknown_ones_show_as_stored() {
    assert_eq!(
        EN.goal_status(&GoalStatus::ChangedMyMind),
        "Changed my mind"
    );
    assert_eq!(CY.goal_status(&GoalStatus::Done), CY.goal_statuses[3]);
    let newer = GoalStatus::Other("paused".into());
    assert_eq!(AR.goal_status(&newer), "paused");
    assert_eq!(
        EN.journey_step(&JourneyStep::ProfessionalSupport),
        "I'm getting support to sort things out"
    );
    assert_eq!(
        AR.journey_step(&JourneyStep::MovingForwards),
        AR.journey_steps[4]
    );
}

#[test]
fn loneliness_and_bands_are_kind_words_never_clinical() {
    assert_eq!(
        EN.loneliness_meaning(BandLevel::Low),
        EN.loneliness_meanings[0]
    );
    assert_eq!(
        EN.loneliness_meaning(BandLevel::High),
        EN.loneliness_meanings[1]
    );
    assert_eq!(EN.loneliness_band(BandLevel::High), "Lonely more often");
    assert_eq!(EN.band_name(BandLevel::VeryHigh), "very high");
    for text in EN
        .loneliness_meanings
        .iter()
        .chain([EN.care_languishing, EN.care_body, EN.care_lonely].iter())
    {
        for word in [
            "disorder", "diagnos", "illness", "symptom", "patient", "risk",
        ] {
            assert!(!text.to_lowercase().contains(word), "{text} uses {word}");
        }
    }
    // The scale never asks about "lonely", so the words never claim the person said it.
    for m in [&EN] {
        for text in m.loneliness_meanings.iter().chain([&m.care_lonely]) {
            assert!(!text.contains("You said"), "{text}");
            assert!(text.starts_with("Your answers suggest"), "{text}");
        }
    }
}

#[test]
fn no_result_promises_a_contact_the_service_may_not_have() {
    for m in Language::ALL.map(Language::messages) {
        for text in m
            .category_meanings
            .iter()
            .chain(m.loneliness_meanings.iter())
        {
            assert!(!text.contains("talking to the service"), "{text}");
        }
    }
    assert!(!EN.referral.next_body.contains("contact the service"));
    assert!(!EN
        .referral
        .next_without_contact
        .contains("contact the service"));
}

#[test]
fn dates_read_naturally_in_each_language() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    assert_eq!(EN.date(d), "21 November 2026");
    assert_eq!(CY.date(d), "21 Tachwedd 2026");
    assert_eq!(AR.date(d), "21 نوفمبر 2026");
}

#[test]
fn categories_are_never_clinical_words() {
    for c in [
        Category::Flourishing,
        Category::ModeratelyMentallyHealthy,
        Category::Languishing,
    ] {
        let text = format!("{} {}", EN.category_name(c), EN.category_meaning(c)).to_lowercase();
        for word in ["disorder", "diagnos", "illness", "symptom", "patient"] {
            assert!(!text.contains(word), "{c:?} uses {word}");
        }
    }
}

/// Messages that are not sentences a person reads as prose: codes, names of months, patterns.
const NOT_PROSE: &[&str] = &[
    "language",
    "lang",
    "dir",
    "months",
    "months_short",
    "date_pattern",
    "scale_end",
    "error_title_prefix",
    "error_prefix",
];

/// Every English text a person reads in the interface, with where it is.
fn english_texts(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_owned(), s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                english_texts(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                if !NOT_PROSE.contains(&k.as_str()) {
                    english_texts(x, &format!("{path}.{k}"), out);
                }
            }
        }
        _ => {}
    }
}

/// Flesch-Kincaid means little on a label of a word or two ("Volunteering" alone scores over
/// grade 30), so the per-sentence limit applies to sentences (text ending in `.`, `?` or `!`)
/// of at least this many words; headings, labels and buttons count in the overall grade.
const SENTENCE_WORDS: usize = 3;

/// Whether a piece of text is a sentence rather than a heading, label or button.
fn is_sentence(text: &str) -> bool {
    text.trim_end_matches(['”', '"', ')'])
        .ends_with(['.', '?', '!'])
}

#[test]
fn the_english_interface_reads_at_grade_six_and_no_sentence_above_nine() {
    let mut texts = vec![];
    english_texts(&json(&EN), "", &mut texts);
    let mut all = Counts::default();
    let mut worst = (0.0f64, String::new(), String::new());
    let mut above = vec![];
    for (path, text) in &texts {
        for sentence in reading::sentences(text) {
            let c = reading::counts(&sentence);
            all = all.add(c);
            if c.words >= SENTENCE_WORDS && is_sentence(&sentence) {
                let g = c.grade();
                if g > worst.0 {
                    worst = (g, sentence.clone(), path.clone());
                }
                if g > 9.0 {
                    above.push(format!("{g:.1} {path}: {sentence}"));
                }
            }
        }
    }
    // Printed to stderr so the figures show even when the harness captures output.
    eprintln!(
        "reading grade: overall {:.1}, max {:.1} ({} at {}) over {} sentences",
        all.grade(),
        worst.0,
        worst.1,
        worst.2,
        all.sentences
    );
    assert!(above.is_empty(), "above grade 9:\n{}", above.join("\n"));
    assert!(all.grade() <= 6.0, "overall grade {:.1}", all.grade());
}
