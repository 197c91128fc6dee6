//! A button that offers the person a file.

use leptos::prelude::*;

use super::field::FailureAlert;
use crate::error::AppError;
use crate::i18n::{fill, use_messages};
use crate::state::current_setup;

/// A secondary button that offers a file. If the file cannot be offered, the person is told
/// why, under the button; a download never fails silently.
#[component]
pub fn DownloadButton(
    /// The button's words.
    #[prop(into)]
    label: String,
    /// The button's id.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The id of a hint that describes the button.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Makes and offers the file.
    download: Callback<(), Result<(), AppError>>,
) -> impl IntoView {
    let m = use_messages();
    // A file of personal data would stay in a shared device's downloads for the next person.
    if !current_setup().offers_downloads() {
        return ().into_any();
    }
    let failed = RwSignal::new(None::<String>);
    let click = move |_| {
        let result = download.run(());
        failed.set(
            result
                .err()
                .map(|e| fill(m.download_failed, &[("why", &m.explain(&e))])),
        );
    };
    view! {
        <button type="button" id=id class="f-button f-button--secondary" aria-describedby=described_by on:click=click>
            {label}
        </button>
        <FailureAlert message=failed/>
    }
    .into_any()
}
