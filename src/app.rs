//! The root: the service's configuration, the person's state, the page frame, the route
//! table's pages, and focus on every page change.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use crate::browser;
use crate::components::{Footer, Header, IdleWarning, ModeBar, NotFound, Notices};
use crate::config::{LoadedConfig, ServiceConfig};
use crate::domain::mode::Mode;
use crate::i18n::{self, provide_language, ShownLanguage};
use crate::pages::referral::{
    ReferralCheckPage, ReferralDonePage, ReferralPage, ReferralSendPage, ReferralStartAgainPage,
    ReferralViewPage,
};
use crate::pages::{
    ActivitiesPage, CheckAnswersPage, CheckInPage, DataDeletedPage, DeleteDataPage, FinishPage,
    GetHelpPage, GoalsPage, HandBackPage, HelpingPage, HistoryPage, HomePage, JourneyStepPage,
    NotNowPage, NotOnDevicePage, ProgressPage, QuestionPage, SendingPage, StartPage, TakePage,
    ThingsToTryPage, YourDataPage,
};
use crate::reset::{self, HistoryGuard};
use crate::routes::{PageView, Pages, RouteTable};
use crate::state::{
    use_config, use_language, use_mode, use_notices, use_records, Modes, Notice, SendOptions,
    SendQueue, Session,
};
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

/// A page of what a person's own device keeps (past check-ins, progress, referrals, the data
/// page); a shared device, which keeps nothing of anyone, says so instead.
fn kept_only(page: PageView) -> AnyView {
    if use_mode().setup_untracked().shows_kept_records() {
        page()
    } else {
        view! { <NotOnDevicePage/> }.into_any()
    }
}

/// The start: "whose device is this?" until a volunteer in an assisted deployment has said,
/// the start screen on a shared device, the person's own home screen on theirs.
fn home() -> AnyView {
    let modes = use_mode();
    if modes.asks_device() {
        view! { <HelpingPage/> }.into_any()
    } else if modes.setup_untracked().hands_back() {
        view! { <StartPage/> }.into_any()
    } else {
        view! { <HomePage/> }.into_any()
    }
}

/// Every page, for the route table.
const PAGES: Pages = Pages {
    home,
    get_help: || view! { <GetHelpPage/> }.into_any(),
    question: || view! { <QuestionPage/> }.into_any(),
    activities: || view! { <ActivitiesPage/> }.into_any(),
    goals: || view! { <GoalsPage/> }.into_any(),
    journey_step: || view! { <JourneyStepPage/> }.into_any(),
    check_answers: || view! { <CheckAnswersPage/> }.into_any(),
    not_now: || view! { <NotNowPage/> }.into_any(),
    check_in_result: || view! { <CheckInPage/> }.into_any(),
    history: || kept_only(|| view! { <HistoryPage/> }.into_any()),
    progress: || kept_only(|| view! { <ProgressPage/> }.into_any()),
    referral_step: || view! { <ReferralPage/> }.into_any(),
    referral_check: || view! { <ReferralCheckPage/> }.into_any(),
    referral_start_again: || view! { <ReferralStartAgainPage/> }.into_any(),
    referral_send: || view! { <ReferralSendPage/> }.into_any(),
    referral_done: || {
        if use_mode().setup_untracked().hands_back() {
            view! { <HandBackPage/> }.into_any()
        } else {
            view! { <ReferralDonePage/> }.into_any()
        }
    },
    referral_view: || kept_only(|| view! { <ReferralViewPage/> }.into_any()),
    your_data: || kept_only(|| view! { <YourDataPage/> }.into_any()),
    delete_data: || kept_only(|| view! { <DeleteDataPage/> }.into_any()),
    data_deleted: || kept_only(|| view! { <DataDeletedPage/> }.into_any()),
    helping: || {
        if use_mode().deployment() == Mode::Kiosk {
            view! { <NotFound/> }.into_any()
        } else {
            view! { <HelpingPage/> }.into_any()
        }
    },
    finish: || view! { <FinishPage/> }.into_any(),
    take: || view! { <TakePage/> }.into_any(),
    // What waits to be sent is the device's: on a shared screen it is never listed.
    sending: || kept_only(|| view! { <SendingPage/> }.into_any()),
    things_to_try: || view! { <ThingsToTryPage/> }.into_any(),
    not_found: || view! { <NotFound/> }.into_any(),
};

/// The whole app with a given configuration, its state read from `new_store()` (the
/// browser's storage, or memory in tests) on a person's own device, and from memory on a
/// shared one (the configuration's mode, and a volunteer's choice, decide: see
/// [`crate::domain::mode`]). [`Session::start_fresh`], from [`crate::state::use_session`],
/// rebuilds everything below the router for the next person.
#[component]
pub fn AppWith(new_store: fn() -> Store, config: LoadedConfig) -> impl IntoView {
    // The outbox is the device's, built outside the person's state so that starting fresh
    // for the next person keeps what someone chose to send; it is always in the browser's
    // own storage, whatever store the person's answers use. A kiosk never lists it and keeps
    // no receipts: what one person sent is nothing the next should see.
    let public = config.config.mode == Mode::Kiosk;
    let sending = SendQueue::new(
        Store::local(),
        &config.config,
        SendOptions {
            queue_on_screen: !public,
            keep_receipts: !public,
            ..SendOptions::default()
        },
    );
    provide_context(sending);
    sending.start();
    // A kiosk never even reads what a tab remembered: nothing turns it into anything else.
    let remembered = (config.config.mode != Mode::Kiosk)
        .then(reset::remembered_setup)
        .flatten();
    let modes = Modes::new(
        &config.config,
        remembered.as_deref(),
        new_store,
        browser::new_id(),
    );
    provide_context(modes);
    let setup = modes.setup_untracked();
    if !setup.keeps_on_device() {
        modes.set_keys_before(reset::local_keys());
    }
    let session = Session::new(modes.store_for(setup), config, modes.options_for(setup));
    provide_context(session);
    reset::guard_history(modes);
    // The language shown, for the idle warning, which lives outside the language root.
    provide_context(ShownLanguage(RwSignal::new(i18n::Language::English)));
    view! {
        <Router>
            <FocusOnNavigation/>
            <HistoryGuard/>
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
            <IdleWarning/>
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
        if let Some(shown) = use_context::<ShownLanguage>() {
            shown.0.set(now);
        }
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
                    <ModeBar/>
                    <Notices/>
                    <ErrorBoundary fallback=crate::shell::route_failed>
                        <RouteTable pages=PAGES/>
                    </ErrorBoundary>
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
