//! The interface's words, in one typed catalogue.
//!
//! Every string a person reads (apart from an instrument's pinned wording, which lives with the
//! instrument) is a field here. A new language is a new `static` of this type: the compiler
//! then refuses to build until every field is translated, and no page changes. Placeholders are
//! written `{name}` and filled by [`fill`].

use chrono::{Datelike, NaiveDate};

use crate::domain::instrument::Category;

/// The words of one language.
#[derive(Debug)]
pub struct Messages {
    /// BCP 47 tag for `<html lang>`.
    pub lang: &'static str,
    /// Writing direction for `<html dir>`.
    pub dir: &'static str,
    /// The app's name.
    pub app_name: &'static str,
    /// Hidden text for the "skip to main content" link.
    pub skip_to_content: &'static str,
    /// The crisis link shown on every screen.
    pub get_help_now: &'static str,
    /// Back link text.
    pub back: &'static str,
    /// The main form button.
    pub continue_: &'static str,
    /// Title of the error summary.
    pub there_is_a_problem: &'static str,
    /// Prefix for the page title while errors show, including the trailing space.
    pub error_title_prefix: &'static str,
    /// Visually hidden prefix before an inline error message.
    pub error_prefix: &'static str,
    /// Footer line about monitoring.
    pub not_monitored: &'static str,
    /// Footer line about where data is kept.
    pub kept_on_device: &'static str,
    /// Message shown while a check-in record cannot be found.
    pub not_found_title: &'static str,
    /// Body of the not-found page.
    pub not_found_body: &'static str,
    /// Link home.
    pub go_home: &'static str,

    /// Home page heading.
    pub home_title: &'static str,
    /// Home page introduction.
    pub home_intro: &'static str,
    /// Start button.
    pub start_check_in: &'static str,
    /// Resume button, for a check-in already started.
    pub continue_check_in: &'static str,
    /// Shown under the resume button: "{answered} of {total} questions answered".
    pub answered_of: &'static str,
    /// Heading of the last-result card.
    pub last_result: &'static str,
    /// "Your last check-in was on {date}."
    pub last_checked_in_on: &'static str,
    /// Link to the history.
    pub see_past_check_ins: &'static str,
    /// Home text when there are no check-ins yet.
    pub no_check_ins_yet: &'static str,

    /// Caption above a question: "Question {n} of {total}".
    pub question_n_of: &'static str,
    /// Error when Continue is pressed with nothing chosen.
    pub choose_an_answer: &'static str,
    /// Shown when a question number does not exist.
    pub no_such_question: &'static str,

    /// Check-your-answers heading.
    pub check_answers_title: &'static str,
    /// Introduction to the check-your-answers list.
    pub check_answers_intro: &'static str,
    /// "Change" link text.
    pub change: &'static str,
    /// Shown for a question with no answer yet.
    pub not_answered: &'static str,
    /// Save button on check-your-answers.
    pub save_check_in: &'static str,
    /// Error when saving with some questions unanswered.
    pub answer_every_question: &'static str,
    /// Link that discards the draft.
    pub start_again: &'static str,

    /// Result page heading.
    pub result_title: &'static str,
    /// "You scored {total} out of {max}."
    pub you_scored: &'static str,
    /// Heading above the subscales.
    pub the_three_parts: &'static str,
    /// "{score} out of {max}" for a subscale.
    pub out_of: &'static str,
    /// Why the result is not a diagnosis.
    pub not_a_diagnosis: &'static str,
    /// Heading above the answers on a past check-in.
    pub your_answers: &'static str,
    /// "Checked in on {date}".
    pub checked_in_on: &'static str,
    /// Table column: question.
    pub question: &'static str,
    /// Table column: answer.
    pub answer: &'static str,
    /// Heading of the "what next" section on the result.
    pub what_next: &'static str,
    /// What next text.
    pub what_next_body: &'static str,
    /// Shown when a category cannot be given.
    pub no_category: &'static str,

    /// History page heading.
    pub history_title: &'static str,
    /// History table column: date.
    pub date: &'static str,
    /// History table column: score.
    pub score: &'static str,
    /// History table column: result.
    pub result: &'static str,
    /// History table caption.
    pub history_caption: &'static str,
    /// Link from a history row: "View" (with hidden date).
    pub view: &'static str,
    /// Hidden text after "View": "the check-in of {date}".
    pub check_in_of: &'static str,
    /// Hidden heading of the history table's link column.
    pub actions: &'static str,
    /// Link from the home page's last-result card.
    pub view_last_result: &'static str,
    /// Check-your-answers with nothing in progress.
    pub nothing_in_progress: &'static str,
    /// Hidden text after "Change": "how often you felt {question}".
    pub your_answer_to: &'static str,

    /// Crisis page heading.
    pub help_title: &'static str,
    /// Crisis page lead paragraph.
    pub help_intro: &'static str,
    /// Crisis page: the app is not watched.
    pub help_not_monitored: &'static str,

    /// Heading of the notice when stored data could not be read.
    pub data_set_aside_title: &'static str,
    /// Body of that notice.
    pub data_set_aside_body: &'static str,
    /// Download link in that notice.
    pub download_set_aside: &'static str,
    /// Heading of the notice when saving failed.
    pub save_failed_title: &'static str,
    /// Body of that notice.
    pub save_failed_body: &'static str,

    /// Plain names of the result categories: languishing, moderate, flourishing.
    pub category_names: [&'static str; 3],
    /// What each category means, in the same order.
    pub category_meanings: [&'static str; 3],
    /// Heading of the notice when the service's configuration had problems.
    pub config_problem_title: &'static str,
    /// Body of that notice.
    pub config_problem_body: &'static str,
    /// The summary line that opens the technical details.
    pub config_problem_details: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Date pattern: placeholders {day}, {month}, {year}.
    pub date_pattern: &'static str,
}

impl Messages {
    /// The kind, plain name of a result category.
    pub fn category_name(&self, c: Category) -> &'static str {
        self.category_names[c as usize]
    }

    /// What a result category means, in plain words and never as a diagnosis.
    pub fn category_meaning(&self, c: Category) -> &'static str {
        self.category_meanings[c as usize]
    }

    /// Formats a calendar date in this language.
    pub fn date(&self, d: NaiveDate) -> String {
        let month = self.months[d.month0() as usize];
        fill(
            self.date_pattern,
            &[
                ("day", &d.day().to_string()),
                ("month", month),
                ("year", &d.year().to_string()),
            ],
        )
    }
}

/// The words of the person's language. The app re-renders its pages when the language
/// changes, so a page reads its words once, as it is built.
pub fn use_messages() -> &'static Messages {
    &EN
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}

/// British English.
pub static EN: Messages = Messages {
    lang: "en-GB",
    dir: "ltr",
    app_name: "Flourish",
    skip_to_content: "Skip to main content",
    get_help_now: "Get help now",
    back: "Back",
    continue_: "Continue",
    there_is_a_problem: "There is a problem",
    error_title_prefix: "Error: ",
    error_prefix: "Error:",
    not_monitored: "No one watches this app in real time. If you need help now, use Get help now.",
    kept_on_device: "Your answers are kept on this device. They are not sent anywhere.",
    not_found_title: "Page not found",
    not_found_body: "We could not find that page. It may have moved, or the link may be wrong.",
    go_home: "Go to the start",

    home_title: "How are you doing?",
    home_intro: "A check-in is 14 short questions about how you have felt in the past month. It takes about 5 minutes. You can stop at any time and carry on later.",
    start_check_in: "Start a check-in",
    continue_check_in: "Carry on with your check-in",
    answered_of: "{answered} of {total} questions answered",
    last_result: "Your last check-in",
    last_checked_in_on: "Your last check-in was on {date}.",
    see_past_check_ins: "See all your check-ins",
    no_check_ins_yet: "You have not done a check-in yet.",

    question_n_of: "Question {n} of {total}",
    choose_an_answer: "Choose how often you felt this",
    no_such_question: "There is no question with that number.",

    check_answers_title: "Check your answers",
    check_answers_intro: "You can change any answer before you save.",
    change: "Change",
    not_answered: "Not answered yet",
    save_check_in: "Save my check-in",
    answer_every_question: "Answer every question before you save",
    start_again: "Go back to the first question",

    result_title: "Your check-in",
    you_scored: "You scored {total} out of {max}.",
    the_three_parts: "The three parts of well-being",
    out_of: "{score} out of {max}",
    not_a_diagnosis: "This is not a diagnosis. It is a way to notice how you are doing and to see change over time.",
    your_answers: "Your answers",
    checked_in_on: "Checked in on {date}",
    question: "Question",
    answer: "Answer",
    what_next: "What next",
    what_next_body: "You can check in again in about 4 weeks to see how things change. Your check-ins are saved on this device.",
    no_category: "We could not work out a result for this check-in.",

    history_title: "Your check-ins",
    date: "Date",
    score: "Score (out of 70)",
    result: "Result",
    history_caption: "Your check-ins, newest first",
    view: "View",
    check_in_of: "the check-in of {date}",
    actions: "Actions",
    view_last_result: "See your last result in full",
    nothing_in_progress: "You do not have a check-in in progress.",
    your_answer_to: "how often you felt {question}",

    help_title: "Get help now",
    help_intro: "If you feel you might harm yourself or end your life, please get help now. You do not have to wait.",
    help_not_monitored: "This app is not watched by anyone in real time. It cannot send help.",

    data_set_aside_title: "Some saved information could not be read",
    data_set_aside_body: "We have kept it safe and not deleted anything. You can download it to give to the service. Everything else still works.",
    download_set_aside: "Download the information we could not read",
    save_failed_title: "Your answer could not be saved on this device",
    save_failed_body: "Your answer is still on the screen. The browser may be full or in private mode. Try again, or free up space on your device.",

    category_names: ["Finding things hard", "Getting by", "Flourishing"],
    category_meanings: [
        "You said you have not often felt good lately. Many people feel like this at times, and it can change. You do not have to sort it out alone: talking to the service is a good next step.",
        "You said some things are going well and some are harder. This is where most people are. Small steps, like trying one activity, can help.",
        "You said you often felt good and that things in your life mostly work for you. That is worth noticing. Keep doing what helps.",
    ],
    config_problem_title: "Some of this service's settings could not be read",
    config_problem_body: "The app works as normal, using its standard settings where needed. Please tell the service if you can.",
    config_problem_details: "Details for the service",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    date_pattern: "{day} {month} {year}",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(EN.question_n_of, &[("n", "3"), ("total", "14")]),
            "Question 3 of 14"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        assert_eq!(EN.date(d), "21 November 2026");
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
}
