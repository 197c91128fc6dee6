//! Reusable pieces in GOV.UK vocabulary. Accessibility lives here, not at each call site: a
//! page composes these and never writes their markup itself.

mod back_link;
mod care_card;
mod checkboxes;
mod choices;
mod download_button;
mod error_summary;
mod field;
mod fieldset;
mod file_upload;
mod heading;
mod language;
mod layout;
mod listen;
mod not_found;
mod page_title;
mod question_form;
mod radios;
mod referral_summary;
mod result_lines;
mod summary_list;
mod table;
mod text_input;

pub use back_link::BackLink;
pub use care_card::{CareCardView, CrisisContacts, HelpNowLink, ServiceContactLinks};
pub use checkboxes::{toggle, Checkboxes};
pub use choices::{ChoiceItem, Reveal};
pub use download_button::DownloadButton;
pub use error_summary::{ErrorSummary, FieldError};
pub use field::FailureAlert;
pub use file_upload::FileUpload;
pub use heading::PageHeading;
pub use language::LanguageControl;
pub use layout::{Footer, Header, Notices};
pub use listen::ListenButton;
pub use not_found::NotFound;
pub use page_title::PageTitle;
pub use question_form::QuestionForm;
pub use radios::Radios;
pub use referral_summary::ReferralSummary;
pub use result_lines::{result_lines, ResultLines};
pub use summary_list::{ChangeLink, SummaryRow};
pub use table::Table;
pub use text_input::{TextInput, ANNOUNCE_AFTER};
