//! Files and envelopes that say what they are: a JSON document with a `format` name, read
//! only when the name is the one expected.

use serde::de::DeserializeOwned;

/// Reads `text` as a `T` whose format, as `format_of` gives it, is `format`; otherwise why
/// not, in words.
pub fn read_named<T: DeserializeOwned>(
    text: &str,
    format: &str,
    format_of: impl Fn(&T) -> &str,
) -> Result<T, String> {
    let doc: T = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let named = format_of(&doc);
    if named != format {
        return Err(format!("format is {named:?}"));
    }
    Ok(doc)
}
