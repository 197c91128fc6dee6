//! One file per screen. Pages compose components and call the actions of [`crate::state`].

mod check_answers;
mod check_in;
pub mod follow_up;
mod get_help;
mod history;
mod home;
mod not_found;
mod not_now;
pub mod progress;
pub mod question;
pub mod referral;
mod your_data;

pub use check_answers::CheckAnswersPage;
pub use check_in::CheckInPage;
pub use follow_up::{ActivitiesPage, GoalsPage, JourneyStepPage};
pub use get_help::{CrisisContacts, GetHelpPage};
pub use history::HistoryPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use not_now::NotNowPage;
pub use progress::ProgressPage;
pub use question::QuestionPage;
pub use your_data::{DataDeletedPage, DeleteDataPage, YourDataPage};
