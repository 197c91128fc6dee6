//! "Take your copy" at the end of a referral or a check-in on a shared device: a QR code
//! that the person's own phone scans to keep the answers, a print-out, and sending where the
//! service can receive it.

use leptos::prelude::*;

use super::qr_code::QrCode;
use crate::browser;
use crate::domain::take_away::{qr_code, Carried};
use crate::i18n::use_messages;
use crate::state::use_mode;
use crate::take_away;

/// Where sending to the service is offered, once this deployment can send: the sending
/// journey's consent goes here, with what is carried. Nothing until then.
fn send_offer(_carried: &Carried) -> impl IntoView {}

/// The ways to take `carried` away: on the person's phone (a QR code), on paper, or sent.
#[component]
pub fn TakeAway(
    /// What the person takes away.
    carried: Carried,
) -> impl IntoView {
    let m = use_messages();
    let base = use_mode()
        .take_away_address()
        .unwrap_or_else(take_away::own_origin);
    let address = RwSignal::new(None::<String>);
    {
        let carried = carried.clone();
        leptos::task::spawn_local(async move {
            let made = take_away::address(&carried, &base).await;
            address.try_set(Some(made));
        });
    }
    let code = move || match address.get().map(|a| qr_code(&a)) {
        None => view! { <p class="f-hint">{m.modes.qr_making}</p> }.into_any(),
        Some(Ok(code)) => view! { <QrCode code label=m.modes.qr_label/> }.into_any(),
        Some(Err(_)) => view! { <p class="f-inset">{m.modes.qr_too_big}</p> }.into_any(),
    };
    view! {
        <section class="f-take-away" aria-labelledby="take-away-title">
            <h2 class="f-heading-l" id="take-away-title">{m.modes.take_title}</h2>
            <h3 class="f-heading-m">{m.modes.take_phone_title}</h3>
            <p class="f-no-print">{m.modes.take_phone_body}</p>
            <div class="f-take-away__code">{code}</div>
            <p class="f-hint">{m.modes.take_phone_private}</p>
            <h3 class="f-heading-m f-no-print">{m.modes.take_paper_title}</h3>
            <p class="f-no-print">
                <button type="button" class="f-button f-button--secondary" on:click=|_| browser::print()>
                    {m.modes.print}
                </button>
            </p>
            {send_offer(&carried)}
        </section>
    }
}
