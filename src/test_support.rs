//! What tests across the crate share.

use std::sync::OnceLock;

use crate::config::{Choice, ServiceConfig};

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

/// The ids in one of the default configuration's lists that a person may choose together:
/// all but the exclusive ones ("None of these", "Not sure").
pub(crate) fn default_ids(list: fn(&ServiceConfig) -> &Vec<Choice>) -> Vec<&'static str> {
    static DEFAULTS: OnceLock<ServiceConfig> = OnceLock::new();
    list(DEFAULTS.get_or_init(ServiceConfig::default))
        .iter()
        .filter(|c| !c.exclusive)
        .map(|c| c.id.as_str())
        .collect()
}
