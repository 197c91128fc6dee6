//! What shows for an address the app does not know.

use leptos::prelude::*;

use super::heading::PageHeading;
use super::page_title::PageTitle;
use crate::domain::referral::Referral;
use crate::i18n::use_messages;
use crate::router::A;
use crate::routes::{use_record_id, Route};
use crate::state::use_records;

/// "Page not found": for an unknown address, and for one whose record or question does not
/// exist.
#[component]
pub fn NotFound() -> impl IntoView {
    let m = use_messages();
    view! { <DeadEnd title=m.not_found_title body=m.not_found_body/> }
}

/// A page that only says why there is nothing here, and offers the way home.
#[component]
pub fn DeadEnd(
    /// The page's title and heading.
    title: &'static str,
    /// Why there is nothing here.
    body: &'static str,
    /// Whether the way home is a button rather than a plain link.
    #[prop(optional)]
    home_button: bool,
) -> impl IntoView {
    let m = use_messages();
    let home = Route::Home.href();
    let home = if home_button {
        view! { <A href=home class="f-button">{m.go_home}</A> }.into_any()
    } else {
        view! { <p><A href=home>{m.go_home}</A></p> }.into_any()
    };
    view! {
        <PageTitle text=title/>
        <PageHeading text=title/>
        <p>{body}</p>
        {home}
    }
}

/// A check-in page opened with no check-in in progress: says so, and offers the way home.
#[component]
pub fn NothingInProgress(
    /// The page's title and heading.
    title: &'static str,
) -> impl IntoView {
    let m = use_messages();
    view! { <DeadEnd title body=m.nothing_in_progress home_button=true/> }
}

/// The finished request for support the address names, shown by `page`; "page not found"
/// when there is none.
pub fn finished_referral(page: fn(Referral) -> AnyView) -> impl IntoView {
    let id = use_record_id();
    let records = use_records();
    move || {
        records
            .referral(&id.get())
            .map_or_else(|| view! { <NotFound/> }.into_any(), page)
    }
}
