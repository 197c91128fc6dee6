//! The self-referral journey: one question per page at `/referral/:step`, then check your
//! answers, confirmation, and the finished referral to print or download.

mod check;
mod finished;
mod send;
mod start_again;
mod step;

pub use check::ReferralCheckPage;
pub use finished::{ReferralDonePage, ReferralViewPage};
pub use send::ReferralSendPage;
pub use start_again::ReferralStartAgainPage;
pub use step::ReferralPage;
