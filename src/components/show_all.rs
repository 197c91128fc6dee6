//! Lists that grow with every check-in, cut to their newest rows until the person asks for
//! the rest: years of check-ins stay quick to draw and easy to read.

use leptos::prelude::*;

use crate::browser;
use crate::domain::progress::{Showing, RECENT};
use crate::i18n::{Messages, Plural};

/// The id of the first row a "Show all" button brings in, in table `table`: it takes focus.
fn earlier_row_id(table: &str) -> String {
    format!("{table}-earlier")
}

/// The attributes of row `i` (newest first) of a table cut to its newest rows: the first row
/// that was hidden can take focus, for the person who asked to see it.
pub fn row_focus(table: &'static str, i: usize) -> (Option<String>, Option<&'static str>) {
    if i == RECENT {
        (Some(earlier_row_id(table)), Some("-1"))
    } else {
        (None, None)
    }
}

/// The button under a list cut to its newest rows: it shows every row, then takes focus to
/// the first row that was hidden, so keyboard and screen reader users carry on from there.
/// `words` count every row ("Show all 520 check-ins").
pub fn show_all_button(
    m: &'static Messages,
    showing: RwSignal<Showing>,
    table: &'static str,
    words: &'static Plural,
    total: usize,
) -> impl IntoView {
    let show_all = move |_| {
        showing.set(Showing::All);
        browser::focus_soon(format!("#{}", earlier_row_id(table)));
    };
    move || {
        (showing.get().hidden(total) > 0).then(|| {
            view! {
                <button type="button" class="f-button f-button--secondary" id=format!("{table}-show-all")
                    aria-controls=table on:click=show_all>
                    {m.count(words, total as u64)}
                </button>
            }
        }).into_any()
    }
}
