//! The pieces of kiosk and "I'm helping someone" modes that other screens show: the bar at
//! the top while helping or on a kiosk, the switch on the home screen, the note that a
//! volunteer helped, what a volunteer does after a "yes" to the safety question, and the
//! hand-back at the end of a journey.

use leptos::prelude::*;

use super::care_card::ServiceContactLinks;
use crate::domain::mode::{Device, Mode, Setup};
use crate::i18n::{fill, use_messages};
use crate::reset::{use_start_fresh, use_switch, After};
use crate::router::{use_location, A};
use crate::routes::Route;
use crate::state::{use_config, use_mode};

/// What is running, said at the top of every page while a volunteer helps or on a kiosk,
/// with the way to finish: "Finish and clear" (a kiosk, on every page after the start),
/// "Start fresh for the next person" and "Stop helping" (a volunteer).
#[component]
pub fn ModeBar() -> impl IntoView {
    let m = use_messages();
    let modes = use_mode();
    let location = use_location();
    let switch = use_switch();
    move || {
        let path = location.pathname.get();
        let at_start = path == Route::Home.href() || path == Route::Finish(false).href();
        match modes.setup() {
            Setup::Personal => ().into_any(),
            Setup::Kiosk if at_start => ().into_any(),
            Setup::Kiosk => view! {
                <div class="f-mode-bar f-no-print">
                    <p class="f-mode-bar__text">{m.modes.kiosk_bar}</p>
                    <A href=Route::Finish(false).href() class="f-button f-button--secondary f-mode-bar__button">
                        {m.modes.finish_and_clear}
                    </A>
                </div>
            }
            .into_any(),
            Setup::Assisted(Device::Shared) => {
                let stop = (modes.deployment() == Mode::Personal).then(|| view! {
                    <A href=Route::Finish(true).href() class="f-button f-button--secondary f-mode-bar__button">
                        {m.modes.stop_helping}
                    </A>
                });
                view! {
                    <div class="f-mode-bar f-no-print">
                        <p class="f-mode-bar__text">{m.modes.helping_shared_bar}</p>
                        <A href=Route::Finish(false).href() class="f-button f-button--secondary f-mode-bar__button">
                            {m.modes.start_fresh}
                        </A>
                        {stop}
                    </div>
                }
                .into_any()
            }
            Setup::Assisted(Device::TheirOwn) => {
                let switch = switch.clone();
                view! {
                    <div class="f-mode-bar f-no-print">
                        <p class="f-mode-bar__text">{m.modes.helping_own_bar}</p>
                        <button type="button" class="f-button f-button--secondary f-mode-bar__button"
                            on:click=move |_| switch(Setup::Personal)>
                            {m.modes.stop_helping}
                        </button>
                    </div>
                }
                .into_any()
            }
        }
    }
}

/// On the home screen of a person's own device: the way in for a volunteer.
#[component]
pub fn AssistedSwitch() -> impl IntoView {
    let m = use_messages();
    let service = use_config().with(|c| c.service_name.get(m.language).to_owned());
    view! {
        <div class="f-card">
            <h2 class="f-heading-m">{m.modes.switch_title}</h2>
            <p>{fill(m.modes.switch_body, &[("service", &service)])}</p>
            <A href=Route::Helping.href() class="f-button f-button--secondary">{m.modes.switch_button}</A>
        </div>
    }
}

/// "Completed with help from a volunteer", where the answers are checked or read.
#[component]
pub fn VolunteerNote(
    /// Whether a volunteer helped.
    shown: bool,
) -> impl IntoView {
    let m = use_messages();
    shown.then(|| view! { <p class="f-inset f-volunteer-note">{m.modes.with_volunteer}</p> })
}

/// After a "yes" to the safety question while a volunteer helps: what the volunteer does now.
#[component]
pub fn VolunteerSafetyGuide() -> impl IntoView {
    let m = use_messages();
    let helping = use_mode().setup_untracked().with_volunteer();
    helping.then(|| {
        view! {
            <section class="f-inset f-volunteer-guide" aria-labelledby="volunteer-guide-title">
                <h2 class="f-heading-m" id="volunteer-guide-title">{m.modes.volunteer_safety_title}</h2>
                <ul class="f-list f-list--bullet">
                    {m.modes.volunteer_safety_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
                </ul>
                <ServiceContactLinks/>
            </section>
        }
    })
}

/// The end of a journey on a shared device: a kiosk's "Finish and clear", or a volunteer's
/// "give the device back" and "Start fresh for the next person". Nothing on a person's own
/// device.
#[component]
pub fn HandBack() -> impl IntoView {
    let m = use_messages();
    let setup = use_mode().setup_untracked();
    let start_fresh = use_start_fresh();
    let (title, body, button) = match setup {
        Setup::Kiosk => (
            m.modes.kiosk_end_title,
            m.modes.kiosk_end_body,
            m.modes.finish_and_clear,
        ),
        Setup::Assisted(Device::Shared) => (
            m.modes.hand_back_title,
            m.modes.hand_back_body,
            m.modes.start_fresh,
        ),
        Setup::Personal | Setup::Assisted(Device::TheirOwn) => return ().into_any(),
    };
    view! {
        <section class="f-hand-back f-no-print" aria-labelledby="hand-back-title">
            <h2 class="f-heading-m" id="hand-back-title">{title}</h2>
            <p>{body}</p>
            <button type="button" class="f-button" id="start-fresh"
                on:click=move |_| start_fresh(After::NextPerson)>{button}</button>
        </section>
    }
    .into_any()
}
