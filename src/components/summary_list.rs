//! A row of a GOV.UK summary list: a name, its value, and a "Change" link where the answer
//! can be changed.

use leptos::prelude::*;

use crate::i18n::use_messages;
use crate::router::A;

/// Where a "Change" link goes, its id (for the error summary), and the hidden words that say
/// which answer it changes, so "Change" makes sense read on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeLink {
    /// The page that changes the answer.
    pub href: String,
    /// The link's id.
    pub id: String,
    /// Hidden words after "Change", e.g. "how often you felt happy".
    pub hidden: String,
}

/// One row of a `<dl class="f-summary-list">`: the name, the value (the children), and a
/// "Change" link when given.
#[component]
pub fn SummaryRow(
    /// What the row is about.
    #[prop(into)]
    key: String,
    /// The language of `key` when it is not the page's.
    #[prop(optional_no_strip)]
    key_lang: Option<&'static str>,
    /// The link to change the answer, if it can be changed here.
    #[prop(optional_no_strip)]
    change: Option<ChangeLink>,
    children: Children,
) -> impl IntoView {
    let m = use_messages();
    view! {
        <div class="f-summary-list__row">
            <dt class="f-summary-list__key" lang=key_lang>{key}</dt>
            <dd class="f-summary-list__value">{children()}</dd>
            {change.map(|c| view! {
                <dd class="f-summary-list__actions">
                    <A href=c.href id=c.id>
                        {m.change}<span class="f-visually-hidden">" "{c.hidden}</span>
                    </A>
                </dd>
            })}
        </div>
    }
}
