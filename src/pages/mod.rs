//! One file per screen. Pages compose components and call the actions of [`crate::state`].

mod check_answers;
mod check_in;
mod get_help;
mod history;
mod home;
mod not_found;
pub mod question;
pub mod referral;
mod your_data;

pub use check_answers::CheckAnswersPage;
pub use check_in::CheckInPage;
pub use get_help::{CrisisContacts, GetHelpPage};
pub use history::HistoryPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use question::QuestionPage;
pub use your_data::{DataDeletedPage, DeleteDataPage, YourDataPage};
