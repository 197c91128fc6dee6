//! The root: the service's configuration, the person's state, the page frame, the route
//! table's pages, and focus on every page change.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use crate::browser;
use crate::components::{Footer, Header, NotFound, Notices};
use crate::config::{LoadedConfig, ServiceConfig};
use crate::i18n::{self, provide_language, use_messages};
use crate::pages::referral::{
    ReferralCheckPage, ReferralDonePage, ReferralPage, ReferralStartAgainPage, ReferralViewPage,
};
use crate::pages::{
    ActivitiesPage, CheckAnswersPage, CheckInPage, DataDeletedPage, DeleteDataPage, GetHelpPage,
    GoalsPage, HistoryPage, HomePage, JourneyStepPage, NotNowPage, ProgressPage, QuestionPage,
    YourDataPage,
};
use crate::routes::{Pages, RouteTable};
use crate::state::{
    use_config, use_language, use_notices, use_records, Notice, Session, StateOptions,
};
use crate::storage::{Store, KEY_PREFIX};

/// The whole app, on the person's own device storage, once the service's configuration is in.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
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

/// Every page, for the route table.
const PAGES: Pages = Pages {
    home: || view! { <HomePage/> }.into_any(),
    get_help: || view! { <GetHelpPage/> }.into_any(),
    question: || view! { <QuestionPage/> }.into_any(),
    activities: || view! { <ActivitiesPage/> }.into_any(),
    goals: || view! { <GoalsPage/> }.into_any(),
    journey_step: || view! { <JourneyStepPage/> }.into_any(),
    check_answers: || view! { <CheckAnswersPage/> }.into_any(),
    not_now: || view! { <NotNowPage/> }.into_any(),
    check_in_result: || view! { <CheckInPage/> }.into_any(),
    history: || view! { <HistoryPage/> }.into_any(),
    progress: || view! { <ProgressPage/> }.into_any(),
    referral_step: || view! { <ReferralPage/> }.into_any(),
    referral_check: || view! { <ReferralCheckPage/> }.into_any(),
    referral_start_again: || view! { <ReferralStartAgainPage/> }.into_any(),
    referral_done: || view! { <ReferralDonePage/> }.into_any(),
    referral_view: || view! { <ReferralViewPage/> }.into_any(),
    your_data: || view! { <YourDataPage/> }.into_any(),
    delete_data: || view! { <DeleteDataPage/> }.into_any(),
    data_deleted: || view! { <DataDeletedPage/> }.into_any(),
    not_found: || view! { <NotFound/> }.into_any(),
};

/// The whole app with a given configuration, its state read from `new_store()` (the
/// browser's storage, or memory in tests and on a kiosk). [`Session::start_fresh`], from
/// [`crate::state::use_session`], rebuilds everything below the router for the next person.
#[component]
pub fn AppWith(new_store: fn() -> Store, config: LoadedConfig) -> impl IntoView {
    provide_meta_context();
    let session = Session::new(new_store, config, StateOptions::default());
    provide_context(session);
    let formatter = move |text: String| format!("{text} – {}", use_messages().app_name);
    view! {
        <Title formatter/>
        <Router>
            <FocusOnNavigation/>
            {move || {
                // Everything that reads the person's state is built inside here, so that it
                // is all rebuilt, and the last person's state disposed, when the session
                // starts fresh.
                session.current().provide();
                view! {
                    <OtherTabs/>
                    <InLanguage/>
                }
            }}
        </Router>
    }
}

/// Every view that has words, in the person's language: rebuilt whole when the language
/// changes, while the person's state (above it) and so every answer stays. `<html lang dir>`
/// follows at once, and focus moves to the new page's heading.
#[component]
fn InLanguage() -> impl IntoView {
    let chosen = use_language().chosen();
    let offered = use_config().languages();
    let preferred = browser::preferred_languages();
    let language = Memo::new(move |_| i18n::pick(chosen.get(), &preferred, &offered));
    Effect::new(move |before: Option<i18n::Language>| {
        let now = language.get();
        let m = now.messages();
        browser::set_language(m.lang, m.dir);
        if before.is_some_and(|b| b != now) {
            browser::focus_soon("main h1".into());
        }
        now
    });
    move || {
        provide_language(language.get());
        view! {
            <Header/>
            <div class="f-width-container">
                <main class="f-main" id="main" tabindex="-1">
                    <Notices/>
                    <RouteTable pages=PAGES/>
                </main>
            </div>
            <Footer/>
        }
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
    Effect::new(move |previous: Option<String>| {
        let here = format!("{}{}", location.pathname.get(), location.search.get());
        if previous.is_some_and(|p| p != here) {
            // Wait a frame so the new page is in the document.
            browser::focus_soon("main h1".into());
        }
        here
    });
}
