//! The start screen of a shared device (a kiosk, or a volunteer's own device while helping):
//! an invitation to begin, and never anything of anyone who came before.

use leptos::prelude::*;

use crate::components::{PageHeading, PageTitle};
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::mode::Setup;
use crate::domain::referral::Step;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::{use_config, use_mode};

/// "What would you like to do?": ask for support or check in. Nothing else: no past
/// check-ins, no progress, no referrals, no work in progress.
#[component]
pub fn StartPage() -> impl IntoView {
    let m = use_messages();
    let config = use_config();
    let service = config.with(|c| c.service_name.get(m.language).to_owned());
    let questions: usize = config.instruments().iter().map(|i| i.items.len()).sum();
    let minutes = untrack(|| use_mode().idle())
        .map(|s| s.idle_seconds.div_ceil(60).max(1))
        .unwrap_or(1);
    let kiosk = use_mode().setup_untracked() == Setup::Kiosk;
    let privacy = if kiosk {
        m.modes.start_kiosk_privacy
    } else {
        m.modes.start_helping_privacy
    };
    view! {
        <PageTitle text=m.modes.start_title/>
        <PageHeading text=m.modes.start_title caption=service class="f-heading-xl"/>
        <ul class="f-start-list">
            <li class="f-card">
                <h2 class="f-heading-m">{m.modes.start_support_title}</h2>
                <p>{m.modes.start_support_body}</p>
                <A href=Route::Referral(Step::Start).href() class="f-button f-button--start">
                    {m.referral.start}
                </A>
            </li>
            <li class="f-card">
                <h2 class="f-heading-m">{m.modes.start_check_in_title}</h2>
                <p>{m.count(&m.home_intro, questions as u64)}</p>
                <A href=Route::CheckIn(CheckInStep::FIRST).href() class="f-button f-button--start">
                    {m.start_check_in}
                </A>
            </li>
        </ul>
        <p class="f-inset">{fill(privacy, &[("minutes", &minutes.to_string())])}</p>
    }
}
