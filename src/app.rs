//! The root: the service's configuration, the person's state, the page frame, the route
//! table's pages, and focus on every page change.

use leptos::prelude::*;

use crate::browser;
use crate::components::{Footer, Header, IdleWarning, ModeBar, NotFound, Notices};
use crate::config::{LoadedConfig, ServiceConfig};
use crate::domain::mode::Mode;
use crate::i18n::{self, provide_language, ShownLanguage};
use crate::lazy::{lazy_page, BeforePage, PageChanges};
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
use crate::router::{use_location, Router};
use crate::routes::{PageView, Pages, RouteTable};
use crate::split_pages;
use crate::state::{
    use_config, use_language, use_mode, use_notices, use_records, Modes, Notice, Records,
    SendOptions, SendQueue, Session,
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
        Ok(text) => ServiceConfig::parse_first(&text),
        Err(e) => ServiceConfig::unavailable(&e.to_string()),
    }
}

/// A page of what a person's own device keeps (past check-ins, progress, referrals, the data
/// page); a shared device, which keeps nothing of anyone, says so instead.
fn kept_only(page: PageView) -> AnyView {
    if use_mode().setup_untracked().shows_kept_records() {
        page()
    } else {
        lazy_page(not_on_device_page)
    }
}

/// The start: "whose device is this?" until a volunteer in an assisted deployment has said,
/// the start screen on a shared device, the person's own home screen on theirs.
fn home() -> AnyView {
    let modes = use_mode();
    if modes.asks_device() {
        lazy_page(helping_page)
    } else if modes.setup_untracked().hands_back() {
        lazy_page(start_page)
    } else {
        view! { <HomePage/> }.into_any()
    }
}

/// Every page, for the route table. A person's own home screen, the crisis page and "page
/// not found" are in the first download; the others load their code when first opened
/// ([`lazy_page`]), a part of the app at a time (below).
const PAGES: Pages = Pages {
    home,
    get_help: || view! { <GetHelpPage/> }.into_any(),
    question,
    activities: || lazy_page(activities_page),
    goals: || lazy_page(goals_page),
    journey_step: || lazy_page(journey_step_page),
    check_answers: || lazy_page(check_answers_page),
    not_now: || lazy_page(not_now_page),
    check_in_result: || lazy_page(check_in_result_page),
    history: || kept_only(|| lazy_page(history_page)),
    progress: || kept_only(|| lazy_page(progress_page)),
    referral_step: || lazy_page(referral_step_page),
    referral_check: || lazy_page(referral_check_page),
    referral_start_again: || lazy_page(referral_start_again_page),
    referral_send: || lazy_page(referral_send_page),
    referral_done: || {
        if use_mode().setup_untracked().hands_back() {
            lazy_page(hand_back_page)
        } else {
            lazy_page(referral_done_page)
        }
    },
    referral_view: || kept_only(|| lazy_page(referral_view_page)),
    your_data: || kept_only(|| lazy_page(your_data_page)),
    delete_data: || kept_only(|| lazy_page(delete_data_page)),
    data_deleted: || kept_only(|| lazy_page(data_deleted_page)),
    helping: || {
        if use_mode().deployment() == Mode::Kiosk {
            view! { <NotFound/> }.into_any()
        } else {
            lazy_page(helping_page)
        }
    },
    finish: || lazy_page(finish_page),
    take: || lazy_page(take_page),
    // What waits to be sent is the device's: on a shared screen it is never listed.
    sending: || kept_only(|| lazy_page(sending_page)),
    things_to_try: || lazy_page(things_to_try_page),
    not_found: || view! { <NotFound/> }.into_any(),
};

// The parts of the app loaded when first opened, each as one file plus the code it shares
// with the others. Three parts, because code shared between parts goes into one file per
// combination of parts that use it: six parts made 42 such files (28 requests before the first
// question), three make at most four. Opening one page of a part usually means opening the
// next, so a part is a journey.

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

// A referral, from its first question to a saved, sent or taken-away one, and the shared
// screen around it: whose device it is, the kiosk's start, handing the screen back,
// finishing, and what a shared screen does not keep.
split_pages!(referral {
    referral_step_page: ReferralPage,
    referral_check_page: ReferralCheckPage,
    referral_start_again_page: ReferralStartAgainPage,
    referral_send_page: ReferralSendPage,
    referral_done_page: ReferralDonePage,
    referral_view_page: ReferralViewPage,
    helping_page: HelpingPage,
    start_page: StartPage,
    hand_back_page: HandBackPage,
    take_page: TakePage,
    finish_page: FinishPage,
    not_on_device_page: NotOnDevicePage,
});

// Looking back and looking around: past check-ins and progress, what this device keeps and
// what waits to be sent, and the service's activity directory.
split_pages!(more {
    history_page: HistoryPage,
    progress_page: ProgressPage,
    your_data_page: YourDataPage,
    delete_data_page: DeleteDataPage,
    data_deleted_page: DataDeletedPage,
    sending_page: SendingPage,
    things_to_try_page: ThingsToTryPage,
});

/// Fetches every part's code, most likely first, then the words of every other language the
/// service offers, once the app's first page is painted: from then on no page
/// needs the network, even where no service worker keeps the files (private windows, a first
/// visit whose worker is still installing). The bytes are those the service worker downloads
/// anyway, and the browser's cache serves one of the two. A part that fails is fetched again
/// when one of its pages is opened, a language when it is chosen.
async fn fetch_every_part(languages: Vec<i18n::Language>) {
    browser::after_paint().await;
    let _ = question_page(BeforePage::NOTHING).await;
    let _ = referral_step_page(BeforePage::NOTHING).await;
    let _ = history_page(BeforePage::NOTHING).await;
    for language in languages {
        let _ = i18n::fetch_words(language).await;
    }
}

/// A question of the check-in; the rest of the check-in is got ready while the person reads
/// it.
fn question() -> AnyView {
    if let Some(owner) = Owner::current() {
        let here = StoredValue::new(());
        leptos::task::spawn_local(async move {
            let _ = get_check_in_ready(owner, here).await;
        });
    }
    lazy_page(question_page)
}

/// Gets the rest of the check-in ready ([`crate::ahead::get_check_in_ready`]) with the
/// check-in's code, in `owner`, the question page's, while `here` says that page is shown.
#[::leptos::wasm_split::wasm_split(check_in, wasm_split_path = ::leptos::wasm_split, fallible)]
fn get_check_in_ready(
    owner: Owner,
    here: StoredValue<()>,
) -> Result<(), crate::lazy::SplitLoaderError> {
    if here.try_get_value().is_some() {
        owner.with(|| crate::ahead::get_check_in_ready(here));
    }
    Ok(())
}

/// Gets "Your progress" ready ([`crate::pages::get_progress_ready`]) with that page's code, in
/// `owner`, which provides the person's state.
#[::leptos::wasm_split::wasm_split(more, wasm_split_path = ::leptos::wasm_split, fallible)]
fn get_progress_ready(owner: Owner) -> Result<(), crate::lazy::SplitLoaderError> {
    owner.with(crate::pages::get_progress_ready);
    Ok(())
}

/// Gets "Your progress" ready while the person is on another page, once the browser is idle
/// after a change of their check-ins: with years of them, its first opening took about 110 ms
/// at 4x CPU, most of it compiling the page's code and working out what it shows. Nothing
/// when there are none, or on a shared device, which never shows them.
fn get_progress_ready_ahead(records: Records) {
    if !use_mode().setup_untracked().shows_kept_records() {
        return;
    }
    let Some(owner) = Owner::current().map(|o| o.downgrade()) else {
        return;
    };
    // One task waiting at a time: it works from the check-ins as they are when it runs.
    let waiting = StoredValue::new(false);
    Effect::new(move |_| {
        if records.checkins().with(Vec::is_empty) || waiting.get_value() {
            return;
        }
        waiting.set_value(true);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            browser::after_paint().await;
            browser::when_idle().await;
            // Nothing to get ready once this person's state is gone (the next one's has begun:
            // their own effect asks for theirs).
            if waiting.try_set_value(false).is_some() {
                return;
            }
            if let Some(owner) = owner.upgrade() {
                let _ = get_progress_ready(owner).await;
            }
        });
    });
}

/// Reads the settings left for later ([`crate::config::READ_LATER`]) and the outbox once the
/// first part's code is here (the check-in's, which the app fetches first), so that problems
/// with the settings show soon, on whatever page the person is on, and not only when a page
/// that uses them opens; and so that the first page opened from a part does not wait for
/// that reading (the outbox's reader alone took 20 ms to compile and run at 4x CPU, the
/// first time "Your progress" opened). A part that cannot be downloaded reads them when one
/// of its pages is opened.
async fn read_settings_soon(config: crate::state::Config, outbox: Option<SendQueue>) {
    browser::after_paint().await;
    let _ = question_page(BeforePage {
        outbox,
        config: Some(config),
    })
    .await;
}

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
    let languages = config.config.offered_languages();
    let session = Session::new(modes.store_for(setup), config, modes.options_for(setup));
    provide_context(session);
    PageChanges::provide();
    leptos::task::spawn_local(fetch_every_part(languages));
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
                leptos::task::spawn_local(read_settings_soon(
                    use_config(),
                    use_context::<SendQueue>(),
                ));
                get_progress_ready_ahead(use_records());
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
///
/// Welsh and Arabic words are files of their own ([`i18n::fetch_words`]): a language whose
/// words are not here yet shows once they are, and until then the page stays as it was (at
/// the very start, the shell's loading line). If they cannot be downloaded, the person is
/// told, in the language shown (English, at the start), and can choose the language again.
#[component]
fn InLanguage() -> impl IntoView {
    let chosen = use_language().chosen();
    let offered = use_config().languages();
    let preferred = browser::preferred_languages();
    let notices = use_notices();
    let wanted = Memo::new(move |_| i18n::pick(chosen.get(), &preferred, &offered));
    let first = wanted.get_untracked();
    let shown = RwSignal::new(i18n::has_words(first).then_some(first));
    Effect::new(move |_| {
        // Choosing the same language again (after a failed download) tries again.
        chosen.track();
        let want = wanted.get();
        if i18n::has_words(want) {
            // Only a change rebuilds the views: the stored choice is set again whenever the
            // person's records are read again (an import, another tab), and that must not
            // redraw the page.
            if shown.get_untracked() != Some(want) {
                shown.set(Some(want));
            }
            return;
        }
        leptos::task::spawn_local(async move {
            let arrived = i18n::fetch_words(want).await.is_ok();
            // Nothing to do once this person's state is gone (the next person's has begun).
            let Some(showing) = shown.try_get_untracked() else {
                return;
            };
            if arrived {
                notices.dismiss(&Notice::LanguageNotLoaded(want));
            }
            if arrived && wanted.try_get_untracked() == Some(want) && showing != Some(want) {
                shown.set(Some(want));
            } else if !arrived {
                if showing.is_none() {
                    shown.set(Some(i18n::Language::English));
                }
                notices.notify(Notice::LanguageNotLoaded(want));
            }
        });
    });
    Effect::new(move |before: Option<Option<i18n::Language>>| {
        let now = shown.get();
        if let Some(language) = now {
            let m = language.messages();
            browser::set_language(m.lang, m.dir);
            if let Some(shown) = use_context::<ShownLanguage>() {
                shown.0.set(language);
            }
            // The browser builds a language's plural rules the first time they are asked for
            // (about 20 ms at 4x CPU): asked once the page is painted, the first page that
            // counts something ("Show all 520 check-ins") does not wait for them.
            leptos::task::spawn_local(async move {
                browser::after_paint().await;
                let _ = i18n::plural_category(m.lang, 1);
            });
            if before.flatten().is_some_and(|b| b != language) {
                browser::focus_soon("main h1".into());
            }
        }
        now
    });
    move || {
        let language = shown.get()?;
        provide_language(language);
        Some(view! {
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
        })
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
