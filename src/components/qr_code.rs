//! A QR code drawn as one SVG path: sharp at any size, printable, no image to fetch.

use leptos::prelude::*;

use crate::domain::take_away::svg_path;

/// A QR code, with a quiet zone, as an image with a text alternative. Its size and colours
/// come from the stylesheet (`.f-qr`): dark modules on white, whatever the page's theme.
#[component]
pub fn QrCode(
    /// The code.
    code: qrcodegen::QrCode,
    /// What the code is, for screen readers.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let (side, path) = svg_path(&code);
    view! {
        <svg class="f-qr" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {side} {side}")
            role="img" aria-label=label>
            <path d=path/>
        </svg>
    }
}
