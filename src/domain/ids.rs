//! Record ids: the form the app makes them in, and the form a record's id must have to be
//! brought in from a file.
//!
//! The app makes every id itself as a random version-4 UUID
//! (`2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f`); the browser module supplies the random bytes.
//! An id is also used in addresses, file names and a service's records, so an id read from a
//! file must be a *plain token* ([`is_plain_token`]): every id this app has ever made is one.

/// The longest id a record may have, in bytes. A UUID is 36; this leaves room for ids made
/// by hand in tests and fixtures (`draft-1`, `c-1`) without letting a file carry a page of
/// text where an id should be.
pub const ID_MAX_LEN: usize = 64;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Formats 16 random bytes as an RFC 4122 version-4 UUID in lower case: the version nibble
/// is set to 4 and the variant bits to `10`, leaving 122 random bits.
pub fn uuid_v4_from(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// Whether `id` is a plain token: 1 to [`ID_MAX_LEN`] characters, each an ASCII letter or
/// digit, `.`, `_` or `-`. UUIDs, the app's older hexadecimal ids and the fixtures' ids all
/// are; a record whose id is not is set aside on import rather than brought in.
pub fn is_plain_token(id: &str) -> bool {
    (1..=ID_MAX_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Whether `s` has the shape of a version-4 UUID as [`uuid_v4_from`] writes it: 8-4-4-4-12
/// lower-case hex, `4` as the version nibble, one of `8 9 a b` as the variant nibble. The
/// browser tests hold the ids the browser makes to it.
pub fn is_uuid_v4(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            14 => c == b'4',
            19 => matches!(c, b'8' | b'9' | b'a' | b'b'),
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(&c),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_the_version_and_variant_bits_are_changed() {
        let bytes = [
            0x2f, 0x0c, 0x6d, 0x1e, 0x8b, 0x0a, 0xfc, 0x55, 0x1f, 0x7e, 0x0d, 0x6a, 0x1c, 0x2b,
            0x3e, 0x4f,
        ];
        // Byte 6's high nibble becomes 4, byte 8's top two bits become 10; the rest is as given.
        assert_eq!(uuid_v4_from(bytes), "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f");
        assert_eq!(
            uuid_v4_from([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
        assert_eq!(
            uuid_v4_from([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
    }

    #[test]
    fn every_id_the_app_has_made_is_a_plain_token() {
        for id in [
            "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f", // a UUID, from crypto
            "0a1b2c3d4e5f60718293a4b5c6d7e8f9",     // the old Math.random fallback
            "draft-1",
            "c-1",
            "a",
            "p.1_x",
            &"x".repeat(ID_MAX_LEN),
        ] {
            assert!(is_plain_token(id), "{id}");
        }
    }

    #[test]
    fn text_that_is_not_a_plain_token_is_refused() {
        for id in [
            "",
            " a",
            "a b",
            "a/b",
            "../etc",
            "<script>",
            "é",
            "a\n",
            "\u{feff}a",
            &"x".repeat(ID_MAX_LEN + 1),
        ] {
            assert!(!is_plain_token(id), "{id:?}");
        }
    }

    proptest! {
        #[test]
        fn any_sixteen_bytes_make_a_well_formed_version_4_uuid(bytes in any::<[u8; 16]>()) {
            let id = uuid_v4_from(bytes);
            prop_assert!(is_uuid_v4(&id), "{}", id);
            prop_assert!(is_plain_token(&id));
            // The other 122 bits are the bytes given, so distinct randomness gives distinct ids.
            let hex: String = id.chars().filter(|&c| c != '-').collect();
            for (i, b) in bytes.iter().enumerate() {
                let got = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
                let mask = match i { 6 => 0x0f, 8 => 0x3f, _ => 0xff };
                prop_assert_eq!(got & mask, b & mask);
            }
        }
    }
}
