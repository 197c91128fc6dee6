//! Finding each record's text inside a directory file, so that every record is read on its
//! own and one broken record cannot spoil the rest.
//!
//! These run only on text already known to be valid JSON (the caller checks that first), so
//! they need to know just enough JSON to find where a value ends: strings (with escapes) and
//! nesting.

/// The top-level items of the JSON array or object `text`, trimmed: an array's values, or an
/// object's `"key": value` members. `text` must be valid JSON starting with `[` or `{`.
pub(super) fn items(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = 0;
    // Byte by byte is safe in UTF-8: every byte this looks for is ASCII, and no byte of a
    // multi-byte character is below 0x80.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 {
                    start = i + 1;
                }
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    push(&mut out, &text[start..i]);
                    break;
                }
            }
            b',' if depth == 1 => {
                push(&mut out, &text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out
}

fn push<'a>(out: &mut Vec<&'a str>, item: &'a str) {
    let item = item.trim();
    if !item.is_empty() {
        out.push(item);
    }
}

/// The value of the member named `key` in the JSON object `text` (valid JSON, starting with
/// `{`), if it has one. When a key is repeated the last one counts, as serde would read it.
pub(super) fn member<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    items(text).into_iter().rev().find_map(|item| {
        let (name, value) = split_member(item)?;
        (serde_json::from_str::<String>(name).ok()? == key).then_some(value)
    })
}

/// Splits `"key": value` after the key's closing quote.
fn split_member(item: &str) -> Option<(&str, &str)> {
    let mut escaped = false;
    for (i, &b) in item.as_bytes().iter().enumerate().skip(1) {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => {
                let rest = item[i + 1..].trim_start().strip_prefix(':')?;
                return Some((&item[..=i], rest.trim()));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    #[test]
    fn an_array_is_split_into_its_values_whatever_they_hold() {
        let text = r#" [ {"a": [1, {"b": "x,]}"}]}, "q\"uo,te", 3 , [] , {} ] "#;
        assert_eq!(
            items(text),
            [
                r#"{"a": [1, {"b": "x,]}"}]}"#,
                r#""q\"uo,te""#,
                "3",
                "[]",
                "{}"
            ]
        );
        assert!(items("[]").is_empty());
        assert!(items("[ \n ]").is_empty());
    }

    #[test]
    fn an_objects_member_is_found_by_its_decoded_name() {
        let text = r#"{"size": 2, "cont\u0065nts": [{"id": "a"}], "x": {"contents": 1}}"#;
        assert_eq!(member(text, "contents"), Some(r#"[{"id": "a"}]"#));
        assert_eq!(member(text, "missing"), None);
        assert_eq!(member(r#"{"k": 1, "k": 2}"#, "k"), Some("2"));
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            // Strings full of the characters that matter: quotes, escapes, brackets, commas.
            "[\\\\\"\\[\\]{},: aé😀]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::btree_map("[a-z\"\\\\,]{0,4}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn every_value_of_any_array_is_found_exactly(values in prop::collection::vec(json_value(), 0..6), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&values)
            } else {
                serde_json::to_string(&values)
            }
            .unwrap();
            let found: Vec<Value> = items(&text)
                .into_iter()
                .map(|t| serde_json::from_str(t).unwrap())
                .collect();
            prop_assert_eq!(found, values);
        }

        #[test]
        fn any_objects_member_is_found_exactly(value in json_value(), noise in json_value()) {
            let text = json!({"before": noise, "contents": value, "after": noise}).to_string();
            let found: Value = serde_json::from_str(member(&text, "contents").unwrap()).unwrap();
            prop_assert_eq!(found, value);
        }
    }
}
