//! UK postcodes, as far as "near you" needs them: the district (`WX1`, the part before the
//! space) and the area (`WX`, its letters). The person is only ever asked for a district.

use crate::domain::referral::is_postcode_district;

/// A place's postcode, written the standard way (`WX1 2AB`), or only its district (`WX1`)
/// when that is all the record gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postcode {
    text: String,
    district_len: usize,
}

impl Postcode {
    /// Reads a full postcode or a district, ignoring case and spaces; `None` when it cannot be
    /// a UK postcode (another country's, or a typo).
    pub fn parse(input: &str) -> Option<Self> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if is_postcode_district(&s) {
            return Some(Self {
                district_len: s.len(),
                text: s,
            });
        }
        // The inward code is always a digit and two letters.
        let split = s.len().checked_sub(3)?;
        let (outward, inward) = (s.get(..split)?, s.get(split..)?);
        let b = inward.as_bytes();
        let inward_ok =
            b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic();
        (inward_ok && is_postcode_district(outward)).then(|| Self {
            text: format!("{outward} {inward}"),
            district_len: outward.len(),
        })
    }

    /// The postcode as written on a letter, e.g. `WX1 2AB` (or just `WX1`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The district, e.g. `WX1`.
    pub fn district(&self) -> &str {
        &self.text[..self.district_len]
    }

    /// The area: the district's letters, e.g. `WX`.
    pub fn area(&self) -> &str {
        area(self.district())
    }
}

/// The letters at the start of a district.
fn area(district: &str) -> &str {
    let letters = district.bytes().take_while(u8::is_ascii_alphabetic).count();
    &district[..letters]
}

/// The district a person gave, tidied (`wx1` → `WX1`); a full postcode is cut to its district
/// so that the app never keeps more than it asked for. `None` when it is neither.
pub fn person_district(input: &str) -> Option<String> {
    Postcode::parse(input).map(|p| p.district().to_owned())
}

/// How near a place is to the person's district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Proximity {
    /// Another area, no postcode, or the person gave none.
    Unknown,
    /// The same area (the district's letters): `WX3` for someone in `WX1`.
    SameArea,
    /// The same district.
    SameDistrict,
}

impl Proximity {
    /// How near `place` is to someone in `district` (already tidied by [`person_district`]).
    pub fn of(place: &Postcode, district: &str) -> Self {
        if place.district() == district {
            Self::SameDistrict
        } else if place.area() == area(district) {
            Self::SameArea
        } else {
            Self::Unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_postcode_is_read_however_it_is_typed() {
        for typed in ["WX1 2AB", "wx12ab", " Wx1  2aB ", "WX1\t2AB"] {
            let p = Postcode::parse(typed).unwrap();
            assert_eq!(p.as_str(), "WX1 2AB", "{typed}");
            assert_eq!((p.district(), p.area()), ("WX1", "WX"));
        }
        let long = Postcode::parse("WX10 9ZZ").unwrap();
        assert_eq!((long.district(), long.area()), ("WX10", "WX"));
        let london = Postcode::parse("sw1a 1aa").unwrap();
        assert_eq!((london.district(), london.area()), ("SW1A", "SW"));
        let district_only = Postcode::parse("wx3").unwrap();
        assert_eq!(
            (district_only.as_str(), district_only.district()),
            ("WX3", "WX3")
        );
    }

    #[test]
    fn things_that_are_not_uk_postcodes_are_refused() {
        for typed in [
            "",
            "ABC 1234",
            "12345",
            "WX1 2A",
            "WX1 A2B",
            "W",
            "WXYZ1 2AB",
            "CF10 1AA X",
        ] {
            assert_eq!(Postcode::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_person_who_typed_a_whole_postcode_is_kept_to_the_district() {
        assert_eq!(person_district("wx1 2ab").as_deref(), Some("WX1"));
        assert_eq!(person_district(" wx10 ").as_deref(), Some("WX10"));
        assert_eq!(person_district("near the park"), None);
    }

    #[test]
    fn the_same_district_is_nearer_than_the_same_area_and_wx1_is_not_wx10() {
        let place = Postcode::parse("WX1 2AB").unwrap();
        assert_eq!(Proximity::of(&place, "WX1"), Proximity::SameDistrict);
        assert_eq!(Proximity::of(&place, "WX10"), Proximity::SameArea);
        assert_eq!(Proximity::of(&place, "WY1"), Proximity::Unknown);
        assert_eq!(Proximity::of(&place, "W1"), Proximity::Unknown);
        assert!(Proximity::SameDistrict > Proximity::SameArea);
        assert!(Proximity::SameArea > Proximity::Unknown);
    }

    proptest! {
        #[test]
        fn any_input_is_either_refused_or_read_to_a_consistent_postcode(typed in "[A-Za-z0-9 ]{0,9}") {
            if let Some(p) = Postcode::parse(&typed) {
                prop_assert!(is_postcode_district(p.district()));
                prop_assert!(p.as_str().starts_with(p.district()));
                prop_assert!(p.district().starts_with(p.area()));
                prop_assert_eq!(Postcode::parse(p.as_str()), Some(p.clone()));
                prop_assert_eq!(Proximity::of(&p, p.district()), Proximity::SameDistrict);
            }
        }
    }
}
