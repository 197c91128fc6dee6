//! Links that work on a phone: `tel:`, `mailto:`, the service's web page, and a map.
//!
//! A directory is written by someone else, so every link is built only from what checks out:
//! a number that can be dialled, an address that can be an email, a web address that is
//! `http(s)`. Anything else is still shown as text by the page, just not as a link.

use crate::domain::referral::{dialled_digits, is_email, parse_uk_phone};

/// What a link does, so the page can say it ("Call", "Email", "Website", "Map").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// A `tel:` link.
    Phone,
    /// A `mailto:` link.
    Email,
    /// The service's own web page.
    Web,
    /// The place on OpenStreetMap (only where the service allows map links).
    Map,
}

/// A link ready to render: `href` is safe to put in an `<a>`; `text` is the data it is for
/// (the number as published, the address, the web address without `https://`, the
/// place's address line), never words of the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What it does.
    pub kind: LinkKind,
    /// The URL.
    pub href: String,
    /// What it points at, as data.
    pub text: String,
}

/// The `tel:` link for a number as published (`01632 960000`, `+44 (0)1632 960000`,
/// `0044 1632 960000`, `116 123`, `+33 1 23 45 67 89`), or `None` when it cannot be dialled.
/// UK numbers become `+44…` so they work from any phone, roaming too; an extension after
/// the number (`ext. 12`) is left off the link.
pub fn tel_href(number: &str) -> Option<String> {
    // The number ends where words begin: "01632 960000 ext 12", "01632 960000 (option 2)".
    let end = number
        .find(|c: char| c.is_alphabetic() || c == ',' || c == ';')
        .unwrap_or(number.len());
    let number = number[..end].trim().trim_end_matches('(').trim();
    if let Ok(uk) = parse_uk_phone(number) {
        return Some(format!("tel:+44{}", &uk.0[1..]));
    }
    let digits = dialled_digits(number)?;
    let international = number.starts_with('+') || number.starts_with("00");
    match digits.len() {
        // Short numbers: 111, 999, and the 116 and 118 ranges (116 123).
        3 if !international && !digits.starts_with('0') => Some(format!("tel:{digits}")),
        6 if !international && (digits.starts_with("116") || digits.starts_with("118")) => {
            Some(format!("tel:{digits}"))
        }
        // Another country's number, written with its code; not +44, which was checked above.
        8..=17 if international => {
            let digits = digits.strip_prefix("00").unwrap_or(&digits);
            (!digits.starts_with("44")).then(|| format!("tel:+{digits}"))
        }
        _ => None,
    }
}

/// The `mailto:` link for an address, or `None` when it cannot be an email address or holds
/// characters that would change what a `mailto:` link does (`?`, `&`, `%`, `#`, `/`).
pub fn mailto_href(address: &str) -> Option<String> {
    let address = address.trim();
    (is_email(address) && !address.contains(['?', '&', '%', '#', '/', '"', '<', '>']))
        .then(|| format!("mailto:{address}"))
}

/// The web address itself when it is an `http` or `https` address with a host, else `None`
/// (a `javascript:` or `data:` address is never made a link).
pub fn web_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'));
    (clean && !host.is_empty() && !host.starts_with('@')).then(|| url.to_owned())
}

/// How a web address is shown: without `https://`, `www.` or a final `/`.
pub fn web_text(url: &str) -> String {
    let url = url.trim();
    let rest = ["https://", "http://", "HTTPS://", "HTTP://"]
        .iter()
        .find_map(|p| url.strip_prefix(p))
        .unwrap_or(url);
    rest.strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches('/')
        .to_owned()
}

/// An OpenStreetMap link for a place: its coordinates (`lat_lon`) when the record gives
/// believable ones, else a search for its `address` line with the postcode. `None` for an
/// online place or one with nothing to search for.
pub fn map_href(online: bool, lat_lon: Option<(f64, f64)>, address: &str) -> Option<String> {
    if online {
        return None;
    }
    if let Some((lat, lon)) = lat_lon {
        return Some(format!(
            "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        ));
    }
    let query = address;
    (!query.is_empty()).then(|| {
        format!(
            "https://www.openstreetmap.org/search?query={}",
            percent_encode(query)
        )
    })
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn uk_numbers_dial_as_plus_44_however_they_are_written() {
        for written in [
            "01632 960000",
            "01632-960000",
            "(01632) 960000",
            "+44 1632 960000",
            "+44 (0)1632 960000",
            "0044 1632 960000",
            "01632 960000 ext. 12",
            "01632 960000 (option 2)",
        ] {
            assert_eq!(
                tel_href(written).as_deref(),
                Some("tel:+441632960000"),
                "{written}"
            );
        }
        for (written, dialled) in [
            ("07700 900123", "tel:+447700900123"),
            ("0800 123 4567", "tel:+448001234567"),
        ] {
            assert_eq!(tel_href(written).as_deref(), Some(dialled), "{written}");
        }
    }

    #[test]
    fn short_and_foreign_numbers_dial_as_written() {
        for (written, dialled) in [
            ("111", "tel:111"),
            ("116 123", "tel:116123"),
            ("+33 1 23 45 67 89", "tel:+33123456789"),
            ("00353 1 234 5678", "tel:+35312345678"),
        ] {
            assert_eq!(tel_href(written).as_deref(), Some(dialled), "{written}");
        }
    }

    #[test]
    fn what_cannot_be_dialled_is_not_a_link() {
        for written in [
            "",
            "Ask at reception",
            "1632",
            "0163 29",
            "+44 1632",
            "09 11",
            "01632 96000O",
        ] {
            assert_eq!(tel_href(written), None, "{written}");
        }
    }

    #[test]
    fn email_links_only_for_addresses_that_cannot_do_anything_else() {
        assert_eq!(
            mailto_href(" hello@example.org ").as_deref(),
            Some("mailto:hello@example.org")
        );
        for bad in [
            "",
            "hello",
            "hello@",
            "a b@example.org",
            "x@example.org?cc=y@example.org",
            "x@example.org&body=hi",
        ] {
            assert_eq!(mailto_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_web_addresses_become_website_links() {
        assert_eq!(
            web_href("https://example.org/walks").as_deref(),
            Some("https://example.org/walks")
        );
        assert_eq!(
            web_href("HTTP://example.org").as_deref(),
            Some("HTTP://example.org")
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "example.org",
            "https://",
            "https:// example.org",
            "https://exa\"mple.org",
            "ftp://example.org",
        ] {
            assert_eq!(web_href(bad), None, "{bad}");
        }
        assert_eq!(
            web_text("https://www.example.org/walks/"),
            "example.org/walks"
        );
    }

    const ADDRESS: &str = "1 Example Street, Wellbrook, WX1 2AB";

    #[test]
    fn a_map_link_points_at_the_coordinates_or_searches_for_the_address() {
        assert_eq!(
            map_href(false, Some((53.5, -1.25)), ADDRESS).as_deref(),
            Some("https://www.openstreetmap.org/?mlat=53.5&mlon=-1.25#map=17/53.5/-1.25")
        );
        assert_eq!(
            map_href(false, None, ADDRESS).as_deref(),
            Some("https://www.openstreetmap.org/search?query=1%20Example%20Street%2C%20Wellbrook%2C%20WX1%202AB")
        );
        assert_eq!(map_href(true, None, ADDRESS), None);
        assert_eq!(map_href(false, None, ""), None);
    }

    proptest! {
        #[test]
        fn a_tel_link_is_only_ever_plus_and_digits(written in "[0-9 +()\\-.a-z]{0,20}") {
            if let Some(href) = tel_href(&written) {
                let rest = href.strip_prefix("tel:").unwrap();
                let digits = rest.strip_prefix('+').unwrap_or(rest);
                prop_assert!(digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit()), "{}", href);
            }
        }

        #[test]
        fn a_map_search_never_carries_a_raw_reserved_character(line in "\\PC{0,30}") {
            if let Some(href) = map_href(false, None, line.trim()) {
                let query = href.split_once("query=").unwrap().1;
                prop_assert!(query.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{}", href);
            }
        }
    }
}
