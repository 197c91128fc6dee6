//! The root: state, routes, the page frame, and focus on every page change.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::browser;
use crate::components::{Footer, Header, Notices};
use crate::config::ServiceConfig;
use crate::i18n::use_messages;
use crate::pages::{
    CheckAnswersPage, CheckInPage, GetHelpPage, HistoryPage, HomePage, NotFoundPage, QuestionPage,
};
// Check-ins over time (issue 5)
use crate::pages::{ActivitiesPage, GoalsPage, JourneyStepPage, NotNowPage, ProgressPage};
use crate::state::AppState;
use crate::storage::Store;

/// The whole app, on the person's own device storage.
#[component]
pub fn App() -> impl IntoView {
    view! { <AppWith store=Store::local()/> }
}

/// The whole app over a given store (memory in tests, later in kiosk mode).
#[component]
pub fn AppWith(store: Store) -> impl IntoView {
    provide_meta_context();
    provide_context(AppState::load(store, ServiceConfig::default()));
    let m = use_messages();
    let formatter = move |text: String| format!("{text} – {}", m.app_name);
    view! {
        <Html {..} lang=m.lang dir=m.dir/>
        <Title formatter/>
        <Router>
            <FocusOnNavigation/>
            <Header/>
            <div class="f-width-container">
                <main class="f-main" id="main" tabindex="-1">
                    <Notices/>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/check-in/questions/:n") view=QuestionPage/>
                        <Route path=path!("/check-in/check") view=CheckAnswersPage/>
                        <Route path=path!("/check-ins") view=HistoryPage/>
                        <Route path=path!("/check-ins/:id") view=CheckInPage/>
                        <Route path=path!("/get-help") view=GetHelpPage/>
                        // Check-ins over time (issue 5)
                        <Route path=path!("/check-in/activities") view=ActivitiesPage/>
                        <Route path=path!("/check-in/goals") view=GoalsPage/>
                        <Route path=path!("/check-in/step") view=JourneyStepPage/>
                        <Route path=path!("/check-in/not-now") view=NotNowPage/>
                        <Route path=path!("/progress") view=ProgressPage/>
                    </Routes>
                </main>
            </div>
            <Footer/>
        </Router>
    }
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
            request_animation_frame(|| browser::focus("main h1"));
        }
        here
    });
}
