//! The form that asks for a clear yes to something that cannot be undone.

use leptos::prelude::*;

use super::field::FailureAlert;
use crate::router::A;

/// Why it failed, if it did, then the form: its `children` (a further question, if any), the
/// warning button, and the way back without doing anything.
#[component]
pub fn ConfirmForm(
    /// The warning button's words.
    confirm: &'static str,
    /// The words of the way back.
    cancel: &'static str,
    /// Where the way back goes.
    cancel_href: String,
    /// Does the thing on a yes; gives why it failed, in words, if it did.
    on_confirm: Callback<(), Option<String>>,
    /// Anything to ask before the buttons.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(why) = on_confirm.run(()) {
            failed.set(Some(why));
        }
    };
    view! {
        <FailureAlert message=failed/>
        <form class="f-form" novalidate on:submit=submit>
            {children.map(|c| c())}
            <div class="f-button-group">
                <button type="submit" class="f-button f-button--warning">{confirm}</button>
                <A href=cancel_href>{cancel}</A>
            </div>
        </form>
    }
}
