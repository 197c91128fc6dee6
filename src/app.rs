//! The root: the service's configuration, the person's state, the page frame, the route
//! table's pages, and focus on every page change.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use crate::browser;
use crate::components::{Footer, Header, NotFound, Notices};
use crate::config::{LoadedConfig, ServiceConfig};
use crate::i18n::use_messages;
use crate::lazy::{lazy_page, PageChanges};
use crate::pages::referral::{
    ReferralCheckPage, ReferralDonePage, ReferralPage, ReferralStartAgainPage, ReferralViewPage,
};
use crate::pages::{
    ActivitiesPage, CheckAnswersPage, CheckInPage, DataDeletedPage, DeleteDataPage, GetHelpPage,
    GoalsPage, HistoryPage, HomePage, JourneyStepPage, NotNowPage, ProgressPage, QuestionPage,
    YourDataPage,
};
use crate::routes::{Pages, RouteTable};
use crate::split_pages;
use crate::state::{use_notices, use_records, Notice, Session, StateOptions};
use crate::storage::{Store, KEY_PREFIX};

/// The whole app, on the person's own device storage, once the service's configuration is in.
#[component]
pub fn App() -> impl IntoView {
    let config = crate::task::when_done(load_config());
    move || {
        config
            .get()
            .map(|loaded| view! { <AppWith new_store=Store::local config=loaded/> })
    }
}

/// Reads `config.json`; whatever goes wrong, the app runs on with the built-in settings.
async fn load_config() -> LoadedConfig {
    match crate::sync::fetch_text(ServiceConfig::PATH).await {
        Ok(text) => ServiceConfig::parse(&text),
        Err(e) => ServiceConfig::unavailable(&e.to_string()),
    }
}

/// Every page, for the route table. The first screen, the crisis page and "page not found"
/// are in the first download; the others load their code when first opened ([`lazy_page`]),
/// a part of the app at a time (below).
const PAGES: Pages = Pages {
    home: || view! { <HomePage/> }.into_any(),
    get_help: || view! { <GetHelpPage/> }.into_any(),
    question: || lazy_page(question_page),
    activities: || lazy_page(activities_page),
    goals: || lazy_page(goals_page),
    journey_step: || lazy_page(journey_step_page),
    check_answers: || lazy_page(check_answers_page),
    not_now: || lazy_page(not_now_page),
    check_in_result: || lazy_page(check_in_result_page),
    history: || lazy_page(history_page),
    progress: || lazy_page(progress_page),
    referral_step: || lazy_page(referral_step_page),
    referral_check: || lazy_page(referral_check_page),
    referral_start_again: || lazy_page(referral_start_again_page),
    referral_done: || lazy_page(referral_done_page),
    referral_view: || lazy_page(referral_view_page),
    your_data: || lazy_page(your_data_page),
    delete_data: || lazy_page(delete_data_page),
    data_deleted: || lazy_page(data_deleted_page),
    not_found: || view! { <NotFound/> }.into_any(),
};

// The parts of the app loaded when first opened. A part's pages come in one file (plus what it
// shares with other parts): opening one page of a journey usually means opening the next.

// A check-in, from its first question to its result (also opened from the history).
split_pages!(check_in {
    question_page: QuestionPage,
    activities_page: ActivitiesPage,
    goals_page: GoalsPage,
    journey_step_page: JourneyStepPage,
    check_answers_page: CheckAnswersPage,
    not_now_page: NotNowPage,
    check_in_result_page: CheckInPage,
});

// Looking back over past check-ins.
split_pages!(looking_back {
    history_page: HistoryPage,
    progress_page: ProgressPage,
});

// A referral, from its first question to a saved one.
split_pages!(referral {
    referral_step_page: ReferralPage,
    referral_check_page: ReferralCheckPage,
    referral_start_again_page: ReferralStartAgainPage,
    referral_done_page: ReferralDonePage,
    referral_view_page: ReferralViewPage,
});

// Export, import and deleting everything.
split_pages!(your_data {
    your_data_page: YourDataPage,
    delete_data_page: DeleteDataPage,
    data_deleted_page: DataDeletedPage,
});

/// The whole app with a given configuration, its state read from `new_store()` (the
/// browser's storage, or memory in tests and on a kiosk). [`Session::start_fresh`], from
/// [`crate::state::use_session`], rebuilds everything below the router for the next person.
#[component]
pub fn AppWith(new_store: fn() -> Store, config: LoadedConfig) -> impl IntoView {
    let session = Session::new(new_store, config, StateOptions::default());
    provide_context(session);
    PageChanges::provide();
    let m = use_messages();
    browser::set_language(m.lang, m.dir);
    view! {
        <Router>
            <FocusOnNavigation/>
            {move || {
                // Everything that reads the person's state is built inside here, so that it
                // is all rebuilt, and the last person's state disposed, when the session
                // starts fresh.
                session.current().provide();
                view! {
                    <OtherTabs/>
                    <Header/>
                    <div class="f-width-container">
                        <main class="f-main" id="main" tabindex="-1">
                            <Notices/>
                            <ErrorBoundary fallback=crate::shell::route_failed>
                                <RouteTable pages=PAGES/>
                            </ErrorBoundary>
                        </main>
                    </div>
                    <Footer/>
                }
            }}
        </Router>
    }
}

/// Another tab saving shows here at once: its records are read in (they are merged by id
/// when either tab saves), and the person is told the page changed.
#[component]
fn OtherTabs() -> impl IntoView {
    let records = use_records();
    let notices = use_notices();
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // A null key means the other tab cleared everything.
        let ours = ev.key().is_none_or(|k| k.starts_with(KEY_PREFIX));
        if ours {
            records.reload();
            notices.notify(Notice::ChangedElsewhere);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Moves focus to the new page's heading after every navigation (not on first load), so that
/// keyboard and screen reader users start at the top of the new page.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    let changes = expect_context::<PageChanges>();
    Effect::new(move |previous: Option<String>| {
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != here) {
            // Wait a frame so the new page is in the document.
            browser::focus_soon("main h1".into());
            changes.record();
        }
        here
    });
}
