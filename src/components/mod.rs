//! Reusable pieces in GOV.UK vocabulary. Accessibility lives here, not at each call site: a
//! page composes these and never writes their markup itself.

mod activity_card;
mod activity_filters;
mod after_paint;
mod back_link;
mod care_card;
mod choices;
mod confirm_form;
mod confirmation;
mod download_button;
mod error_summary;
mod field;
mod fieldset;
mod file_upload;
mod heading;
mod idle_warning;
mod language;
mod layout;
mod listen;
mod not_found;
mod page_title;
mod qr_code;
mod question_form;
mod referral_summary;
mod result_lines;
mod send_status;
mod shared_device;
mod show_all;
mod summary_list;
mod table;
mod take_away;
mod text_input;
mod things_to_try_link;

pub use activity_card::{badge_words, ActivityCard};
pub use activity_filters::ActivityFilters;
pub use after_paint::AfterPaint;
pub use back_link::BackLink;
pub use care_card::{CareCardView, CrisisContacts, HelpNowLink, ServiceContactLinks};
pub use choices::{toggle, Answer, ChoiceItem, Choices, Reveal};
pub use confirm_form::ConfirmForm;
pub use confirmation::ReferenceConfirmation;
pub use download_button::DownloadButton;
pub use error_summary::{ErrorSummary, FieldError};
pub use field::FailureAlert;
pub use file_upload::FileUpload;
pub use heading::PageHeading;
pub use idle_warning::IdleWarning;
pub use language::LanguageControl;
pub use layout::{Footer, Header, Notices};
pub use listen::ListenButton;
pub use not_found::{finished_referral, DeadEnd, NotFound, NothingInProgress};
pub use page_title::PageTitle;
pub use qr_code::QrCode;
pub use question_form::QuestionForm;
pub use referral_summary::ReferralSummary;
pub use result_lines::{result_lines, ResultLines};
pub use send_status::{
    data_intro_words, kept_words, start_privacy_words, CheckInSendStatus, ReferralNext,
    ReferralSendStatus, SendStatus, SendingSummary, SharingSection, StillSending, Undelivered,
    UndeliveredChoice, UrgentNotTold,
};
pub use shared_device::{AssistedSwitch, HandBack, ModeBar, VolunteerNote, VolunteerSafetyGuide};
pub use show_all::{row_focus, show_all_button};
pub use summary_list::{ChangeLink, SummaryRow};
pub use table::Table;
pub use take_away::TakeAway;
pub use text_input::{TextInput, ANNOUNCE_AFTER};
pub use things_to_try_link::ThingsToTryLink;
