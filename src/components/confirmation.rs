//! The confirmation at the end of a request for support: the page's heading in a panel, with
//! the reference to quote.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::page_title::PageTitle;
use crate::domain::referral::reference;
use crate::i18n::use_messages;

/// The page's title and heading in a confirmation panel, with the request's reference.
#[component]
pub fn ReferenceConfirmation(
    /// The page's title and heading.
    title: &'static str,
    /// The id of the finished request.
    referral_id: String,
) -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=title/>
        <div class="f-panel f-panel--confirmation">
            <PageHeading text=title class="f-panel__title"/>
            <div class="f-panel__body">
                {m.referral.your_reference}<br/><strong class="f-reference" dir="ltr">{reference(&referral_id)}</strong>
            </div>
        </div>
    }
}
