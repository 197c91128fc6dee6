//! What tests across the crate share.

/// The first JSON block after `after` in the README: the examples people copy from, so tests
/// can keep them true. Empty when there is none, which the tests' checks then refuse.
pub(crate) fn readme_json(after: &str) -> &'static str {
    include_str!("../README.md")
        .split(after)
        .nth(1)
        .and_then(|rest| rest.split("```json").nth(1))
        .and_then(|block| block.split("```").next())
        .unwrap_or_default()
}
