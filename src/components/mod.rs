//! Reusable pieces in GOV.UK vocabulary. Accessibility lives here, not at each call site.

mod back_link;
mod care_card;
mod checkboxes;
mod error_summary;
mod layout;
mod page_title;
mod radios;
mod text_input;

pub use back_link::BackLink;

use leptos::prelude::*;

/// A field's `aria-describedby`: its fixed descriptions (hint, character count) in order, then
/// its error while one shows, so a screen reader reads the error with the field.
pub(crate) fn described_by(
    fixed: impl IntoIterator<Item = String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    let fixed: Vec<String> = fixed.into_iter().collect();
    move || {
        let mut ids = fixed.clone();
        if error.read().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}
pub use care_card::{CareCardView, ServiceContactLinks};
pub use checkboxes::{toggle, CheckboxOption, Checkboxes};
pub use error_summary::{ErrorSummary, FieldError};
pub use layout::{Footer, Header, Notices};
pub use page_title::PageTitle;
pub use radios::{RadioOption, Radios};
pub use text_input::TextInput;
