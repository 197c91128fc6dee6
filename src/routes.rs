//! Every address in the app, and the table that shows a page for each.
//!
//! Pages and links ask [`Route::href`] for an address; nothing else writes one out. The table,
//! [`RouteTable`], takes the pages as plain function slots ([`Pages`]) that the app's root
//! fills, rather than naming the pages here: pages import this module for their links, so if
//! this module imported the pages the two would import each other.

use leptos::prelude::*;

use crate::domain::checkin_journey::CheckInStep;
use crate::domain::referral::Step;
use crate::router::{self, query_value, use_params_map, use_query};

/// The query that marks a page opened from a "Change" link on check your answers.
const FROM_CHECK: (&str, &str) = ("from", "check");
/// The query that marks "Finish and clear" as a volunteer stopping helping.
const STOP_HELPING: (&str, &str) = ("then", "stop-helping");

/// A place in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// The start: check-ins, what is due, asking for support.
    Home,
    /// The crisis routes.
    GetHelp,
    /// A page of the check-in in progress.
    CheckIn(CheckInStep),
    /// A page of the check-in in progress, opened from check your answers to change it.
    CheckInChange(CheckInStep),
    /// After "not now, things are hard".
    NotNow,
    /// One finished check-in, by id.
    CheckInResult(&'a str),
    /// Every finished check-in.
    History,
    /// Change over time.
    Progress,
    /// A page of the referral being filled in.
    Referral(Step),
    /// A page of the referral, opened from check your answers to change it.
    ReferralChange(Step),
    /// "Do you want to start again?" for the referral.
    ReferralStartAgain,
    /// Asking whether to send a finished referral to the service, by id.
    ReferralSend(&'a str),
    /// The confirmation of a finished referral, by id.
    ReferralDone(&'a str),
    /// A finished referral to read, print or download, by id.
    ReferralView(&'a str),
    /// What is stored, and the person's controls over it.
    YourData,
    /// "Delete everything?"
    DeleteData,
    /// After deleting everything.
    DataDeleted,
    /// "I'm helping someone": whose device is this?
    Helping,
    /// "Finish and clear" on a shared device; `true` when a volunteer stops helping.
    Finish(bool),
    /// Bringing answers taken from a shared screen into this device (they follow the `#`).
    Take,
    /// What waits to be sent to the service.
    Sending,
    /// Activities from the service's directory.
    ThingsToTry,
}

impl Route<'_> {
    /// A check-in page, opened from check your answers or not.
    pub fn check_in(step: CheckInStep, from_check: bool) -> Route<'static> {
        if from_check {
            Route::CheckInChange(step)
        } else {
            Route::CheckIn(step)
        }
    }

    /// A referral page, opened from check your answers or not.
    pub fn referral(step: Step, from_check: bool) -> Route<'static> {
        if from_check {
            Route::ReferralChange(step)
        } else {
            Route::Referral(step)
        }
    }

    /// The address to link to.
    pub fn href(self) -> String {
        let change = |path: String| format!("{path}?{}={}", FROM_CHECK.0, FROM_CHECK.1);
        match self {
            Route::Home => "/".into(),
            Route::GetHelp => "/get-help".into(),
            Route::CheckIn(step) => format!("/check-in/{}", step.segment()),
            Route::CheckInChange(CheckInStep::Check) => Route::CheckIn(CheckInStep::Check).href(),
            Route::CheckInChange(step) => change(Route::CheckIn(step).href()),
            Route::NotNow => "/check-in/not-now".into(),
            Route::CheckInResult(id) => format!("/check-ins/{id}"),
            Route::History => "/check-ins".into(),
            Route::Progress => "/progress".into(),
            Route::Referral(step) => format!("/referral/{}", step.slug()),
            Route::ReferralChange(Step::Check) => Route::Referral(Step::Check).href(),
            Route::ReferralChange(step) => change(Route::Referral(step).href()),
            Route::ReferralStartAgain => "/referral/start-again".into(),
            Route::ReferralSend(id) => format!("/referral/send/{id}"),
            Route::ReferralDone(id) => format!("/referral/done/{id}"),
            Route::ReferralView(id) => format!("/referrals/{id}"),
            Route::YourData => "/your-data".into(),
            Route::DeleteData => "/your-data/delete".into(),
            Route::DataDeleted => "/your-data/deleted".into(),
            Route::Helping => "/helping".into(),
            Route::Finish(false) => "/finish".into(),
            Route::Finish(true) => format!("/finish?{}={}", STOP_HELPING.0, STOP_HELPING.1),
            Route::Take => crate::domain::take_away::PATH.into(),
            Route::Sending => "/sending".into(),
            Route::ThingsToTry => "/things-to-try".into(),
        }
    }
}

/// The id of the record the address names, as in `/check-ins/:id` (tracked); empty when
/// the address has none.
pub fn use_record_id() -> Signal<String> {
    let params = use_params_map();
    Signal::derive(move || params.read().get("id").unwrap_or_default())
}

/// Whether the page was opened from a "Change" link on check your answers (tracked).
pub fn use_from_check() -> Signal<bool> {
    use_query_is(FROM_CHECK)
}

/// Whether "Finish and clear" was opened to stop helping (tracked).
pub fn use_stop_helping() -> Signal<bool> {
    use_query_is(STOP_HELPING)
}

/// Whether the page's query says `key=value` (tracked).
fn use_query_is((key, value): (&'static str, &'static str)) -> Signal<bool> {
    let query = use_query();
    Memo::new(move |_| query.with(|q| query_value(q, key) == Some(value))).into()
}

/// A page of the table: a function that builds it.
pub type PageView = fn() -> AnyView;

/// The page for each address, filled in by the app's root.
#[derive(Clone, Copy)]
pub struct Pages {
    /// `/`
    pub home: PageView,
    /// `/get-help`
    pub get_help: PageView,
    /// `/check-in/questions/:n`
    pub question: PageView,
    /// `/check-in/activities`
    pub activities: PageView,
    /// `/check-in/goals`
    pub goals: PageView,
    /// `/check-in/step`
    pub journey_step: PageView,
    /// `/check-in/check`
    pub check_answers: PageView,
    /// `/check-in/not-now`
    pub not_now: PageView,
    /// `/check-ins/:id`
    pub check_in_result: PageView,
    /// `/check-ins`
    pub history: PageView,
    /// `/progress`
    pub progress: PageView,
    /// `/referral/:step`
    pub referral_step: PageView,
    /// `/referral/check`
    pub referral_check: PageView,
    /// `/referral/start-again`
    pub referral_start_again: PageView,
    /// `/referral/send/:id`
    pub referral_send: PageView,
    /// `/referral/done/:id`
    pub referral_done: PageView,
    /// `/referrals/:id`
    pub referral_view: PageView,
    /// `/your-data`
    pub your_data: PageView,
    /// `/your-data/delete`
    pub delete_data: PageView,
    /// `/your-data/deleted`
    pub data_deleted: PageView,
    /// `/helping`
    pub helping: PageView,
    /// `/finish`
    pub finish: PageView,
    /// `/take`
    pub take: PageView,
    /// `/sending`
    pub sending: PageView,
    /// `/things-to-try`
    pub things_to_try: PageView,
    /// Any other address.
    pub not_found: PageView,
}

/// The route table: which page shows at which address. Where two patterns match, a
/// written-out segment wins over a parameter (`/referral/check` over `/referral/:step`).
#[component]
pub fn RouteTable(pages: Pages) -> impl IntoView {
    router::routes(table(&pages), pages.not_found)
}

/// Every pattern with its page.
fn table(pages: &Pages) -> Vec<(&'static str, PageView)> {
    vec![
        ("/", pages.home),
        ("/get-help", pages.get_help),
        ("/check-in/questions/:n", pages.question),
        ("/check-in/activities", pages.activities),
        ("/check-in/goals", pages.goals),
        ("/check-in/step", pages.journey_step),
        ("/check-in/check", pages.check_answers),
        ("/check-in/not-now", pages.not_now),
        ("/check-ins", pages.history),
        ("/check-ins/:id", pages.check_in_result),
        ("/progress", pages.progress),
        ("/referral/start-again", pages.referral_start_again),
        ("/referral/check", pages.referral_check),
        ("/referral/send/:id", pages.referral_send),
        ("/referral/done/:id", pages.referral_done),
        ("/referral/:step", pages.referral_step),
        ("/referrals/:id", pages.referral_view),
        ("/your-data", pages.your_data),
        ("/your-data/delete", pages.delete_data),
        ("/your-data/deleted", pages.data_deleted),
        ("/helping", pages.helping),
        ("/finish", pages.finish),
        (crate::domain::take_away::PATH, pages.take),
        ("/sending", pages.sending),
        ("/things-to-try", pages.things_to_try),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::router::match_path;
    use proptest::prelude::*;

    fn no_page() -> AnyView {
        ().into_any()
    }

    /// The pattern, and the parameters, of the page that `href` shows.
    fn page_for(href: &str) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let p: PageView = no_page;
        let pages = Pages {
            home: p,
            get_help: p,
            question: p,
            activities: p,
            goals: p,
            journey_step: p,
            check_answers: p,
            not_now: p,
            check_in_result: p,
            history: p,
            progress: p,
            referral_step: p,
            referral_check: p,
            referral_start_again: p,
            referral_send: p,
            referral_done: p,
            referral_view: p,
            your_data: p,
            delete_data: p,
            data_deleted: p,
            helping: p,
            finish: p,
            take: p,
            sending: p,
            things_to_try: p,
            not_found: p,
        };
        let patterns: Vec<&'static str> = table(&pages).into_iter().map(|(p, _)| p).collect();
        let path = crate::router::Address::parse(href)?.path;
        let (route, params) = match_path(&patterns, &path)?;
        let names = ["id", "n", "step"];
        let params = names
            .into_iter()
            .filter_map(|name| Some((name, params.get(name)?)))
            .collect();
        Some((patterns[route], params))
    }

    #[test]
    fn every_fixed_address_shows_its_own_page() {
        for (route, pattern) in [
            (Route::Home, "/"),
            (Route::GetHelp, "/get-help"),
            (
                Route::CheckIn(CheckInStep::Activities),
                "/check-in/activities",
            ),
            (Route::CheckIn(CheckInStep::Goals), "/check-in/goals"),
            (Route::CheckIn(CheckInStep::JourneyStep), "/check-in/step"),
            (Route::CheckInChange(CheckInStep::Goals), "/check-in/goals"),
            (Route::CheckIn(CheckInStep::Check), "/check-in/check"),
            (Route::NotNow, "/check-in/not-now"),
            (Route::History, "/check-ins"),
            (Route::Progress, "/progress"),
            (Route::Referral(Step::Check), "/referral/check"),
            (Route::ReferralChange(Step::Check), "/referral/check"),
            (Route::ReferralStartAgain, "/referral/start-again"),
            (Route::YourData, "/your-data"),
            (Route::DeleteData, "/your-data/delete"),
            (Route::DataDeleted, "/your-data/deleted"),
            (Route::Helping, "/helping"),
            (Route::Finish(false), "/finish"),
            (Route::Finish(true), "/finish"),
            (Route::Take, "/take"),
            (Route::Sending, "/sending"),
            (Route::ThingsToTry, "/things-to-try"),
        ] {
            assert_eq!(
                page_for(&route.href()),
                Some((pattern, vec![])),
                "{route:?}"
            );
        }
        assert_eq!(page_for("/no-such-page"), None);
        assert_eq!(page_for("/referral/check/more"), None);
    }

    #[test]
    fn every_referral_step_but_check_is_the_step_page_with_its_slug() {
        for step in Step::ALL {
            let (pattern, params) =
                page_for(&Route::referral(step, false).href()).unwrap_or_default();
            if step == Step::Check {
                assert_eq!((pattern, params), ("/referral/check", vec![]));
            } else {
                assert_eq!(pattern, "/referral/:step", "{step:?}");
                assert_eq!(params, vec![("step", step.slug().to_owned())], "{step:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn every_record_and_question_address_shows_its_page_with_its_id(
            id in "[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,39}",
            n in 1usize..100,
        ) {
            let with_id = |pattern| Some((pattern, vec![("id", id.clone())]));
            prop_assert_eq!(page_for(&Route::CheckInResult(&id).href()), with_id("/check-ins/:id"));
            prop_assert_eq!(page_for(&Route::ReferralSend(&id).href()), with_id("/referral/send/:id"));
            prop_assert_eq!(page_for(&Route::ReferralDone(&id).href()), with_id("/referral/done/:id"));
            prop_assert_eq!(page_for(&Route::ReferralView(&id).href()), with_id("/referrals/:id"));
            let question = Some(("/check-in/questions/:n", vec![("n", n.to_string())]));
            prop_assert_eq!(page_for(&Route::check_in(CheckInStep::Question(n), true).href()), question.clone());
            prop_assert_eq!(page_for(&Route::check_in(CheckInStep::Question(n), false).href()), question);
        }
    }

    #[test]
    fn change_links_carry_the_way_back_to_check_your_answers() {
        assert_eq!(
            Route::CheckInChange(CheckInStep::Question(3)).href(),
            "/check-in/questions/3?from=check"
        );
        assert_eq!(
            Route::ReferralChange(Step::Support).href(),
            "/referral/support?from=check"
        );
        // Check your answers itself needs no way back to itself.
        assert_eq!(
            Route::check_in(CheckInStep::Check, true).href(),
            "/check-in/check"
        );
        assert_eq!(Route::referral(Step::Check, true).href(), "/referral/check");
    }

    #[test]
    fn records_are_found_by_id() {
        assert_eq!(Route::CheckInResult("c-1").href(), "/check-ins/c-1");
        assert_eq!(Route::ReferralDone("r-1").href(), "/referral/done/r-1");
        assert_eq!(Route::ReferralSend("r-1").href(), "/referral/send/r-1");
        assert_eq!(Route::ReferralView("r-1").href(), "/referrals/r-1");
    }

    #[test]
    fn finishing_to_stop_helping_is_said_in_the_address() {
        assert_eq!(Route::Finish(false).href(), "/finish");
        assert_eq!(Route::Finish(true).href(), "/finish?then=stop-helping");
        assert_eq!(Route::Take.href(), "/take");
    }
}
