//! The root: state, routes, the page frame, and focus on every page change.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::browser;
use crate::components::{Footer, Header, Notices};
use crate::config::{LoadedConfig, ServiceConfig};
use crate::i18n::use_messages;
use crate::pages::referral::{
    ReferralDonePage, ReferralPage, ReferralStartAgainPage, ReferralViewPage,
};
use crate::pages::{
    CheckAnswersPage, CheckInPage, DataDeletedPage, DeleteDataPage, GetHelpPage, HistoryPage,
    HomePage, NotFoundPage, QuestionPage, YourDataPage,
};
// Check-ins over time (issue 5)
use crate::pages::{ActivitiesPage, GoalsPage, JourneyStepPage, NotNowPage, ProgressPage};
use crate::state::AppState;
use crate::storage::Store;

/// The whole app, on the person's own device storage, once the service's configuration is in.
#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(load_config);
    move || {
        config
            .get()
            .map(|loaded| view! { <AppWith store=Store::local() config=loaded/> })
    }
}

/// Reads `config.json`; whatever goes wrong, the app runs on with the built-in settings.
async fn load_config() -> LoadedConfig {
    match crate::sync::fetch_text(ServiceConfig::PATH).await {
        Ok(text) => ServiceConfig::parse(&text),
        Err(e) => ServiceConfig::unavailable(&e.to_string()),
    }
}

/// The whole app over a given store and configuration (memory in tests, later in kiosk mode).
#[component]
pub fn AppWith(store: Store, config: LoadedConfig) -> impl IntoView {
    provide_meta_context();
    provide_context(AppState::load(store, config));
    let m = use_messages();
    let formatter = move |text: String| format!("{text} – {}", m.app_name);
    view! {
        <Html {..} lang=m.lang dir=m.dir/>
        <Title formatter/>
        <Router>
            <FocusOnNavigation/>
            <OtherTabs/>
            <Header/>
            <div class="f-width-container">
                <main class="f-main" id="main" tabindex="-1">
                    <Notices/>
                    <ErrorBoundary fallback=crate::shell::route_failed>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/check-in/questions/:n") view=QuestionPage/>
                        <Route path=path!("/check-in/check") view=CheckAnswersPage/>
                        <Route path=path!("/check-ins") view=HistoryPage/>
                        <Route path=path!("/check-ins/:id") view=CheckInPage/>
                        <Route path=path!("/get-help") view=GetHelpPage/>
                        <Route path=path!("/referral/start-again") view=ReferralStartAgainPage/>
                        <Route path=path!("/referral/done/:id") view=ReferralDonePage/>
                        <Route path=path!("/referral/:step") view=ReferralPage/>
                        <Route path=path!("/referrals/:id") view=ReferralViewPage/>
                        <Route path=path!("/your-data") view=YourDataPage/>
                        <Route path=path!("/your-data/delete") view=DeleteDataPage/>
                        <Route path=path!("/your-data/deleted") view=DataDeletedPage/>
                        // Check-ins over time (issue 5)
                        <Route path=path!("/check-in/activities") view=ActivitiesPage/>
                        <Route path=path!("/check-in/goals") view=GoalsPage/>
                        <Route path=path!("/check-in/step") view=JourneyStepPage/>
                        <Route path=path!("/check-in/not-now") view=NotNowPage/>
                        <Route path=path!("/progress") view=ProgressPage/>
                    </Routes>
                    </ErrorBoundary>
                </main>
            </div>
            <Footer/>
        </Router>
    }
}

/// Another tab saving shows here at once: its records are read in (they are merged by id
/// when either tab saves), and the person is told the page changed.
#[component]
fn OtherTabs() -> impl IntoView {
    let app = crate::state::use_app();
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // A null key means the other tab cleared everything.
        let ours = ev
            .key()
            .is_none_or(|k| k.starts_with(crate::storage::KEY_PREFIX));
        if ours {
            app.reload();
            app.notify(crate::state::Notice::ChangedElsewhere);
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
