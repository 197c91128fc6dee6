//! The interface's words, in one typed catalogue.
//!
//! Every string a person reads (apart from an instrument's pinned wording, which lives with the
//! instrument) is a field here. A new language is a new `static` of this type: the compiler
//! then refuses to build until every field is translated, and no page changes. Placeholders are
//! written `{name}` and filled by [`fill`].

use chrono::{Datelike, NaiveDate};

use crate::browser::BrowserError;
use crate::config::{Choice, ServiceConfig};
use crate::domain::checkin::{ActivityUptake, DraftError, FollowUpError};
use crate::domain::directory::Visit;
use crate::domain::export::{megabytes_rounded_up, ImportError};
use crate::domain::instrument::{BandLevel, Category};
use crate::domain::outbox::{Problem as SendProblem, Rejection};
use crate::domain::referral::{Problem, Step};
use crate::domain::submission::BuildError;
use crate::error::AppError;
use crate::storage::StorageError;

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
    /// Home page introduction: "{count}" questions.
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
    /// Kiosk mode and "I'm helping someone".
    pub modes: ModeMessages,
    /// Sending to the service: asking first, and saying honestly where things stand.
    pub send: SendMessages,
    /// "Things to try": the service's activity directory.
    pub directory: DirectoryMessages,
    /// Footer link to "Your data".
    pub your_data: &'static str,
    /// Notice: another tab changed the data.
    pub changed_elsewhere: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// Date pattern: placeholders {day}, {month}, {year}.
    pub date_pattern: &'static str,
    /// Error when a 0 to 10 question is left unanswered.
    pub choose_a_number: &'static str,
    /// Error when a question with worded answers (not "how often") is left unanswered.
    pub choose_an_option: &'static str,
    /// Hint under a 0 to 10 question: placeholders {low} and {high}.
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
    /// Heading of the journey step question.
    pub step_title: &'static str,
    /// Hint of the journey step question.
    pub step_hint: &'static str,
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
    /// An ONS4 answer: "{score} out of 10 ({band})".
    pub ons_score: &'static str,
    /// Heading of ONS4 results.
    pub ons4_title: &'static str,
    /// Heading of the loneliness result.
    pub loneliness_title: &'static str,
    /// What a loneliness total means: hardly ever (3), some of the time (4 to 6), often (7 to 9).
    pub loneliness_meanings: [&'static str; 3],
    /// Home: "Your next check-in is on {date}."
    pub next_check_in_on: &'static str,
    /// Home: a check-in is due.
    pub due_now_title: &'static str,
    /// Home: what doing it now means.
    pub due_now_body: &'static str,
    /// A due date that is the 10-week or 6-month pathway point.
    pub pathway_notes: [&'static str; 2],
    /// Snooze button: "Remind me in {days} days".
    pub snooze: &'static str,
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
    /// Calendar hint: "{count}" dates.
    pub calendar_hint: &'static str,
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
    /// Chart description: {count}, {from}, {to}, {first}, {last}.
    pub chart_desc: &'static str,
    /// Heading of the chart's key.
    pub key: &'static str,
    /// Caption of the scores table.
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
    /// "Step {n} of 5".
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
    /// "{kb} KB".
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
    /// Download CSV button.
    pub download_csv: &'static str,
    /// Import heading.
    pub import_title: &'static str,
    /// Import label.
    pub import_label: &'static str,
    /// Import hint.
    pub import_hint: &'static str,
    /// Import result: "{added} check-ins added, {same} already here, {referrals} requests for support added."
    pub import_done: &'static str,
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
    /// "{n} check-ins".
    pub delete_checkins: &'static str,
    /// "{n} requests for support".
    pub delete_referrals: &'static str,
    /// "{n} things in progress".
    pub delete_in_progress: &'static str,
    /// "{n} pieces of information that could not be read".
    pub delete_set_aside: &'static str,
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
/// could not be brought in: …".
#[derive(Debug)]
pub struct ErrorMessages {
    /// Storage blocked (private mode, settings).
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
    /// Baseline hint.
    pub baseline_hint: &'static str,
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
    /// Confirmation: honest next steps.
    pub next_body: &'static str,
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
    /// Too long: "{field} must be {max} characters or fewer".
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

/// The words about sending to the service: the page that asks first, where each thing stands,
/// and every other place that would otherwise say that nothing is sent. `{service}` is the
/// service's name throughout.
#[derive(Debug)]
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
/// `one` and `other`, Welsh all six, Arabic all six. Only `other` is required; a category a
/// language does not fill falls back to it.
#[derive(Debug, Clone, Copy)]
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
    let locales = js_sys::Array::of1(&lang.into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    match String::from(rules.select(n as f64)).as_str() {
        "zero" => PluralCategory::Zero,
        "one" => PluralCategory::One,
        "two" => PluralCategory::Two,
        "few" => PluralCategory::Few,
        "many" => PluralCategory::Many,
        _ => PluralCategory::Other,
    }
}

/// The plural category of `n`. Outside the browser (native tests) there is no CLDR data, so
/// this knows English only.
#[cfg(not(target_arch = "wasm32"))]
pub fn plural_category(_lang: &str, n: u64) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
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

    /// What a UCLA-3 total (3 to 9) means in kind words: hardly ever lonely at 3, some of
    /// the time from 4 to 6, often from 7. Never a diagnosis.
    pub fn loneliness_meaning(&self, total: u32) -> &'static str {
        match total {
            0..=3 => self.loneliness_meanings[0],
            4..=6 => self.loneliness_meanings[1],
            _ => self.loneliness_meanings[2],
        }
    }

    /// The activities someone went to since last time, in words: the directory's activities
    /// by name, then the service's categories, then their own words.
    pub fn activities_in_words(
        &self,
        categories: &[Choice],
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
                .chain(
                    activity_ids
                        .iter()
                        .map(|id| ServiceConfig::label(categories, id).to_owned()),
                )
                .chain(something_else.clone())
                .collect::<Vec<_>>()
                .join(", "),
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
    home_intro: "A check-in is {count} short questions about how you have been feeling. It takes about 5 minutes. You can stop at any time and carry on later.",
    start_check_in: "Start a check-in",
    continue_check_in: "Carry on with your check-in",
    answered_of: "{answered} of {total} questions answered",
    last_result: "Your last check-in",
    last_checked_in_on: "Your last check-in was on {date}.",
    see_past_check_ins: "See all your check-ins",
    no_check_ins_yet: "You have not done a check-in yet.",

    question_n_of: "Question {n} of {total}",
    choose_an_answer: "Choose how often you felt this",

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
    or: "or",
    characters_limit: Plural {
        one: Some("You can enter up to {n} character"),
        ..Plural::other("You can enter up to {n} characters")
    },
    characters_left: Plural {
        one: Some("You have {n} character remaining"),
        ..Plural::other("You have {n} characters remaining")
    },
    characters_too_many: Plural {
        one: Some("You have {n} character too many"),
        ..Plural::other("You have {n} characters too many")
    },
    load_failed_title: "Your saved information could not be opened",
    load_failed_body: "Nothing has been deleted. The browser may be blocking storage, for example in private mode. Try closing other tabs of this app, or reloading the page.",
    download_failed: "Sorry, the file could not be downloaded: {why}.",
    check_in_not_saved: "Your check-in could not be saved: {why}.",
    errors: ErrorMessages {
        storage_unavailable: "this browser is not letting the app save anything",
        storage_full: "the storage on this device is full",
        storage_encode: "the information could not be prepared for saving",
        storage_other: "the browser could not save ({why})",
        no_such_question: "there is no question with that number",
        not_an_answer: "that is not one of the answers to this question",
        unknown_instrument: "this check-in uses a questionnaire this app does not know",
        unanswered: "question {n} has not been answered",
        goal_empty: "write your goal in a few words",
        no_activity: "choose at least one activity, or None yet",
        import_empty: "the file is empty",
        import_not_json: "this is not a Flourish export: it could not be read ({why})",
        import_not_an_export: "this is not a Flourish export",
        import_newer: "this file was made by a newer version of Flourish (export version {found}); update the app to bring it in",
        import_damaged: "this Flourish export is damaged ({why})",
        import_too_big: "the file is {size} MB, and a Flourish export is at most {max} MB",
        import_too_many: "the file holds {found} records of one kind, and a Flourish export holds at most {max}",
        download: "the browser did not let the app offer the file",
        read_file: "the file could not be read",
        calendar: "the dates could not be put in a calendar",
        submission_no_id: "it could not be found on this device",
        submission_empty: "there was nothing to send",
    },
    your_data: "Your data",
    changed_elsewhere: "This page was updated with changes made in another tab or window.",
    loading: LoadingMessages {
        page: "Loading this page…",
        failed_title: "This page could not be loaded",
        failed_body: "The connection may have dropped. Everything you have saved is still on this device.",
        try_again: "Try again",
    },
    data: DataMessages {
        title: "Your data",
        intro: "Everything you save in this app is kept on this device, in this browser. Nothing is sent anywhere.",
        what_title: "What is stored",
        checkins: "Check-ins",
        referrals: "Requests for support",
        in_progress: "Things you have started",
        set_aside: "Information that could not be read",
        space: "Space used",
        kb: "{kb} KB",
        persisted_yes: "Your browser has agreed to keep this data, even if the device runs low on space.",
        persisted_no: "Your browser has not agreed to keep this data for sure. It may clear it if the device runs low on space, so download a copy now and then.",
        persisted_unknown: "Your browser cannot say whether it will keep this data. Download a copy now and then.",
        download_title: "Keep a copy",
        download_body: "Download everything as one file. You can bring it back into this app on this or another device.",
        download_all: "Download everything (JSON file)",
        download_csv: "Download check-in scores (CSV file, for a spreadsheet)",
        import_title: "Bring in a copy",
        import_label: "Choose a file you downloaded from this app",
        import_hint: "Nothing here is deleted. Anything already here is kept, and nothing is added twice.",
        import_done: "Done. {added} check-ins added, {same} already here. {referrals} requests for support added.",
        import_kept_aside: "Some parts could not be used, so they were kept aside: you can download them.",
        import_failed: "The file could not be brought in: {why}",
        delete_title: "Delete everything",
        delete_body: "Remove all of your information from this device. Download a copy first if you may want it.",
        delete_button: "Delete everything",
        delete_confirm_title: "Are you sure you want to delete everything?",
        delete_confirm_body: "This removes from this device:",
        delete_checkins: "{n} check-ins",
        delete_referrals: "{n} requests for support",
        delete_in_progress: "{n} things you have started and not finished",
        delete_set_aside: "{n} pieces of information that could not be read",
        delete_cannot_undo: "You cannot undo this. Anything not downloaded will be gone.",
        delete_confirm: "Yes, delete everything",
        delete_cancel: "No, keep my information",
        deleted_title: "Your information has been deleted",
        deleted_body: "Nothing of yours is kept on this device now.",
        delete_failed: "Not everything could be deleted: {why}. What is left is shown on Your data.",
        not_known: "Not known",
    },
    modes: ModeMessages {
        kiosk_bar: "This screen is shared. Nothing you enter is kept on it.",
        helping_shared_bar: "You are helping someone. Nothing they enter is kept on this device.",
        helping_own_bar: "You are helping someone on their own device. Their answers stay on it and will say a volunteer helped.",
        finish_and_clear: "Finish and clear",
        start_fresh: "Start fresh for the next person",
        stop_helping: "Stop helping",
        switch_title: "Helping someone else?",
        switch_body: "If you are a volunteer helping someone use {service}, switch to helping mode first. Their answers will say that a volunteer helped.",
        switch_button: "I'm helping someone",
        device_question: "Whose phone or tablet is this?",
        device_hint: "This decides whether the person's answers are kept on it.",
        device_their_own: "It belongs to the person I am helping",
        device_their_own_hint: "Their answers will be kept on it for them, as if they used it on their own.",
        device_shared: "It is mine, or other people use it too",
        device_shared_hint: "Nothing will be kept on it. At the end, they can take a copy, then you start fresh for the next person.",
        device_error: "Choose whose phone or tablet this is",
        with_volunteer: "Completed with help from a volunteer",
        help_key: "Help",
        volunteer_safety_title: "If you are the volunteer",
        volunteer_safety_steps: [
            "Stay with the person. Do not leave them on their own.",
            "If their life is in danger now, call 999.",
            "Help them call one of the numbers above if they want to. You can call with them.",
            "Ask if there is someone they trust who you can call for them.",
            "When they are safe, tell the service today, or the person who looks after volunteers.",
        ],
        start_title: "What would you like to do?",
        start_support_title: "Ask for support",
        start_support_body: "Tell us what is going on and what might help. It takes about 10 minutes.",
        start_check_in_title: "Check in on how you are doing",
        start_kiosk_privacy: "This screen is shared, so nothing you enter is kept on it. When you finish, or if you leave it for {minutes} minutes, it is all cleared. At the end you can take your answers with you on your phone or on paper.",
        start_helping_privacy: "Nothing entered is kept on this device. At the end, the person can take their answers with them on their phone or on paper. If it is left for {minutes} minutes, it is all cleared.",
        start_privacy_shared: "Your answers are kept on this screen only while you use it. Nothing is sent to anyone. At the end you can take them with you on your phone or on paper.",
        not_kept_on_device: "Nothing you enter is kept on this device. It is all cleared when you finish.",
        start_privacy_shared_sending: "Your answers are kept on this screen only while you use it. Nothing is sent while you answer. At the end you choose whether to send them to {service}. You can also take them with you on your phone or on paper.",
        not_kept_on_device_sending: "Nothing you enter is kept on this device after you finish. Only what you choose to send to {service} waits here, out of sight, until it has gone.",
        idle_title: "Are you still there?",
        idle_body: "If you do nothing, this screen will be cleared in {seconds} seconds and your answers deleted, so that the next person cannot see them.",
        idle_seconds_left: Plural {
            one: Some("{n} second left"),
            ..Plural::other("{n} seconds left")
        },
        keep_going: "Keep going",
        finish_title: "Finish and clear the screen?",
        start_fresh_title: "Start fresh for the next person?",
        stop_title: "Stop helping?",
        finish_body: "Everything entered on this screen will be deleted, so that the next person cannot see it.",
        finish_copy_first: "If you want a copy of your answers, take it before you clear the screen. You cannot get them back afterwards.",
        finish_confirm: "Yes, clear everything",
        stop_confirm: "Yes, clear everything and stop helping",
        finish_cancel: "No, go back",
        not_here_title: "This is not kept on this device",
        not_here_body: "This device is shared, so nothing is kept on it once someone finishes. Check-ins and requests for support are kept on your own phone, if you took them with you.",
        done_title: "Your request for support is ready",
        done_body: "It is on this screen only until you finish. To keep it, take a copy now. Then give it to the service, or show them your reference.",
        take_title: "Take your copy",
        take_phone_title: "On your phone",
        take_phone_body: "Open the camera on your phone and point it at this code. Your phone will open the app and ask if you want to keep your answers on it.",
        take_phone_private: "Your answers are inside the code. They are not sent over the internet.",
        take_paper_title: "On paper",
        print: "Print your answers",
        qr_label: "A QR code with your answers, to scan with your phone",
        qr_making: "Making the code…",
        qr_too_big: "There is too much to fit in a code. Print your answers instead.",
        kiosk_end_title: "When you have finished",
        kiosk_end_body: "Clear the screen so that the next person cannot see your answers. Take your copy first.",
        hand_back_title: "Give the device back",
        hand_back_body: "When the person has their copy, give the device back to the volunteer. The volunteer then starts fresh for the next person.",
        take_in_title: "Keep these answers on this phone?",
        take_in_intro: "This is what the code holds. Nothing is kept on this phone unless you say yes.",
        take_in_yes: "Yes, keep them on this phone",
        take_in_no: "No, do not keep them",
        take_in_reading: "Reading the code…",
        take_in_failed_title: "We could not read this code",
        take_in_failed_next: "Try scanning the code again, or print your answers instead.",
        take_in_kept: "Your answers are now kept on this phone",
        take_in_already: "These answers are already on this phone",
        take_in_not_kept: "Your answers could not be kept on this phone: {why}.",
        take_in_shared_title: "Open this on your own phone",
        take_in_shared_body: "This device is shared, so it does not keep anyone's answers. Scan the code with your own phone's camera instead.",
        carry_not_ours: "This does not look like a code from this app.",
        carry_newer: "The code was made by a newer version of this app. Try again later, when this phone has the new version.",
        carry_damaged: "Part of the code is missing or damaged, perhaps it was not scanned in full.",
        carry_old_browser: "This phone's web browser is too old to read this code. Update it, or print your answers instead.",
    },
    send: SendMessages {
        title: "Send your request to {service}?",
        saved: "Your request for support is saved on this device. It has not been sent to anyone.",
        what_title: "What {service} will get",
        what_intro: "If you send it, this goes to {service}:",
        name: "The name you gave: {value}",
        contact: "How to contact you: {value}",
        best_times: "When is best to contact you: {value}",
        age_band: "Your age: {value}",
        postcode: "The first part of your postcode: {value}",
        language: "The language you would like to use: {value}",
        access: "What would make things easier for you: {value}",
        safety: "Your answer to the question about hurting yourself or ending your life: {value}",
        answers: "Your answers about what is going on, what you might like to do, what might make it hard, the support you would like, and who suggested getting in touch",
        goals: Plural {
            one: Some("What matters to you: your goal, in your words"),
            ..Plural::other("What matters to you: your {n} goals, in your words")
        },
        checkins: Plural {
            one: Some("Your first check-in: your {answers} answers and the scores worked out from them"),
            ..Plural::other("Your {n} check-ins: your {answers} answers and the scores worked out from them")
        },
        assisted: "That a volunteer helped you fill it in",
        reference: "Your reference {reference}, the date and time, and which version of this app you used",
        made: "The date and time, and which version of this app you used",
        where_to: "It goes straight from this device to {service}, at {host}. It goes nowhere else.",
        next_title: "What happens next",
        next: "{service} will read your request and get in touch in the way you chose. This app cannot tell when they will reply. No one watches it in real time. If you need help now, use Get help now.",
        offline_normal: "If you are offline, it waits on this device and goes when you are back online.",
        share_question: "Share your check-ins with {service} too?",
        share_hint_first: "If you say yes, your first check-in goes with your request, and each check-in you save from now on is sent too. You can stop this at any time on Your data.",
        share_hint: "If you say yes, each check-in you save from now on is sent to {service}. You can stop this at any time on Your data.",
        share_hint_now_on: "At the moment your check-ins are shared. If you say no, check-ins you save from now on will not be sent.",
        share_yes: "Yes, share my check-ins",
        share_no: "No, only send my request",
        share_error: "Choose whether to share your check-ins",
        send: "Send to {service}",
        keep: "Keep it on this device only",
        not_queued: "Your request could not be sent: {why}.",
        already: "You have already chosen to send this request.",
        see_status: "See where it is",

        waiting: "Saved on this device, waiting to send to {service}.",
        offline: "You are offline. It will be sent when you are back online.",
        will_retry: "It will try again by itself. You do not need to do anything.",
        problems: [
            "{service} did not answer in time.",
            "This app could not reach {service} just now.",
            "{service} is busy just now.",
            "{service} had a problem of its own.",
            "The answer did not come from {service}. You may need to sign in to the Wi-Fi you are using.",
        ],
        unsaved: "This could not be saved on this device, so keep this page open until it shows as sent.",
        sent: "Sent to {service} on {date}.",
        rejected_title: "{service} could not accept it",
        rejections: [
            "{service} said something in it was not right.",
            "{service} is not letting this app send to it.",
            "The address this app has for {service} is wrong, or has changed.",
            "{service} already holds something that does not match it.",
            "It is too big for {service} to take.",
            "{service} does not take this kind of file.",
            "The address this app has for {service} has moved.",
            "{service} did not say why.",
        ],
        rejected_kept: "It is still saved on this device. Please tell {service} if you can. You can try again later, or download it and give it to them another way.",
        try_again: "Try again",
        download_instead: "Download instead",
        download_hint: "This saves it as a file and stops trying to send it.",
        kept: "You chose to keep it on this device only. It has not been sent to anyone.",
        send_it: "Send it to {service}",
        checkin_not_shared: "This check-in has not been shared with {service}.",
        checkin_can_share: "You can choose to share your check-ins on Your data.",
        checkin_not_yet: "This check-in has not been sent to {service} yet.",
        send_now: "Send it now",

        next_waiting: "When it arrives, {service} can find it with your reference. They will get in touch in the way you chose. This app cannot tell when they will reply, and no one watches it in real time.",
        next_sent: "{service} has your request. They will get in touch in the way you chose. This app cannot tell when they will reply, and no one watches it in real time.",
        next_kept: "To get support, contact {service} and give them your reference, or show them this page, a print-out, or the downloaded file.",

        home_waiting: Plural {
            one: Some("{n} waiting to send to {service}"),
            ..Plural::other("{n} waiting to send to {service}")
        },
        home_refused: Plural {
            one: Some("{n} could not be sent"),
            ..Plural::other("{n} could not be sent")
        },
        home_see: "See what is waiting to send",

        list_title: "Sending to {service}",
        list_intro: "What you chose to send stays on this device until {service} has it. Then it is removed from here.",
        list_none: "Nothing is waiting to send.",
        list_referral: "Your request for support, reference {reference}",
        list_checkins: Plural {
            one: Some("Your check-in of {date}"),
            ..Plural::other("{n} check-ins, the newest of {date}")
        },

        data_title: "Sending to {service}",
        sharing_on: "You share your check-ins with {service}. Each check-in you save is sent to them.",
        sharing_off: "You do not share your check-ins with {service}.",
        stop_sharing: "Stop sharing my check-ins",
        start_sharing: "Share my check-ins from now on",
        start_sharing_hint: "Check-ins you saved before are not sent.",
        no_request_yet: "If you send a request for support to {service}, you can also choose to share your check-ins with them.",
        data_intro: "Everything you save in this app is kept on this device, in this browser. Nothing is sent unless you choose to send it to {service}.",
        change_failed: "Your choice could not be saved: {why}.",

        undelivered_question: Plural {
            one: Some("{n} thing you chose to send has not reached {service} yet. What should happen to it?"),
            ..Plural::other("{n} things you chose to send have not reached {service} yet. What should happen to them?")
        },
        undelivered_send: "Send it, then remove it from this device",
        undelivered_drop: "Delete it too, without sending it",
        undelivered_error: "Choose whether to send what has not been sent yet",
        deleted_still_sending: "What you chose to send stays on this device only until {service} has it. Then it is removed too.",

        footer: "Your answers are kept on this device. Nothing is sent unless you choose to send it.",
        start_privacy: "Your answers are kept on this device as you go. Nothing is sent while you answer. At the end you choose whether to send them to {service} or keep them on this device only. You can also print or download them.",
        urgent_not_told: "This app does not tell anyone about your answer, and no one is watching it. Please call or text one of these now.",
        urgent_not_told_sending: "This app does not alert anyone. If you send your request to {service} at the end, they will read it later, not straight away. Please call or text one of these now.",
    },
    directory: DirectoryMessages {
        title: "Things to try near you",
        intro: "Groups and activities from {service}'s list. Going is up to you: nothing is booked, and nobody is told.",
        loading: "Getting the list of activities…",
        not_configured: "This service has not shared a list of activities.",
        broken: "The list of activities could not be read. Everything else still works.",
        details: "Details for the service",
        not_found: "The file of activities was not found.",
        server_error: "The server answered with error {status}.",
        unreachable: "No answer from the server: {why}",
        timed_out: "The file took too long to arrive. Try again later, on a better connection.",
        not_json: "The file is not JSON (line {line}, column {column}).",
        not_a_list: "The file is not a list of Open Referral UK services.",
        skipped: Plural {
            one: Some("1 activity could not be shown."),
            ..Plural::other("{n} activities could not be shown.")
        },
        skipped_record: "Record {number}{id}: {why}",
        record_problems: [
            "it is not a record",
            "a field has the wrong type",
            "it has no id",
            "it has no name",
            "an earlier record has the same id",
        ],
        incomplete: "This list may not be complete.",
        shown_first: "Shown first:",
        because: "{what}, because you said: {answer}",
        badges: [
            "Things you said you might like",
            "Free",
            "Step-free",
            "Near you",
            "In your area",
            "Someone can meet you",
        ],
        filters_title: "Show only",
        free_only: "Free only",
        step_free_only: "Step-free access",
        meet_only: "Someone can meet you there",
        near_only: "Near {district}",
        day_label: "Day",
        any_day: "Any day",
        kind_label: "Kind of activity",
        any_kind: "Any kind",
        apply: "Show activities",
        count: Plural {
            one: Some("1 activity"),
            ..Plural::other("{n} activities")
        },
        nothing_matches: "Nothing matches these choices. Try turning off a filter.",
        empty: "There is nothing in the list yet.",
        show_more: Plural {
            one: Some("Show 1 more"),
            ..Plural::other("Show {n} more")
        },
        days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        every: "Every {day}",
        every_other: "Every other {day}",
        every_n_weeks: "Every {n} weeks on {day}",
        of_the_month: "The {which} {day} of the month",
        nth: ["first", "second", "third", "fourth", "fifth"],
        nth_last: ["last", "second to last", "third to last", "fourth to last", "fifth to last"],
        month_days: "On these days of the month: {list}",
        opens_to_closes: "{opens} to {closes}",
        from_time: "From {opens}",
        and: "{first} and {last}",
        time_am: "{h}{mm}am",
        time_pm: "{h}{mm}pm",
        midday: "midday",
        facts: ["When", "Where", "Cost", "Getting there", "Contact"],
        online: "Online",
        organised_by: "Organised by {organisation}",
        free: "Free",
        free_for_some: "Free for some people",
        price: "£{amount} {description}",
        ask_about_cost: "Ask about the cost",
        call: "Call {number}",
        email: "Email {address}",
        website: "Website",
        map: "Show on a map (opens OpenStreetMap)",
        ask_for: "Ask for {name}",
        i_went: "I went",
        i_went_hidden: "to {name}",
        you_went_on: "You said you went on {date}.",
        undo: "Undo",
        undo_hidden: "\"I went\" for {name}",
        not_saved: "This could not be saved: {why}",
        you_went_to: "You said you went to:",
        you_went_to_hint: "Untick any you did not go to.",
        went_on_hint: "You said you went on {date}",
        anything_else: "Did you go to anything else?",
        visits_title: "Activities from the list",
        visits_activity: "Activity",
        visits_times: "How many times",
        times: Plural {
            one: Some("Once"),
            ..Plural::other("{n} times")
        },
        visits_last: "Last time",
    },
    referral: ReferralMessages {
        home_title: "Get support",
        home_intro: "Tell the service what is going on for you and what might help. It takes about 10 minutes.",
        start: "Ask for support",
        carry_on: "Carry on asking for support",
        your_referral_of: "Your request for support of {date}",
        start_title: "Get support from {service}",
        start_what: "We will ask about what is going on for you, what you might like to do, and how to contact you. Answer what you can. You can skip the questions marked optional.",
        start_not_emergency_title: "This is not for emergencies",
        start_not_emergency: "No one reads your answers straight away. If you need help now, use Get help now.",
        start_privacy: "Your answers are kept on this device as you go. Nothing is sent to anyone. At the end you can print or download your answers to give to the service.",
        start_time: "It takes about 10 minutes. You can stop and come back later.",
        start_now: "Start now",
        safety_question: "Are you thinking about hurting yourself or ending your life?",
        safety_hint: "We ask everyone this. It helps us make sure you get the right help.",
        yes: "Yes",
        no: "No",
        urgent_title: "Please get help now",
        urgent_lead: "Thank you for telling us. You do not have to wait. These people can help you now, any time of day or night.",
        urgent_go_on: "When you are ready, you can carry on asking for support. Your answers so far are saved.",
        urgent_continue: "Carry on asking for support",
        reasons_question: "What is going on for you at the moment?",
        choose_all: "Choose all that apply.",
        reason_other_label: "Tell us in your own words",
        activities_question: "What might you like to do?",
        barriers_question: "What might make it hard to go?",
        barriers_hint: "Choose all that apply. This helps the service offer the right support.",
        support_question: "How much support would you like?",
        support_hint: "You can change your mind later.",
        goals_question: "What matters to you?",
        goals_hint: "Write one thing you would like to be different in 3 months. Keep it small. For example, \"go to one group\" or \"talk to someone new each week\".",
        goal_n: "Goal {n}",
        add_goal: "Add another goal",
        remove_goal: "Remove",
        referred_by_question: "Who suggested getting in touch? (optional)",
        optional_hint: "You can skip this question.",
        name_question: "What would you like us to call you?",
        name_hint: "Your first name, or any name you like.",
        contact_question: "How would you like the service to contact you?",
        contact_methods: [
            "Phone call",
            "Text message",
            "Email",
            "I will contact the service myself",
            "I do not want to be contacted",
        ],
        details_title: "How can we reach you?",
        phone_label: "Phone number",
        mobile_label: "Mobile phone number",
        phone_hint: "For example, 07700 900 982. You can use +44.",
        email_label: "Email address",
        best_times_label: "When is best to contact you? (optional)",
        best_times_hint: "For example, weekday mornings.",
        about_title: "About you (optional)",
        about_intro: "This helps the service plan. You can skip any of it.",
        age_question: "How old are you?",
        postcode_label: "The first part of your postcode",
        postcode_hint: "For example, CF10 or M1. Not your whole postcode.",
        access_title: "Language and access needs (optional)",
        language_label: "Which language would you like to use?",
        language_hint: "Leave this empty for English.",
        access_label: "Is there anything that would make things easier for you?",
        access_hint: "For example, large print, an interpreter, British Sign Language, or step-free access.",
        baseline_question: "Would you like to do a short well-being check-in now?",
        baseline_hint: "It is 14 questions about how you have felt in the past month. It helps you and the service see how things change. It is up to you.",
        baseline_yes: "Yes, do it now",
        baseline_no: "Not now",
        baseline_done: "You have done your first check-in.",
        check_title: "Check your answers",
        check_intro: "You can change any answer before you save.",
        not_provided: "Not provided",
        save: "Save my request for support",
        start_again: "Start again",
        start_again_title: "Do you want to start again?",
        start_again_body: "This deletes the answers you have given so far on this device. Check-ins you have saved are kept.",
        start_again_confirm: "Yes, delete my answers and start again",
        start_again_cancel: "No, go back to my answers",
        done_title: "Your request for support is saved",
        your_reference: "Your reference is",
        next_title: "What happens next",
        next_body: "Your answers are saved on this device. This app does not send them to anyone. To get support, contact the service and give them your reference, or show them this page, a print-out, or the downloaded file.",
        view_referral: "See all your answers, print or download them",
        view_title: "Your request for support",
        made_on: "Made on {date}",
        print: "Print",
        download: "Download (JSON file)",
        back_to_referral: "Carry on asking for support",
        not_saved: "Your request for support could not be saved: {why}.",
        not_discarded: "Your answers could not be deleted: {why}.",
        keys: ReferralKeys {
            safety: "Thoughts of hurting yourself",
            reasons: "What is going on",
            activities: "What you might like to do",
            barriers: "What might make it hard",
            support: "Support you would like",
            goals: "What matters to you",
            referred_by: "Who suggested getting in touch",
            name: "Name",
            contact: "How to contact you",
            details: "Contact details",
            about: "About you",
            access: "Language and access",
            baseline: "First well-being check-in",
        },
        errors: ReferralErrors {
            safety: "Choose yes or no",
            reasons: "Choose at least one thing that is going on for you",
            other_empty: "Tell us what else is going on, in your own words",
            activities: "Choose at least one thing, or choose I'm not sure yet",
            barriers: "Choose at least one thing, or choose None of these",
            support: "Choose how much support you would like",
            no_goal: "Write at least one thing that matters to you",
            too_long: "This must be {max} characters or fewer",
            no_name: "Enter a name we can call you",
            contact: "Choose how you would like to be contacted",
            no_phone: "Enter a phone number",
            bad_phone: "Enter a UK phone number, like 07700 900 982 or 020 7946 0018",
            not_mobile: "Enter a mobile number for text messages, like 07700 900 982",
            no_email: "Enter an email address",
            bad_email: "Enter an email address in the right format, like name@example.com",
            bad_postcode: "Enter just the first part of a postcode, like CF10 or M1",
            baseline: "Choose whether to do a check-in now",
            unfinished: "Answer this question before you save",
        },
    },
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    date_pattern: "{day} {month} {year}",

    choose_a_number: "Choose a number from 0 to 10",
    choose_an_option: "Choose an answer",
    scale_hint: "0 means “{low}”. 10 means “{high}”.",
    scale_end: "{n} – {label}",
    your_answer_to_question: "your answer to: {question}",
    optional: "Optional",
    can_skip: "You can leave this out. Press Continue to go on.",
    activities_title: "Which activities have you been to since your last check-in?",
    activities_hint: "Choose all that apply.",
    something_else: "Something else",
    something_else_label: "What else did you go to?",
    none_yet: "None yet",
    none_yet_hint: "That is OK. Going for the first time can take a while.",
    something_else_empty: "Say what else you went to, or untick Something else",
    goals_title: "How are your goals going?",
    goals_none_yet: "You have not set a goal here yet.",
    goal_last_time: "Last time: {status}",
    new_goal_label: "Add a goal (optional)",
    new_goal_hint: "One small thing you would like to be different in 3 months. For example, “Go for a walk with someone once a week”.",
    step_title: "Which of these feels most like where you are now?",
    step_hint: "There is no right answer. People move between these, forwards and back.",
    a_few_more_things: "A few more things",
    activities_row: "Activities",
    goals_row: "Goals",
    new_goal_row: "New goal",
    step_row: "Where you are now",
    skipped: "Left out",
    band_names: ["very low", "low", "medium", "high", "very high"],
    ons_score: "{score} out of 10 ({band})",
    ons4_title: "Your well-being, from 0 to 10",
    loneliness_title: "Loneliness",
    loneliness_meanings: [
        "You said you hardly ever feel lonely.",
        "You said you feel lonely some of the time. Many people do. Meeting people, even a little, can help.",
        "You said you often feel lonely. You are not alone in this. It is one of the most common reasons people get in touch, and it can change.",
    ],
    next_check_in_on: "Your next check-in is on {date}.",
    due_now_title: "It is time for a check-in",
    due_now_body: "It takes about 5 minutes. You can do it now, or later.",
    pathway_notes: [
        "This one is 10 weeks after your first check-in. It helps you see what has changed.",
        "This one is 6 months after your first check-in. It helps you see what has changed.",
    ],
    snooze: "Remind me in {days} days",
    not_now: "Not now, things are hard",
    snoozed_until: "We will remind you on {date}.",
    not_now_until: "We will ask again gently on {date}.",
    you_can_still: "You can still do a check-in now if you want to.",
    add_to_calendar: "Add to my calendar",
    calendar_hint: "This saves a file with the dates of your next {count} check-ins. Open it to add them to your calendar.",
    calendar_summary: "{service} check-in",
    calendar_description: "Time for your check-in. Open {service} and answer a few short questions about how you are doing.",
    not_now_title: "That is OK",
    not_now_body: "Things can be hard sometimes. You do not have to do a check-in now. We will ask again gently on {date}.",
    nothing_recorded: "Nothing has been written down about this. Your check-ins are just as they were.",
    care_title: "You do not have to manage on your own",
    care_languishing: "You said you have not often felt good lately.",
    care_drop: "Your score is lower than last time: {from} then, {to} now.",
    care_body: "It might help to talk to someone about how things are. It does not have to be today.",
    talk_to_service: "You can talk to {service}.",
    talk_to_someone: "You can talk to the person who told you about this app, or to your GP.",
    call: "Call {phone}",
    email: "Email {email}",
    if_you_need_help_now: "If you need help now:",
    see_progress: "See your progress",
    progress_title: "Your progress",
    progress_none: "When you have done a check-in, you will see here how things change over time.",
    progress_overall: "How you have been feeling overall",
    chart_title: "Your well-being score over time",
    chart_desc: "A line chart of {count} check-ins from {from} to {to}. Your score went from {first} to {last}, out of 70. The same numbers are in the table below.",
    key: "Key",
    scores_caption: "Your well-being score at each check-in",
    progress_dimensions: "How often you felt each thing",
    progress_dimensions_intro: "Each row is one part of well-being. The number is your latest answer, out of 5 (or out of 10 for positive feelings, which has two questions).",
    part: "Part of well-being",
    now: "Now",
    since_first: "Since your first check-in",
    since_last: "Since your last check-in",
    often_since_first: ["More often than at first", "Less often than at first", "The same as at first"],
    often_since_last: ["More often than last time", "Less often than last time", "The same as last time"],
    score_since_first: ["Up {n} since your first check-in", "Down {n} since your first check-in", "The same as your first check-in"],
    score_since_last: ["Up {n} since last time", "Down {n} since last time", "The same as last time"],
    first_only: "This is your first check-in, so there is nothing to compare yet.",
    progress_goals: "Your goals",
    progress_no_goals: "You have not added any goals yet. You can add one at your next check-in.",
    goal_unnamed: "A goal you set with the service",
    status_on: "{status} on {date}",
    progress_journey: "Where you feel you are",
    step_n: "Step {n} of 5",
    progress_activities: "Activities you went to",
    progress_nothing_yet: "Nothing yet.",
    activities_column: "Activities",
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
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
    fn counts_take_the_plural_the_number_needs() {
        assert_eq!(
            EN.count(&EN.characters_left, 1),
            "You have 1 character remaining"
        );
        assert_eq!(
            EN.count(&EN.characters_left, 2),
            "You have 2 characters remaining"
        );
        assert_eq!(
            EN.count(&EN.characters_left, 0),
            "You have 0 characters remaining"
        );
        assert_eq!(
            EN.count(&EN.characters_too_many, 1),
            "You have 1 character too many"
        );
        assert_eq!(
            EN.count(&EN.characters_limit, 200),
            "You can enter up to 200 characters"
        );
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
            "this is not a Flourish export"
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
    }

    #[test]
    fn loneliness_and_bands_are_kind_words_never_clinical() {
        assert_eq!(EN.loneliness_meaning(3), EN.loneliness_meanings[0]);
        assert_eq!(EN.loneliness_meaning(6), EN.loneliness_meanings[1]);
        assert_eq!(EN.loneliness_meaning(9), EN.loneliness_meanings[2]);
        assert_eq!(EN.band_name(BandLevel::VeryHigh), "very high");
        for text in EN
            .loneliness_meanings
            .iter()
            .chain([EN.care_languishing, EN.care_body].iter())
        {
            for word in [
                "disorder", "diagnos", "illness", "symptom", "patient", "risk",
            ] {
                assert!(!text.to_lowercase().contains(word), "{text} uses {word}");
            }
        }
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
