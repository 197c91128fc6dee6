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
pub use care_card::{CareCardView, ServiceContactLinks};
pub use checkboxes::{toggle, CheckboxOption, Checkboxes};
pub use error_summary::{ErrorSummary, FieldError};
pub use layout::{Footer, Header, Notices};
pub use page_title::PageTitle;
pub use radios::{RadioOption, Radios};
pub use text_input::TextInput;
