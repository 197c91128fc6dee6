//! The shape of the catalogue: one field per message, so that a language missing a message does
//! not compile. The values live in `en.rs`, `cy.rs` and `ar.rs`.
//!
//! Placeholders are written `{name}` and filled by [`fill`]; a native test checks that every
//! language uses the same placeholders as English in every message. Words that depend on a
//! number are a [`Plural`], chosen by the browser's own CLDR rules (`Intl.PluralRules`).

use chrono::{Datelike, NaiveDate};

use crate::browser::BrowserError;
use crate::domain::checkin::{ActivityUptake, DraftError, FollowUpError, GoalStatus, JourneyStep};
use crate::domain::directory::Visit;
use crate::domain::export::{megabytes_rounded_up, ImportError};
use crate::domain::instrument::{BandLevel, Category};
use crate::domain::outbox::{Problem as SendProblem, Rejection};
use crate::domain::referral::{Problem, Step};
use crate::domain::submission::BuildError;
use crate::error::AppError;
use crate::storage::StorageError;

/// A language the interface is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(serde::Serialize))]
pub enum Language {
    /// British English, the default and the fallback for any words a service gives in one
    /// language only.
    English,
    /// Welsh (Cymraeg).
    Welsh,
    /// Modern Standard Arabic, written right to left.
    Arabic,
}

impl Language {
    /// Every built-in language, English first.
    pub const ALL: [Language; 3] = [Language::English, Language::Welsh, Language::Arabic];

    /// The code a service's configuration and the stored choice use: `en`, `cy` or `ar`.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Welsh => "cy",
            Self::Arabic => "ar",
        }
    }

    /// The language a code or a browser's language tag names (`cy`, `cy-GB`, `ar-SA`, `en-US`),
    /// by its first part; `None` for one this app does not have.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Self::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language's name in itself, for the language control ("Cymraeg"). Kept here rather
    /// than in the catalogue, so that the control can name every language while only the
    /// words of the one shown have been fetched.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Welsh => "Cymraeg",
            Self::Arabic => "العربية",
        }
    }
}

/// The words of one language.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Messages {
    /// Which language these are.
    pub language: Language,
    /// BCP 47 tag for `<html lang>` and for the browser's plural rules.
    pub lang: &'static str,
    /// Writing direction for `<html dir>`: `ltr` or `rtl`.
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
    /// The name of the language control, for screen readers.
    pub language_control: &'static str,
    /// The "read aloud" button.
    pub listen: &'static str,
    /// The same button while it reads.
    pub stop_listening: &'static str,

    /// Home page heading.
    pub home_title: &'static str,
    /// Home page introduction, by the number of questions.
    pub home_intro: Plural,
    /// Start button.
    pub start_check_in: &'static str,
    /// Resume button, for a check-in already started.
    pub continue_check_in: &'static str,
    /// Shown under the resume button, by the number of questions: "{answered} of {n}
    /// questions answered".
    pub answered_of: Plural,
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
    /// Said where an instrument's questions are shown in English because no checked
    /// translation is available.
    pub untranslated_note: &'static str,

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
    /// The MHC-SF total: "{total}" on a scale from "{min}" to "{max}".
    pub total_score: &'static str,
    /// Why the MHC-SF result and its total can point different ways.
    pub result_from_how_often: &'static str,
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
    /// Table column: a score.
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
    /// A score with its range, in a table: "{score} (from {min} to {max})".
    pub score_in_range: &'static str,
    /// A check-in's MHC-SF result in one line: "{category}, score {total} from {min} to
    /// {max}".
    pub summary_mhc_sf: &'static str,
    /// A check-in's loneliness result in one line: "{band}, score {score} from {min} to
    /// {max}".
    pub summary_loneliness: &'static str,
    /// One ONS4 answer in one line: "{name}: {score} ({band})".
    pub summary_ons4: &'static str,

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
    /// The summary line that opens the technical details (for the service's staff, in
    /// English).
    pub config_problem_details: &'static str,
    /// "or", between the answers and an exclusive "None of these".
    pub or: &'static str,
    /// Read with a text box that has a limit: "You can enter up to {n} characters".
    pub characters_limit: Plural,
    /// Character count: "You have {n} characters remaining".
    pub characters_left: Plural,
    /// Character count: "You have {n} characters too many".
    pub characters_too_many: Plural,
    /// Notice title when saved information cannot be read at all.
    pub load_failed_title: &'static str,
    /// Notice body when saved information cannot be read at all.
    pub load_failed_body: &'static str,
    /// A file could not be downloaded: "{why}".
    pub download_failed: &'static str,
    /// The check-in could not be saved: "{why}".
    pub check_in_not_saved: &'static str,
    /// Why something did not work, each a short clause that the messages above complete.
    pub errors: ErrorMessages,
    /// The self-referral journey.
    pub referral: ReferralMessages,
    /// The "Your data" page.
    pub data: DataMessages,
    /// While a page's code is being fetched.
    pub loading: LoadingMessages,
    /// The questionnaires' plain headings and the names of what they measure.
    pub instruments: InstrumentMessages,
    /// The words of the built-in configuration (the lists a service can replace).
    pub defaults: DefaultsMessages,
    /// Kiosk mode and "I'm helping someone".
    pub modes: ModeMessages,
    /// Sending to the service: asking first, and saying honestly where things stand.
    pub send: SendMessages,
    /// "Things to try": the service's activity directory.
    pub directory: DirectoryMessages,
    /// "Your progress" with a long history: its newest check-ins first, and the rest on request.
    pub progress: ProgressMessages,
    /// Footer link to "Your data".
    pub your_data: &'static str,
    /// Notice: another tab changed the data.
    pub changed_elsewhere: &'static str,
    /// When a language's words could not be downloaded: `{language}` is its own name.
    pub language_not_loaded: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Date pattern: placeholders {day}, {month}, {year}.
    pub date_pattern: &'static str,
    /// Error when a 0 to 10 question is left unanswered: "{min}" and "{max}".
    pub choose_a_number: &'static str,
    /// Error when a question with worded answers (not "how often") is left unanswered.
    pub choose_an_option: &'static str,
    /// Hint under a 0 to 10 question: placeholders {min}, {low}, {max} and {high}.
    pub scale_hint: &'static str,
    /// Label of an end of a 0 to 10 scale: "{n} – {label}".
    pub scale_end: &'static str,
    /// Hidden text after "Change" for a question that is not "how often": "{question}".
    pub your_answer_to_question: &'static str,
    /// Caption above an optional question.
    pub optional: &'static str,
    /// Hint: an optional question can be left out.
    pub can_skip: &'static str,
    /// Heading of the activities question.
    pub activities_title: &'static str,
    /// Hint of the activities question.
    pub activities_hint: &'static str,
    /// "Something else" option.
    pub something_else: &'static str,
    /// Label of the text box for "something else".
    pub something_else_label: &'static str,
    /// The exclusive "none yet" option.
    pub none_yet: &'static str,
    /// Hint of the "none yet" option.
    pub none_yet_hint: &'static str,
    /// Error: "something else" ticked but left empty.
    pub something_else_empty: &'static str,
    /// Heading of the goals question.
    pub goals_title: &'static str,
    /// Shown when there are no goals yet.
    pub goals_none_yet: &'static str,
    /// Hint with a goal: "Last time: {status}".
    pub goal_last_time: &'static str,
    /// Label of the new goal box.
    pub new_goal_label: &'static str,
    /// Hint of the new goal box.
    pub new_goal_hint: &'static str,
    /// How a goal is going: not started, started, getting there, done, changed my mind.
    pub goal_statuses: [&'static str; 5],
    /// Heading of the journey step question.
    pub step_title: &'static str,
    /// Hint of the journey step question.
    pub step_hint: &'static str,
    /// The five steps (seed 001) in the person's own voice, in journey order.
    pub journey_steps: [&'static str; 5],
    /// Check-your-answers heading of the optional questions.
    pub a_few_more_things: &'static str,
    /// Row: activities.
    pub activities_row: &'static str,
    /// Row: goals.
    pub goals_row: &'static str,
    /// Row: a goal added at this check-in.
    pub new_goal_row: &'static str,
    /// Row: the journey step.
    pub step_row: &'static str,
    /// An optional question left out.
    pub skipped: &'static str,
    /// Plain names of the ONS bands: very low, low, medium, high, very high.
    pub band_names: [&'static str; 5],
    /// An ONS4 answer: "{score}" on a scale from "{min}" to "{max}", and its "{band}".
    pub ons_score: &'static str,
    /// Heading of ONS4 results.
    pub ons4_title: &'static str,
    /// Said with ONS4 anxiety, whose scale runs the other way.
    pub anxiety_lower_is_better: &'static str,
    /// Heading of the loneliness result.
    pub loneliness_title: &'static str,
    /// A loneliness total: "{score}" on a scale from "{min}" to "{max}", lower less lonely.
    pub loneliness_score: &'static str,
    /// Short names of the UCLA-3 bands: not often lonely (3 to 5), lonely more often (6 to 9).
    pub loneliness_bands: [&'static str; 2],
    /// What each band means, in the same order; never "you said you are lonely".
    pub loneliness_meanings: [&'static str; 2],
    /// A next step after a higher loneliness score.
    pub loneliness_next_step: &'static str,
    /// Link from the loneliness next step to asking for support.
    pub loneliness_next_step_link: &'static str,
    /// The check-in moves to questions with another time frame; one line per instrument:
    /// MHC-SF (the past month), ONS4 (now and yesterday), UCLA-3 (these days).
    pub moving_on: [&'static str; 3],
    /// Home: "Your next check-in is on {date}."
    pub next_check_in_on: &'static str,
    /// Home: a check-in is due.
    pub due_now_title: &'static str,
    /// Home: what doing it now means.
    pub due_now_body: &'static str,
    /// A due date that is the 10-week or 6-month pathway point.
    pub pathway_notes: [&'static str; 2],
    /// Snooze button, by the number of days.
    pub snooze: Plural,
    /// "Not now" button.
    pub not_now: &'static str,
    /// After snoozing: "We will remind you on {date}."
    pub snoozed_until: &'static str,
    /// After "not now": "We will ask again gently on {date}."
    pub not_now_until: &'static str,
    /// You can still check in.
    pub you_can_still: &'static str,
    /// Calendar button.
    pub add_to_calendar: &'static str,
    /// Calendar hint, by the number of dates.
    pub calendar_hint: Plural,
    /// Calendar event title: "{service} check-in".
    pub calendar_summary: &'static str,
    /// Calendar event text: {service}.
    pub calendar_description: &'static str,
    /// "Not now" page heading.
    pub not_now_title: &'static str,
    /// "Not now" page body: {date}.
    pub not_now_body: &'static str,
    /// "Not now" page: nothing recorded.
    pub nothing_recorded: &'static str,
    /// Care card heading.
    pub care_title: &'static str,
    /// Care card: a languishing result.
    pub care_languishing: &'static str,
    /// Care card: a fall, {from} and {to}.
    pub care_drop: &'static str,
    /// Care card: a higher loneliness score.
    pub care_lonely: &'static str,
    /// Care card: a high anxiety score.
    pub care_anxious: &'static str,
    /// Care card: a low life satisfaction score.
    pub care_low_satisfaction: &'static str,
    /// Care card: what to do.
    pub care_body: &'static str,
    /// "You can talk to {service}."
    pub talk_to_service: &'static str,
    /// No service contact configured.
    pub talk_to_someone: &'static str,
    /// "Call {phone}"
    pub call: &'static str,
    /// "Email {email}"
    pub email: &'static str,
    /// A text link with its words: "Text {body} to {number}".
    pub text_words_to: &'static str,
    /// A text link without set words: "Text {number}".
    pub text_number: &'static str,
    /// Before the crisis link.
    pub if_you_need_help_now: &'static str,
    /// Link to the progress page.
    pub see_progress: &'static str,
    /// Progress page heading.
    pub progress_title: &'static str,
    /// Progress page with no check-ins.
    pub progress_none: &'static str,
    /// Heading: the MHC-SF total.
    pub progress_overall: &'static str,
    /// Chart title.
    pub chart_title: &'static str,
    /// Chart description, by the number of check-ins: {from}, {to}, {first}, {last}, {min},
    /// {max}.
    pub chart_desc: Plural,
    /// Heading of the chart's key.
    pub key: &'static str,
    /// Caption of the scores table: "{min}" and "{max}".
    pub scores_caption: &'static str,
    /// Heading: the 13 dimensions.
    pub progress_dimensions: &'static str,
    /// Intro to the dimensions.
    pub progress_dimensions_intro: &'static str,
    /// Column: part of well-being.
    pub part: &'static str,
    /// Column: now.
    pub now: &'static str,
    /// Column: since first.
    pub since_first: &'static str,
    /// Column: since last.
    pub since_last: &'static str,
    /// Frequency change since the first check-in: more, less, same.
    pub often_since_first: [&'static str; 3],
    /// Frequency change since the last check-in: more, less, same.
    pub often_since_last: [&'static str; 3],
    /// Score change: up {n}, down {n}, same (since first).
    pub score_since_first: [&'static str; 3],
    /// Score change: up {n}, down {n}, same (since last).
    pub score_since_last: [&'static str; 3],
    /// Only one check-in: nothing to compare.
    pub first_only: &'static str,
    /// Heading: goals.
    pub progress_goals: &'static str,
    /// No goals.
    pub progress_no_goals: &'static str,
    /// A goal from elsewhere (a referral) without words here.
    pub goal_unnamed: &'static str,
    /// "{status} on {date}".
    pub status_on: &'static str,
    /// Heading: journey steps.
    pub progress_journey: &'static str,
    /// "Step {n} of {total}".
    pub step_n: &'static str,
    /// Heading: activities.
    pub progress_activities: &'static str,
    /// No follow-up answers yet.
    pub progress_nothing_yet: &'static str,
    /// Column: activities.
    pub activities_column: &'static str,
    /// Short month names, January first.
    pub months_short: [&'static str; 12],
}

/// The words shown while a page's code is being fetched (a page opened for the first time).
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct LoadingMessages {
    /// The quiet line in place of the page.
    pub page: &'static str,
    /// Heading and title when the page's code could not be downloaded.
    pub failed_title: &'static str,
    /// What happened and what to do.
    pub failed_body: &'static str,
    /// The button that downloads it again.
    pub try_again: &'static str,
}

/// The words of kiosk mode and "I'm helping someone": the start screen, the warning before
/// a shared screen clears itself, taking a copy away, and bringing it into a phone.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ModeMessages {
    /// Kiosk, top of every page after the start: the screen is shared.
    pub kiosk_bar: &'static str,
    /// While a volunteer helps on a shared device.
    pub helping_shared_bar: &'static str,
    /// While a volunteer helps on the person's own device.
    pub helping_own_bar: &'static str,
    /// Kiosk button that clears everything.
    pub finish_and_clear: &'static str,
    /// Volunteer button that clears everything for the next person.
    pub start_fresh: &'static str,
    /// Volunteer button that leaves helping mode.
    pub stop_helping: &'static str,
    /// Home card heading for volunteers.
    pub switch_title: &'static str,
    /// Home card body: {service}.
    pub switch_body: &'static str,
    /// Home card button.
    pub switch_button: &'static str,
    /// Whose device question (the page heading).
    pub device_question: &'static str,
    /// Hint under the question.
    pub device_hint: &'static str,
    /// Answer: the person's own device.
    pub device_their_own: &'static str,
    /// Hint of that answer.
    pub device_their_own_hint: &'static str,
    /// Answer: the volunteer's or a shared device.
    pub device_shared: &'static str,
    /// Hint of that answer.
    pub device_shared_hint: &'static str,
    /// Error when nothing is chosen.
    pub device_error: &'static str,
    /// The note on a record made with a volunteer.
    pub with_volunteer: &'static str,
    /// Check your answers key for that note.
    pub help_key: &'static str,
    /// Heading for a volunteer after a yes to the safety question.
    pub volunteer_safety_title: &'static str,
    /// What a volunteer does now, step by step.
    pub volunteer_safety_steps: [&'static str; 5],
    /// Start screen heading on a shared device.
    pub start_title: &'static str,
    /// Start screen: asking for support.
    pub start_support_title: &'static str,
    /// What asking for support is.
    pub start_support_body: &'static str,
    /// Start screen: a check-in.
    pub start_check_in_title: &'static str,
    /// Start screen on a kiosk: {minutes}.
    pub start_kiosk_privacy: &'static str,
    /// Start screen while a volunteer helps on a shared device: {minutes}.
    pub start_helping_privacy: &'static str,
    /// Referral start page on a shared device: where answers are kept.
    pub start_privacy_shared: &'static str,
    /// Footer on a shared device.
    pub not_kept_on_device: &'static str,
    /// Referral start page on a shared device, when the service receives requests: {service}.
    pub start_privacy_shared_sending: &'static str,
    /// Footer on a shared device, when the service receives requests: {service}.
    pub not_kept_on_device_sending: &'static str,
    /// Inactivity warning heading.
    pub idle_title: &'static str,
    /// Inactivity warning: {seconds}.
    pub idle_body: &'static str,
    /// The countdown: {n} seconds.
    pub idle_seconds_left: Plural,
    /// The button that keeps the session.
    pub keep_going: &'static str,
    /// Kiosk finish page heading.
    pub finish_title: &'static str,
    /// Volunteer's finish page heading.
    pub start_fresh_title: &'static str,
    /// Volunteer's stop page heading.
    pub stop_title: &'static str,
    /// What clearing does.
    pub finish_body: &'static str,
    /// Warning before clearing.
    pub finish_copy_first: &'static str,
    /// Button: clear everything.
    pub finish_confirm: &'static str,
    /// Button: clear and stop helping.
    pub stop_confirm: &'static str,
    /// Button: go back.
    pub finish_cancel: &'static str,
    /// Heading where a shared device keeps nothing.
    pub not_here_title: &'static str,
    /// Why.
    pub not_here_body: &'static str,
    /// Referral done on a shared device.
    pub done_title: &'static str,
    /// What to do now.
    pub done_body: &'static str,
    /// Take your copy heading.
    pub take_title: &'static str,
    /// On your phone.
    pub take_phone_title: &'static str,
    /// How to scan.
    pub take_phone_body: &'static str,
    /// Privacy of the code.
    pub take_phone_private: &'static str,
    /// On paper.
    pub take_paper_title: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Text alternative of the QR code.
    pub qr_label: &'static str,
    /// While the code is made.
    pub qr_making: &'static str,
    /// When the answers do not fit in a code.
    pub qr_too_big: &'static str,
    /// Kiosk end of a journey.
    pub kiosk_end_title: &'static str,
    /// What finishing does.
    pub kiosk_end_body: &'static str,
    /// Volunteer end of a journey.
    pub hand_back_title: &'static str,
    /// What handing back means.
    pub hand_back_body: &'static str,
    /// Import page heading.
    pub take_in_title: &'static str,
    /// Import page intro.
    pub take_in_intro: &'static str,
    /// Import: yes.
    pub take_in_yes: &'static str,
    /// Import: no.
    pub take_in_no: &'static str,
    /// While the code is read.
    pub take_in_reading: &'static str,
    /// When the code cannot be read.
    pub take_in_failed_title: &'static str,
    /// What to do then.
    pub take_in_failed_next: &'static str,
    /// After keeping.
    pub take_in_kept: &'static str,
    /// When they were already there.
    pub take_in_already: &'static str,
    /// Keeping failed: {why}.
    pub take_in_not_kept: &'static str,
    /// Import on a shared device.
    pub take_in_shared_title: &'static str,
    /// Why.
    pub take_in_shared_body: &'static str,
    /// Not a Flourish code.
    pub carry_not_ours: &'static str,
    /// A newer app's code.
    pub carry_newer: &'static str,
    /// A damaged code.
    pub carry_damaged: &'static str,
    /// A browser too old to read it.
    pub carry_old_browser: &'static str,
}

/// The words of the "Your data" page.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DataMessages {
    /// Heading.
    pub title: &'static str,
    /// Intro.
    pub intro: &'static str,
    /// "What is stored" heading.
    pub what_title: &'static str,
    /// Row: check-ins.
    pub checkins: &'static str,
    /// Row: referrals.
    pub referrals: &'static str,
    /// Row: in progress.
    pub in_progress: &'static str,
    /// Row: set aside.
    pub set_aside: &'static str,
    /// Row: space used.
    pub space: &'static str,
    /// Space used: "{kb}" kilobytes, explained.
    pub kb: &'static str,
    /// The browser agreed to keep the data.
    pub persisted_yes: &'static str,
    /// The browser did not agree.
    pub persisted_no: &'static str,
    /// The browser cannot say.
    pub persisted_unknown: &'static str,
    /// Download heading.
    pub download_title: &'static str,
    /// Download body.
    pub download_body: &'static str,
    /// Download everything button.
    pub download_all: &'static str,
    /// Download the scores for a spreadsheet.
    pub download_csv: &'static str,
    /// Import heading.
    pub import_title: &'static str,
    /// Import label.
    pub import_label: &'static str,
    /// Import hint.
    pub import_hint: &'static str,
    /// Import result, before the counts.
    pub import_done: &'static str,
    /// Import result: check-ins added.
    pub import_checkins_added: Plural,
    /// Import result: check-ins that were already here.
    pub import_already_here: Plural,
    /// Import result: requests for support added.
    pub import_referrals_added: Plural,
    /// Import: some parts kept aside.
    pub import_kept_aside: &'static str,
    /// Import failed: "The file could not be brought in: {why}".
    pub import_failed: &'static str,
    /// Delete heading.
    pub delete_title: &'static str,
    /// Delete body.
    pub delete_body: &'static str,
    /// Delete button.
    pub delete_button: &'static str,
    /// Confirm heading.
    pub delete_confirm_title: &'static str,
    /// Confirm body.
    pub delete_confirm_body: &'static str,
    /// Check-ins to delete.
    pub delete_checkins: Plural,
    /// Requests for support to delete.
    pub delete_referrals: Plural,
    /// Things in progress to delete.
    pub delete_in_progress: Plural,
    /// Pieces set aside to delete.
    pub delete_set_aside: Plural,
    /// Pieces set aside when their number cannot be known.
    pub delete_set_aside_unknown: &'static str,
    /// Cannot undo.
    pub delete_cannot_undo: &'static str,
    /// Confirm button.
    pub delete_confirm: &'static str,
    /// Cancel link.
    pub delete_cancel: &'static str,
    /// After delete heading.
    pub deleted_title: &'static str,
    /// After delete body.
    pub deleted_body: &'static str,
    /// Deleting stopped part way: "{why}".
    pub delete_failed: &'static str,
    /// Shown for a number that cannot be worked out just now.
    pub not_known: &'static str,
}

/// The words of "Things to try near you": the service's activity directory, its filters, each
/// activity's card, and "I went".
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DirectoryMessages {
    /// Page heading, and the words of every link to the page.
    pub title: &'static str,
    /// Under the heading: "{service}" is the service's name.
    pub intro: &'static str,
    /// While the list is fetched.
    pub loading: &'static str,
    /// Opened with no directory configured.
    pub not_configured: &'static str,
    /// The file could not be fetched or read.
    pub broken: &'static str,
    /// Summary of the details for the service.
    pub details: &'static str,
    /// The file was not found.
    pub not_found: &'static str,
    /// The server answered an error: "{status}".
    pub server_error: &'static str,
    /// No answer: "{why}" is the browser's words.
    pub unreachable: &'static str,
    /// No whole answer in time.
    pub timed_out: &'static str,
    /// Not JSON: "{line}", "{column}".
    pub not_json: &'static str,
    /// JSON, but not a list of services.
    pub not_a_list: &'static str,
    /// Records skipped: "{n} activities could not be shown".
    pub skipped: Plural,
    /// One skipped record: "{number}" its place in the file, "{id}" its id, "{why}".
    pub skipped_record: &'static str,
    /// Why a record was skipped: not an object, a field of the wrong type, no id, no name,
    /// an id used before.
    pub record_problems: [&'static str; 5],
    /// A `service_list` page that says there are more.
    pub incomplete: &'static str,
    /// Before the list of what is shown first.
    pub shown_first: &'static str,
    /// One reason: "{what}, because you said: {answer}".
    pub because: &'static str,
    /// Badges: things you said you might like, free, step-free, near you, in your area,
    /// someone can meet you.
    pub badges: [&'static str; 6],
    /// Legend of the filters.
    pub filters_title: &'static str,
    /// Filter: free only.
    pub free_only: &'static str,
    /// Filter: step-free access.
    pub step_free_only: &'static str,
    /// Filter: someone can meet you there.
    pub meet_only: &'static str,
    /// Filter: near the person's district, "{district}".
    pub near_only: &'static str,
    /// Label of the day picker.
    pub day_label: &'static str,
    /// The day picker's first choice.
    pub any_day: &'static str,
    /// Label of the kind picker.
    pub kind_label: &'static str,
    /// The kind picker's first choice.
    pub any_kind: &'static str,
    /// The filters' button.
    pub apply: &'static str,
    /// How many are shown: "{n} activities".
    pub count: Plural,
    /// Nothing passes the filters.
    pub nothing_matches: &'static str,
    /// The directory has nothing in it.
    pub empty: &'static str,
    /// Button for the next page of results: "Show {n} more".
    pub show_more: Plural,
    /// Day names, Monday first.
    pub days: [&'static str; 7],
    /// "Every {day}".
    pub every: &'static str,
    /// "Every other {day}".
    pub every_other: &'static str,
    /// "Every {n} weeks on {day}".
    pub every_n_weeks: &'static str,
    /// "The {which} {day} of the month".
    pub of_the_month: &'static str,
    /// Which in the month, from the start: first to fifth.
    pub nth: [&'static str; 5],
    /// Which in the month, from the end: last to fifth from last.
    pub nth_last: [&'static str; 5],
    /// "On these days of the month: {list}".
    pub month_days: &'static str,
    /// "{opens} to {closes}".
    pub opens_to_closes: &'static str,
    /// "From {opens}".
    pub from_time: &'static str,
    /// The last joining word of a list: "{first} and {last}".
    pub and: &'static str,
    /// A time of day in the morning: "{h}" hours, "{mm}" minutes (empty on the hour).
    pub time_am: &'static str,
    /// A time of day in the afternoon or evening.
    pub time_pm: &'static str,
    /// 12 noon.
    pub midday: &'static str,
    /// Labels of an activity's facts: when, where, cost, getting there, contact.
    pub facts: [&'static str; 5],
    /// A place that is online.
    pub online: &'static str,
    /// "Organised by {organisation}".
    pub organised_by: &'static str,
    /// Free for everyone.
    pub free: &'static str,
    /// Free for some people.
    pub free_for_some: &'static str,
    /// A price: "£{amount} {description}".
    pub price: &'static str,
    /// No price given.
    pub ask_about_cost: &'static str,
    /// "Call {number}".
    pub call: &'static str,
    /// "Email {address}".
    pub email: &'static str,
    /// The service's web page.
    pub website: &'static str,
    /// A map link.
    pub map: &'static str,
    /// A named person: "Ask for {name}".
    pub ask_for: &'static str,
    /// The "I went" button.
    pub i_went: &'static str,
    /// Hidden after "I went": "to {name}".
    pub i_went_hidden: &'static str,
    /// "You said you went on {date}."
    pub you_went_on: &'static str,
    /// Takes back an "I went".
    pub undo: &'static str,
    /// Hidden after "Undo": "\"I went\" for {name}".
    pub undo_hidden: &'static str,
    /// "I went" or "Undo" not saved: "{why}".
    pub not_saved: &'static str,
    /// The check-in's activities question: legend over the "I went"s.
    pub you_went_to: &'static str,
    /// Hint under it.
    pub you_went_to_hint: &'static str,
    /// Hint on each: "You said you went on {date}".
    pub went_on_hint: &'static str,
    /// The check-in's activities question, when "I went"s are listed: the other answers.
    pub anything_else: &'static str,
    /// Progress: heading of the visits counted by activity.
    pub visits_title: &'static str,
    /// Progress: table column, the activity.
    pub visits_activity: &'static str,
    /// Progress: table column, how many times.
    pub visits_times: &'static str,
    /// Progress: "{n} times".
    pub times: Plural,
    /// Progress: table column, the last time.
    pub visits_last: &'static str,
}

/// Why something did not work: short clauses, each completing a sentence such as "The file
/// could not be brought in: …". A `{why}` is the browser's or the file reader's own words,
/// kept as technical detail for the service.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ErrorMessages {
    /// Storage blocked (private browsing, settings).
    pub storage_unavailable: &'static str,
    /// Storage full.
    pub storage_full: &'static str,
    /// A record could not be written as text (a fault in the app).
    pub storage_encode: &'static str,
    /// Any other storage failure: "{why}" is the browser's own name for it.
    pub storage_other: &'static str,
    /// A question number outside the check-in.
    pub no_such_question: &'static str,
    /// An answer the question does not offer.
    pub not_an_answer: &'static str,
    /// A questionnaire this version does not know.
    pub unknown_instrument: &'static str,
    /// Question "{n}" has no answer.
    pub unanswered: &'static str,
    /// A goal with no words.
    pub goal_empty: &'static str,
    /// Activities said as "went" with nothing chosen.
    pub no_activity: &'static str,
    /// An empty file.
    pub import_empty: &'static str,
    /// Not JSON: "{why}".
    pub import_not_json: &'static str,
    /// Another app's file.
    pub import_not_an_export: &'static str,
    /// A newer export version: "{found}".
    pub import_newer: &'static str,
    /// A damaged export: "{why}".
    pub import_damaged: &'static str,
    /// A file too big to be an export: "{size}" and "{max}" megabytes.
    pub import_too_big: &'static str,
    /// Too many records of one kind: "{found}", at most "{max}".
    pub import_too_many: &'static str,
    /// The browser would not offer a file.
    pub download: &'static str,
    /// A chosen file could not be read.
    pub read_file: &'static str,
    /// The calendar's dates could not be written.
    pub calendar: &'static str,
    /// A record to send could not be found or has no id.
    pub submission_no_id: &'static str,
    /// There was nothing to send.
    pub submission_empty: &'static str,
}

/// The words of the self-referral journey.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ReferralMessages {
    /// Home: heading of the referral card.
    pub home_title: &'static str,
    /// Home: what a referral is.
    pub home_intro: &'static str,
    /// Home: start link.
    pub start: &'static str,
    /// Home: resume link.
    pub carry_on: &'static str,
    /// Home: link to a finished referral, "Your referral of {date}".
    pub your_referral_of: &'static str,
    /// Start page heading: "Get support from {service}".
    pub start_title: &'static str,
    /// Start: what happens.
    pub start_what: &'static str,
    /// Start: heading of the emergency inset.
    pub start_not_emergency_title: &'static str,
    /// Start: not for emergencies.
    pub start_not_emergency: &'static str,
    /// Start: where answers are kept.
    pub start_privacy: &'static str,
    /// Start: how long it takes.
    pub start_time: &'static str,
    /// Start button.
    pub start_now: &'static str,
    /// Safety question.
    pub safety_question: &'static str,
    /// Safety hint.
    pub safety_hint: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// Urgent help heading.
    pub urgent_title: &'static str,
    /// Urgent help lead.
    pub urgent_lead: &'static str,
    /// Urgent help: you can go on afterwards.
    pub urgent_go_on: &'static str,
    /// Urgent help: continue button.
    pub urgent_continue: &'static str,
    /// What is going on question.
    pub reasons_question: &'static str,
    /// Hint for checkbox questions.
    pub choose_all: &'static str,
    /// Label of the "other" text box.
    pub reason_other_label: &'static str,
    /// Activities question.
    pub activities_question: &'static str,
    /// Barriers question.
    pub barriers_question: &'static str,
    /// Barriers hint.
    pub barriers_hint: &'static str,
    /// Support question.
    pub support_question: &'static str,
    /// Support hint.
    pub support_hint: &'static str,
    /// Goals heading.
    pub goals_question: &'static str,
    /// Goals hint.
    pub goals_hint: &'static str,
    /// Label for goal n: "Goal {n}".
    pub goal_n: &'static str,
    /// Add another goal button.
    pub add_goal: &'static str,
    /// Remove goal button, with hidden "goal {n}".
    pub remove_goal: &'static str,
    /// Who suggested question.
    pub referred_by_question: &'static str,
    /// Optional-question hint.
    pub optional_hint: &'static str,
    /// Name question.
    pub name_question: &'static str,
    /// Name hint.
    pub name_hint: &'static str,
    /// Contact question.
    pub contact_question: &'static str,
    /// Contact method labels: phone, text, email, I'll call you, no contact.
    pub contact_methods: [&'static str; 5],
    /// Contact details heading.
    pub details_title: &'static str,
    /// Phone label.
    pub phone_label: &'static str,
    /// Mobile label (for texts).
    pub mobile_label: &'static str,
    /// Phone hint.
    pub phone_hint: &'static str,
    /// Email label.
    pub email_label: &'static str,
    /// Best times label.
    pub best_times_label: &'static str,
    /// Best times hint.
    pub best_times_hint: &'static str,
    /// About you heading.
    pub about_title: &'static str,
    /// About you intro.
    pub about_intro: &'static str,
    /// Age band question.
    pub age_question: &'static str,
    /// Postcode label.
    pub postcode_label: &'static str,
    /// Postcode hint.
    pub postcode_hint: &'static str,
    /// Access heading.
    pub access_title: &'static str,
    /// Language label.
    pub language_label: &'static str,
    /// Language hint.
    pub language_hint: &'static str,
    /// Access needs label.
    pub access_label: &'static str,
    /// Access needs hint.
    pub access_hint: &'static str,
    /// Baseline question.
    pub baseline_question: &'static str,
    /// Baseline hint, by the number of questions.
    pub baseline_hint: Plural,
    /// Baseline yes.
    pub baseline_yes: &'static str,
    /// Baseline no.
    pub baseline_no: &'static str,
    /// Baseline done text.
    pub baseline_done: &'static str,
    /// Check answers: referral heading.
    pub check_title: &'static str,
    /// Check answers intro.
    pub check_intro: &'static str,
    /// Shown for a skipped optional answer.
    pub not_provided: &'static str,
    /// Save button.
    pub save: &'static str,
    /// Start again link.
    pub start_again: &'static str,
    /// Start again page heading.
    pub start_again_title: &'static str,
    /// Start again warning.
    pub start_again_body: &'static str,
    /// Start again confirm button.
    pub start_again_confirm: &'static str,
    /// Start again cancel link.
    pub start_again_cancel: &'static str,
    /// Confirmation heading.
    pub done_title: &'static str,
    /// Confirmation: "Your reference is".
    pub your_reference: &'static str,
    /// Confirmation: what happens next heading.
    pub next_title: &'static str,
    /// Confirmation: where the answers are, honestly.
    pub next_body: &'static str,
    /// Confirmation: how to get support when the service has a contact.
    pub next_with_contact: &'static str,
    /// Confirmation: how to get support when it has none.
    pub next_without_contact: &'static str,
    /// Link to the full referral.
    pub view_referral: &'static str,
    /// Referral view heading.
    pub view_title: &'static str,
    /// "Made on {date}".
    pub made_on: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Download button.
    pub download: &'static str,
    /// Check-in result: go back to the referral.
    pub back_to_referral: &'static str,
    /// The referral could not be saved: "{why}".
    pub not_saved: &'static str,
    /// The referral could not be deleted to start again: "{why}".
    pub not_discarded: &'static str,
    /// Check answers row keys, by step slug order of questions.
    pub keys: ReferralKeys,
    /// Error messages.
    pub errors: ReferralErrors,
}

/// Short names of each answer, for check your answers and the printed referral.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ReferralKeys {
    /// Safety.
    pub safety: &'static str,
    /// Reasons.
    pub reasons: &'static str,
    /// Activities.
    pub activities: &'static str,
    /// Barriers.
    pub barriers: &'static str,
    /// Support.
    pub support: &'static str,
    /// Goals.
    pub goals: &'static str,
    /// Referred by.
    pub referred_by: &'static str,
    /// Name.
    pub name: &'static str,
    /// Contact method.
    pub contact: &'static str,
    /// Contact details.
    pub details: &'static str,
    /// About you.
    pub about: &'static str,
    /// Language and access.
    pub access: &'static str,
    /// Baseline.
    pub baseline: &'static str,
}

/// Validation messages of the referral journey (GOV.UK style: say what to do).
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ReferralErrors {
    /// Safety unanswered.
    pub safety: &'static str,
    /// No reason ticked.
    pub reasons: &'static str,
    /// Other ticked without words.
    pub other_empty: &'static str,
    /// No activity ticked.
    pub activities: &'static str,
    /// No barrier ticked.
    pub barriers: &'static str,
    /// No support level.
    pub support: &'static str,
    /// No goal.
    pub no_goal: &'static str,
    /// Too long: "This must be {max} characters or fewer".
    pub too_long: &'static str,
    /// No name.
    pub no_name: &'static str,
    /// No contact method.
    pub contact: &'static str,
    /// No phone.
    pub no_phone: &'static str,
    /// Bad phone.
    pub bad_phone: &'static str,
    /// Texts need a mobile.
    pub not_mobile: &'static str,
    /// No email.
    pub no_email: &'static str,
    /// Bad email.
    pub bad_email: &'static str,
    /// Bad postcode district.
    pub bad_postcode: &'static str,
    /// Baseline unanswered.
    pub baseline: &'static str,
    /// Something still needs an answer before saving.
    pub unfinished: &'static str,
}

/// Plain words about the questionnaires: headings people can read (never an instrument's
/// technical name) and the names of what each one measures, by the ids in
/// `domain::instrument`.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct InstrumentMessages {
    /// Heading of the MHC-SF's questions.
    pub mhc_sf: &'static str,
    /// Heading of the ONS4 questions.
    pub ons4: &'static str,
    /// Heading of the UCLA-3 questions.
    pub ucla3: &'static str,
    /// The MHC-SF's parts: emotional, social, psychological well-being, in plain words.
    pub mhc_sf_parts: [&'static str; 3],
    /// The 13 MHC-SF dimensions (seed 000, Table I) in the instrument's order.
    pub mhc_sf_dimensions: [&'static str; 13],
    /// The four ONS4 measures: life satisfaction, worthwhile, happiness, anxiety.
    pub ons4_measures: [&'static str; 4],
    /// What UCLA-3 measures.
    pub loneliness: &'static str,
}

impl InstrumentMessages {
    /// The plain heading of an instrument's questions, by the instrument's id; its own id for
    /// one this build has no words for.
    pub fn heading<'a>(&self, instrument_id: &'a str) -> &'a str {
        match instrument_id {
            "mhc-sf" => self.mhc_sf,
            "ons4" => self.ons4,
            "ucla3" => self.ucla3,
            other => other,
        }
    }

    /// The plain name of what an instrument's dimension `index` measures (an MHC-SF
    /// dimension, an ONS4 measure, loneliness); "" for one this build has no words for.
    pub fn dimension(&self, instrument_id: &str, index: usize) -> &'static str {
        match instrument_id {
            "mhc-sf" => self.mhc_sf_dimensions.get(index),
            "ons4" => self.ons4_measures.get(index),
            "ucla3" => Some(&self.loneliness),
            _ => None,
        }
        .copied()
        .unwrap_or_default()
    }
}

/// The words of the built-in configuration, each list in the order of the ids in
/// `config.rs`. A service that sets its own lists gives its own words, in one language or
/// several.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct DefaultsMessages {
    /// What the service does, for "Before you start".
    pub service_description: &'static str,
    /// The crisis routes' names: life at risk, NHS 111, Samaritans, Shout.
    pub crisis_names: [&'static str; 4],
    /// When to use each crisis route, in the same order.
    pub crisis_descriptions: [&'static str; 4],
    /// "What is going on for you".
    pub reasons: [&'static str; 14],
    /// "What might you like to do": the six categories and "not sure yet".
    pub activities: [&'static str; 7],
    /// Examples under the six activity categories.
    pub activity_hints: [&'static str; 6],
    /// "What might make it hard to go".
    pub barriers: [&'static str; 8],
    /// Example under "Getting there".
    pub getting_there_hint: &'static str,
    /// "How much support would you like", least first.
    pub support_levels: [&'static str; 4],
    /// "Who suggested getting in touch".
    pub referrers: [&'static str; 7],
    /// "How old are you".
    pub age_bands: [&'static str; 8],
}

/// The words of "Your progress" once a person has more check-ins than it shows at first.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ProgressMessages {
    /// Above the chart while it and its table show only the newest check-ins, by how many
    /// they show: "The chart and the table below show your last {n} check-ins."
    pub showing_latest: Plural,
    /// The button under the scores table that shows every check-in: "Show all {n} check-ins".
    pub show_all_check_ins: Plural,
    /// The button under a table of dates (journey steps, activities) that shows every row:
    /// "Show all {n} dates".
    pub show_all_dates: Plural,
}

/// The words about sending to the service: the page that asks first, where each thing stands,
/// and every other place that would otherwise say that nothing is sent. `{service}` is the
/// service's name throughout.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct SendMessages {
    /// Consent page heading.
    pub title: &'static str,
    /// Consent page: it is saved and not sent yet.
    pub saved: &'static str,
    /// Heading of what will be sent.
    pub what_title: &'static str,
    /// Before the list of what will be sent.
    pub what_intro: &'static str,
    /// "The name you gave: {value}".
    pub name: &'static str,
    /// "How to contact you: {value}".
    pub contact: &'static str,
    /// "When is best to contact you: {value}".
    pub best_times: &'static str,
    /// "Your age: {value}".
    pub age_band: &'static str,
    /// "The first part of your postcode: {value}".
    pub postcode: &'static str,
    /// "The language you would like to use: {value}".
    pub language: &'static str,
    /// "What would make things easier for you: {value}".
    pub access: &'static str,
    /// The safety answer: "{value}" is yes or no.
    pub safety: &'static str,
    /// The answers to the choice questions.
    pub answers: &'static str,
    /// The goals: {n}.
    pub goals: Plural,
    /// The check-ins: {n}, with {answers} answers.
    pub checkins: Plural,
    /// That a volunteer helped.
    pub assisted: &'static str,
    /// The reference, date and app version: {reference}.
    pub reference: &'static str,
    /// The date and app version, for check-ins.
    pub made: &'static str,
    /// Where it goes: {host}.
    pub where_to: &'static str,
    /// Heading: what happens next.
    pub next_title: &'static str,
    /// What happens after sending, honestly.
    pub next: &'static str,
    /// Offline is normal.
    pub offline_normal: &'static str,
    /// The check-ins question.
    pub share_question: &'static str,
    /// Hint when the first check-in would go with the request.
    pub share_hint_first: &'static str,
    /// Hint when there is no first check-in.
    pub share_hint: &'static str,
    /// Hint when sharing is on now, for another request.
    pub share_hint_now_on: &'static str,
    /// Answer: share.
    pub share_yes: &'static str,
    /// Answer: do not share.
    pub share_no: &'static str,
    /// Error: the check-ins question unanswered.
    pub share_error: &'static str,
    /// Send button.
    pub send: &'static str,
    /// Keep button.
    pub keep: &'static str,
    /// Queuing failed: {why}.
    pub not_queued: &'static str,
    /// The request was already sent or is on its way.
    pub already: &'static str,
    /// Link from there to the confirmation.
    pub see_status: &'static str,

    /// Status: waiting.
    pub waiting: &'static str,
    /// Status: offline.
    pub offline: &'static str,
    /// After a problem: it will try again.
    pub will_retry: &'static str,
    /// Why the last attempt did not get through: timed out, connection lost, busy, service
    /// error, not the service's reply.
    pub problems: [&'static str; 5],
    /// Could not be written on this device.
    pub unsaved: &'static str,
    /// "Sent to {service} on {date}."
    pub sent: &'static str,
    /// Heading of a refusal.
    pub rejected_title: &'static str,
    /// Why, in words: refused, not allowed, no such address, conflict, too large,
    /// unsupported, redirected, other.
    pub rejections: [&'static str; 8],
    /// After a refusal: it is kept, what to do.
    pub rejected_kept: &'static str,
    /// Try again button.
    pub try_again: &'static str,
    /// Download instead button.
    pub download_instead: &'static str,
    /// What download instead does.
    pub download_hint: &'static str,
    /// Kept on the device only.
    pub kept: &'static str,
    /// Link to the consent page: "Send it to {service}".
    pub send_it: &'static str,
    /// A check-in not shared.
    pub checkin_not_shared: &'static str,
    /// Where to change that.
    pub checkin_can_share: &'static str,
    /// A covered check-in not queued yet.
    pub checkin_not_yet: &'static str,
    /// Button to queue it.
    pub send_now: &'static str,

    /// Confirmation, waiting: what happens next.
    pub next_waiting: &'static str,
    /// Confirmation, sent: what happens next.
    pub next_sent: &'static str,
    /// Confirmation, kept on the device: what to do.
    pub next_kept: &'static str,

    /// Home: "{n} waiting to send to {service}".
    pub home_waiting: Plural,
    /// Home: "{n} could not be sent".
    pub home_refused: Plural,
    /// Home: link to the list.
    pub home_see: &'static str,

    /// List page heading.
    pub list_title: &'static str,
    /// List page intro.
    pub list_intro: &'static str,
    /// Nothing waits.
    pub list_none: &'static str,
    /// A request: "{reference}".
    pub list_referral: &'static str,
    /// Check-ins: {n}, {date}.
    pub list_checkins: Plural,

    /// Your data: section heading.
    pub data_title: &'static str,
    /// Your data: sharing on.
    pub sharing_on: &'static str,
    /// Your data: sharing off.
    pub sharing_off: &'static str,
    /// Stop button.
    pub stop_sharing: &'static str,
    /// Start button.
    pub start_sharing: &'static str,
    /// Under the start button.
    pub start_sharing_hint: &'static str,
    /// No request sent yet.
    pub no_request_yet: &'static str,
    /// Your data's introduction when sending is set up.
    pub data_intro: &'static str,
    /// The choice could not be saved: {why}.
    pub change_failed: &'static str,

    /// Delete page: what has not reached the service: {n}.
    pub undelivered_question: Plural,
    /// Answer: send it.
    pub undelivered_send: &'static str,
    /// Answer: drop it.
    pub undelivered_drop: &'static str,
    /// Error: unanswered.
    pub undelivered_error: &'static str,
    /// After deleting, while something still waits.
    pub deleted_still_sending: &'static str,

    /// The footer line when sending is set up.
    pub footer: &'static str,
    /// "Before you start" when sending is set up.
    pub start_privacy: &'static str,
    /// Urgent help: the app tells no one (no sending set up).
    pub urgent_not_told: &'static str,
    /// Urgent help: the app tells no one now (sending set up).
    pub urgent_not_told_sending: &'static str,
}

/// Words that depend on a number, in the plural categories of the Unicode CLDR: English uses
/// `one` and `other`, Welsh and Arabic all six. A category a language does not need falls
/// back to `other`; a native test checks each language fills the ones it needs.
#[derive(Debug, Clone, Copy)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Plural {
    /// For 0 in languages that say it apart (Welsh, Arabic).
    pub zero: Option<&'static str>,
    /// For 1, and what the language groups with it.
    pub one: Option<&'static str>,
    /// For 2 in languages that say it apart.
    pub two: Option<&'static str>,
    /// For the "few" numbers of languages that have them.
    pub few: Option<&'static str>,
    /// For the "many" numbers of languages that have them.
    pub many: Option<&'static str>,
    /// For every other number.
    pub other: &'static str,
}

/// A plural category of the Unicode CLDR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Plural {
    /// The words for every number, before the language's other forms are added.
    pub const fn other(other: &'static str) -> Self {
        Self {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other,
        }
    }

    /// English: one form for 1, another for every other number.
    pub const fn one_other(one: &'static str, other: &'static str) -> Self {
        Self {
            one: Some(one),
            ..Self::other(other)
        }
    }

    /// A language with all six forms (Welsh, Arabic), in CLDR order.
    pub const fn six(
        zero: &'static str,
        one: &'static str,
        two: &'static str,
        few: &'static str,
        many: &'static str,
        other: &'static str,
    ) -> Self {
        Self {
            zero: Some(zero),
            one: Some(one),
            two: Some(two),
            few: Some(few),
            many: Some(many),
            other,
        }
    }

    /// The words for `n` in language `lang`, with `{n}` filled in.
    pub fn of(&self, lang: &str, n: u64) -> String {
        let words = match plural_category(lang, n) {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => None,
        };
        fill(words.unwrap_or(self.other), &[("n", &n.to_string())])
    }
}

/// The plural category of `n` in language `lang`, by the browser's own CLDR rules.
#[cfg(target_arch = "wasm32")]
pub fn plural_category(lang: &str, n: u64) -> PluralCategory {
    use std::cell::RefCell;
    thread_local! {
        // The rules of the language last asked about: the browser is slow to build them, and a
        // page asks again and again in the same language.
        static RULES: RefCell<Option<(String, js_sys::Intl::PluralRules)>> =
            const { RefCell::new(None) };
    }
    let category = RULES.with_borrow_mut(|cached| {
        if cached.as_ref().is_none_or(|(l, _)| l != lang) {
            let locales = js_sys::Array::of1(&lang.into());
            let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
            *cached = Some((lang.to_owned(), rules));
        }
        cached
            .as_ref()
            .map(|(_, rules)| String::from(rules.select(n as f64)))
            .unwrap_or_default()
    });
    match category.as_str() {
        "zero" => PluralCategory::Zero,
        "one" => PluralCategory::One,
        "two" => PluralCategory::Two,
        "few" => PluralCategory::Few,
        "many" => PluralCategory::Many,
        _ => PluralCategory::Other,
    }
}

/// The plural category of `n` outside the browser (native tests), where there is no CLDR
/// data: the CLDR rules for whole numbers in the three built-in languages, written out.
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(lang: &str, n: u64) -> PluralCategory {
    use PluralCategory::*;
    match lang.split('-').next().unwrap_or_default() {
        "cy" => match n {
            0 => Zero,
            1 => One,
            2 => Two,
            3 => Few,
            6 => Many,
            _ => Other,
        },
        "ar" => match (n, n % 100) {
            (0, _) => Zero,
            (1, _) => One,
            (2, _) => Two,
            (_, 3..=10) => Few,
            (_, 11..=99) => Many,
            _ => Other,
        },
        _ if n == 1 => One,
        _ => Other,
    }
}

impl Messages {
    /// The words for a count, by this language's plural rules.
    pub fn count(&self, words: &Plural, n: u64) -> String {
        words.of(self.lang, n)
    }

    /// Every failure a person may be told about, in words: the one table from errors to the
    /// catalogue. Each is a short clause for a message such as [`Messages::download_failed`].
    pub fn explain(&self, error: &AppError) -> String {
        match error {
            AppError::Storage(s) => match s {
                StorageError::Unavailable => self.errors.storage_unavailable.into(),
                StorageError::Full => self.errors.storage_full.into(),
                StorageError::Encode(_) => self.errors.storage_encode.into(),
                StorageError::Other(why) => fill(self.errors.storage_other, &[("why", why)]),
            },
            AppError::Draft(d) => match d {
                DraftError::NoSuchQuestion(_) => self.errors.no_such_question.into(),
                DraftError::Answer(_) => self.errors.not_an_answer.into(),
                DraftError::UnknownInstrument => self.errors.unknown_instrument.into(),
                DraftError::Unanswered(n) => fill(self.errors.unanswered, &[("n", &n.to_string())]),
            },
            AppError::FollowUp(f) => match f {
                FollowUpError::EmptySomethingElse => self.something_else_empty.into(),
                FollowUpError::EmptyGoal => self.errors.goal_empty.into(),
                FollowUpError::NothingChosen => self.errors.no_activity.into(),
            },
            AppError::Import(i) => match i {
                ImportError::Empty => self.errors.import_empty.into(),
                ImportError::NotJson(why) => fill(self.errors.import_not_json, &[("why", why)]),
                ImportError::NotAnExport => self.errors.import_not_an_export.into(),
                ImportError::NewerVersion { found } => {
                    fill(self.errors.import_newer, &[("found", found)])
                }
                ImportError::Damaged(why) => fill(self.errors.import_damaged, &[("why", why)]),
                ImportError::TooBig { bytes, max } => fill(
                    self.errors.import_too_big,
                    &[
                        ("size", &megabytes_rounded_up(*bytes).to_string()),
                        ("max", &megabytes_rounded_up(*max).to_string()),
                    ],
                ),
                ImportError::TooMany { found, max, .. } => fill(
                    self.errors.import_too_many,
                    &[("found", &found.to_string()), ("max", &max.to_string())],
                ),
            },
            AppError::Browser(BrowserError::Download(_)) => self.errors.download.into(),
            AppError::Browser(BrowserError::ReadFile(_)) => self.errors.read_file.into(),
            AppError::Calendar(_) => self.errors.calendar.into(),
            AppError::Submission(BuildError::MissingId) => self.errors.submission_no_id.into(),
            AppError::Submission(BuildError::Nothing) => self.errors.submission_empty.into(),
        }
    }

    /// Why an attempt to send did not get through, in words (with `{service}` to fill).
    pub fn send_problem(&self, p: SendProblem) -> &'static str {
        let i = match p {
            SendProblem::Offline => return self.send.offline,
            SendProblem::TimedOut => 0,
            SendProblem::ConnectionLost => 1,
            SendProblem::ServiceBusy => 2,
            SendProblem::ServiceError => 3,
            SendProblem::UnreadableReply => 4,
        };
        self.send.problems[i]
    }

    /// Why the service refused a submission, in words (with `{service}` to fill).
    pub fn rejection(&self, r: Rejection) -> &'static str {
        let i = match r {
            Rejection::Refused => 0,
            Rejection::NotAllowed => 1,
            Rejection::NoSuchAddress => 2,
            Rejection::Conflict => 3,
            Rejection::TooLarge => 4,
            Rejection::Unsupported => 5,
            Rejection::Redirected => 6,
            Rejection::Other | Rejection::Unknown => 7,
        };
        self.send.rejections[i]
    }

    /// A problem with an answer in the referral, in words.
    pub fn problem(&self, p: Problem) -> String {
        match p {
            Problem::NothingChosen(step) => match step {
                Step::Safety => self.referral.errors.safety,
                Step::Reasons => self.referral.errors.reasons,
                Step::Activities => self.referral.errors.activities,
                Step::Barriers => self.referral.errors.barriers,
                Step::Support => self.referral.errors.support,
                Step::Contact => self.referral.errors.contact,
                Step::Baseline => self.referral.errors.baseline,
                _ => self.referral.errors.unfinished,
            }
            .into(),
            Problem::OtherEmpty => self.referral.errors.other_empty.into(),
            Problem::TooLong { max, .. } => {
                fill(self.referral.errors.too_long, &[("max", &max.to_string())])
            }
            Problem::NoGoal => self.referral.errors.no_goal.into(),
            Problem::NoName => self.referral.errors.no_name.into(),
            Problem::NoPhone => self.referral.errors.no_phone.into(),
            Problem::BadPhone => self.referral.errors.bad_phone.into(),
            Problem::NotMobile => self.referral.errors.not_mobile.into(),
            Problem::NoEmail => self.referral.errors.no_email.into(),
            Problem::BadEmail => self.referral.errors.bad_email.into(),
            Problem::BadPostcode => self.referral.errors.bad_postcode.into(),
        }
    }

    /// The short name of a referral step's answer, as check your answers lists it.
    pub fn referral_key(&self, step: Step) -> &'static str {
        match step {
            Step::Safety => self.referral.keys.safety,
            Step::Reasons => self.referral.keys.reasons,
            Step::Activities => self.referral.keys.activities,
            Step::Barriers => self.referral.keys.barriers,
            Step::Support => self.referral.keys.support,
            Step::Goals => self.referral.keys.goals,
            Step::ReferredBy => self.referral.keys.referred_by,
            Step::Name => self.referral.keys.name,
            Step::Contact => self.referral.keys.contact,
            Step::ContactDetails => self.referral.keys.details,
            Step::AboutYou => self.referral.keys.about,
            Step::Access => self.referral.keys.access,
            Step::Baseline => self.referral.keys.baseline,
            Step::Start | Step::UrgentHelp | Step::Check | Step::Done => "",
        }
    }

    /// The plain name of an ONS band ("high").
    pub fn band_name(&self, band: BandLevel) -> &'static str {
        let i = match band {
            BandLevel::VeryLow => 0,
            BandLevel::Low => 1,
            BandLevel::Medium => 2,
            BandLevel::High => 3,
            BandLevel::VeryHigh => 4,
        };
        self.band_names[i]
    }

    /// Which of the two loneliness bands a UCLA-3 band level is: 0 for the lower scores,
    /// 1 for the higher.
    fn loneliness_index(band: BandLevel) -> usize {
        usize::from(band >= BandLevel::High)
    }

    /// The short name of a UCLA-3 band ("Not often lonely").
    pub fn loneliness_band(&self, band: BandLevel) -> &'static str {
        self.loneliness_bands[Self::loneliness_index(band)]
    }

    /// What a UCLA-3 band means, in kind words that say what the answers suggest. Never a
    /// diagnosis, and never "you said you are lonely": the scale does not ask that.
    pub fn loneliness_meaning(&self, band: BandLevel) -> &'static str {
        self.loneliness_meanings[Self::loneliness_index(band)]
    }

    /// The activities someone went to since last time, in words: the directory's activities
    /// by name, then the service's categories (`label` gives the words of one of its ids),
    /// then their own words.
    pub fn activities_in_words(
        &self,
        label: impl Fn(&str) -> String,
        uptake: &ActivityUptake,
        went_to: &[Visit],
    ) -> String {
        match uptake {
            ActivityUptake::NoneYet => self.none_yet.into(),
            ActivityUptake::Went {
                activity_ids,
                something_else,
            } => went_to
                .iter()
                .map(|v| v.name.clone())
                .chain(activity_ids.iter().map(|id| label(id)))
                .chain(something_else.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// How a goal is going, in words; a status from a newer app shows as it was stored.
    pub fn goal_status<'a>(&self, status: &'a GoalStatus) -> &'a str {
        match GoalStatus::ALL.iter().position(|s| s == status) {
            Some(i) => self.goal_statuses[i],
            None => status.as_str(),
        }
    }

    /// A step of the journey in the person's own voice; a step from a newer app shows as it
    /// was stored.
    pub fn journey_step<'a>(&self, step: &'a JourneyStep) -> &'a str {
        match JourneyStep::ALL.iter().position(|s| s == step) {
            Some(i) => self.journey_steps[i],
            None => step.as_str(),
        }
    }

    /// The kind, plain name of a result category.
    pub fn category_name(&self, c: Category) -> &'static str {
        self.category_names[c as usize]
    }

    /// What a result category means, in plain words and never as a diagnosis.
    pub fn category_meaning(&self, c: Category) -> &'static str {
        self.category_meanings[c as usize]
    }

    /// The line that says the check-in's time frame changes, at the first question of
    /// `instrument_id` when other questions came before it.
    pub fn moving_on(&self, instrument_id: &str) -> Option<&'static str> {
        let i = ["mhc-sf", "ons4", "ucla3"]
            .iter()
            .position(|id| *id == instrument_id)?;
        self.moving_on.get(i).copied()
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

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}
