//! A table of figures or records, in the GOV.UK table pattern.

use leptos::prelude::*;

/// A table with a caption and a row of column headings; the rows are the children. The
/// caption names the table for screen readers, and can be hidden when a heading just above
/// already says the same.
#[component]
pub fn Table(
    /// The table's id, for tests and links.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Extra CSS class, e.g. `f-table--changes`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// What the table shows.
    #[prop(into)]
    caption: String,
    /// Shows the caption to screen readers only.
    #[prop(optional)]
    caption_hidden: bool,
    /// The column headings; an empty heading is read out as `hidden_heading` only.
    headings: Vec<&'static str>,
    /// The words of an empty heading (a column of links), for screen readers.
    #[prop(optional)]
    hidden_heading: Option<&'static str>,
    /// The rows.
    children: Children,
) -> impl IntoView {
    let class = format!("f-table {}", class.unwrap_or_default());
    let headings = headings
        .into_iter()
        .map(|h| {
            let words = if h.is_empty() {
                view! { <span class="f-visually-hidden">{hidden_heading}</span> }.into_any()
            } else {
                h.into_any()
            };
            view! { <th scope="col">{words}</th> }
        })
        .collect_view();
    view! {
        <table class=class.trim_end().to_owned() id=id>
            <caption class="f-table__caption" class:f-visually-hidden=caption_hidden>{caption}</caption>
            <thead><tr>{headings}</tr></thead>
            <tbody>{children()}</tbody>
        </table>
    }
}
