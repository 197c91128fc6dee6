use leptos::prelude::*;

use crate::components::{row_focus, show_all_button, PageHeading, PageTitle, ResultLines, Table};
use crate::domain::checkin::newest_first;
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::progress::Showing;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::use_records;

/// Every finished check-in, newest first: date, score and result. Years of check-ins show
/// their newest rows, with a button for the rest.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let m = use_messages();
    let checkins = use_records().checkins();
    let showing = RwSignal::new(Showing::Recent);
    let rows = move || {
        let all = checkins.get();
        let newest = newest_first(&all);
        let shown = newest.len() - showing.get().hidden(newest.len());
        newest
            .into_iter()
            .take(shown)
            .enumerate()
            .map(|(i, c)| {
                let (row_id, tabindex) = row_focus(TABLE, i);
                let date = m.date(c.finished_at.with_timezone(&chrono::Local).date_naive());
                let hidden = fill(m.check_in_of, &[("date", &date)]);
                view! {
                    <tr id=row_id tabindex=tabindex>
                        <td>{date.clone()}</td>
                        // Whichever questionnaires this check-in asked.
                        <td><ResultLines checkin=(*c).clone()/></td>
                        <td>
                            <A href=Route::CheckInResult(&c.id).href()>
                                {m.view}<span class="f-visually-hidden">" "{hidden}</span>
                            </A>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let show_all = move || {
        let total = checkins.read().len();
        show_all_button(m, showing, TABLE, &m.progress.show_all_check_ins, total)
    };
    view! {
        <PageTitle text=m.history_title/>
        <PageHeading text=m.history_title/>
        <Show when=move || !checkins.read().is_empty() fallback=move || view! {
            <p>{m.no_check_ins_yet}</p>
            <p><A href=Route::CheckIn(CheckInStep::FIRST).href() class="f-button">{m.start_check_in}</A></p>
        }>
            <Table id=TABLE caption=m.history_caption caption_hidden=true
                headings=vec![m.date, m.result, ""] hidden_heading=m.actions>
                {rows}
            </Table>
            {show_all}
        </Show>
        <p><A href=Route::Progress.href()>{m.see_progress}</A></p>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}

/// The table's id, for the "Show all" button and the row that takes focus after it.
const TABLE: &str = "check-ins";
