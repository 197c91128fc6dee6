//! Every address in the app, and the table that shows a page for each.
//!
//! Pages and links ask [`Route::href`] for an address; nothing else writes one out. The table,
//! [`RouteTable`], takes the pages as plain function slots ([`Pages`]) that the app's root
//! fills, rather than naming the pages here: pages import this module for their links, so if
//! this module imported the pages the two would import each other.

use leptos::prelude::*;
use leptos_router::components::{Route as RouteDef, Routes};
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::path;

use crate::domain::checkin_journey::CheckInStep;
use crate::domain::referral::Step;

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
    let query = use_query_map();
    Signal::derive(move || query.read().get(FROM_CHECK.0).as_deref() == Some(FROM_CHECK.1))
}

/// Whether "Finish and clear" was opened to stop helping (tracked).
pub fn use_stop_helping() -> Signal<bool> {
    let query = use_query_map();
    Signal::derive(move || query.read().get(STOP_HELPING.0).as_deref() == Some(STOP_HELPING.1))
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

/// The route table: which page shows at which address.
#[component]
pub fn RouteTable(pages: Pages) -> impl IntoView {
    view! {
        <Routes fallback=pages.not_found>
            <RouteDef path=path!("/") view=pages.home/>
            <RouteDef path=path!("/get-help") view=pages.get_help/>
            <RouteDef path=path!("/check-in/questions/:n") view=pages.question/>
            <RouteDef path=path!("/check-in/activities") view=pages.activities/>
            <RouteDef path=path!("/check-in/goals") view=pages.goals/>
            <RouteDef path=path!("/check-in/step") view=pages.journey_step/>
            <RouteDef path=path!("/check-in/check") view=pages.check_answers/>
            <RouteDef path=path!("/check-in/not-now") view=pages.not_now/>
            <RouteDef path=path!("/check-ins") view=pages.history/>
            <RouteDef path=path!("/check-ins/:id") view=pages.check_in_result/>
            <RouteDef path=path!("/progress") view=pages.progress/>
            <RouteDef path=path!("/referral/start-again") view=pages.referral_start_again/>
            <RouteDef path=path!("/referral/check") view=pages.referral_check/>
            <RouteDef path=path!("/referral/send/:id") view=pages.referral_send/>
            <RouteDef path=path!("/referral/done/:id") view=pages.referral_done/>
            <RouteDef path=path!("/referral/:step") view=pages.referral_step/>
            <RouteDef path=path!("/referrals/:id") view=pages.referral_view/>
            <RouteDef path=path!("/your-data") view=pages.your_data/>
            <RouteDef path=path!("/your-data/delete") view=pages.delete_data/>
            <RouteDef path=path!("/your-data/deleted") view=pages.data_deleted/>
            <RouteDef path=path!("/helping") view=pages.helping/>
            <RouteDef path=path!("/finish") view=pages.finish/>
            <RouteDef path=path!("/take") view=pages.take/>
            <RouteDef path=path!("/sending") view=pages.sending/>
            <RouteDef path=path!("/things-to-try") view=pages.things_to_try/>
        </Routes>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
