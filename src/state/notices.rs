//! The notices shown at the top of every page.

use leptos::prelude::*;

use super::core::Core;
use super::notice::Notice;

/// What the person must be told, and the actions on it.
#[derive(Clone, Copy)]
pub struct Notices(pub(super) Core);

impl Notices {
    /// Every notice showing, oldest first.
    pub fn list(&self) -> ReadSignal<Vec<Notice>> {
        self.0.notices.read
    }

    /// Shows a notice, once.
    pub fn notify(&self, notice: Notice) {
        self.0.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Removes a notice the person has read.
    pub fn dismiss(&self, notice: &Notice) {
        self.0.notices.update(|n| n.retain(|x| x != notice));
    }
}
