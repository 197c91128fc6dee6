//! One file per screen. Pages compose components, read the state's handles and call their
//! actions; they never import each other, and find each other's addresses in
//! [`crate::routes`].

mod check_answers;
mod check_in;
mod finish;
mod follow_up;
mod get_help;
mod hand_back;
mod helping;
mod history;
mod home;
mod not_now;
mod not_on_device;
mod progress;
mod question;
pub mod referral;
mod sending;
mod start;
mod take;
mod things_to_try;
mod your_data;

pub use check_answers::CheckAnswersPage;
pub use check_in::CheckInPage;
pub use finish::FinishPage;
pub use follow_up::{ActivitiesPage, GoalsPage, JourneyStepPage};
pub use get_help::GetHelpPage;
pub use hand_back::HandBackPage;
pub use helping::HelpingPage;
pub use history::HistoryPage;
pub use home::HomePage;
pub use not_now::NotNowPage;
pub use not_on_device::NotOnDevicePage;
pub use progress::{get_ready as get_progress_ready, ProgressPage};
pub use question::{question_view, QuestionPage};
pub use sending::SendingPage;
pub use start::StartPage;
pub use take::TakePage;
pub use things_to_try::ThingsToTryPage;
pub use your_data::{DataDeletedPage, DeleteDataPage, YourDataPage};
