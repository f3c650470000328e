//! Patterns of expectations, compiled when the script is parsed: a regex that does not compile is a parse error
//! naming the field, never a silent "no match" (which would make a `count: 0` check pass on a typo).
//!
//! - [`TextPattern`]: `re:<regex>` (anywhere in the text), a glob with `*` (the whole text), or exact text.
//! - [`LinePattern`]: `re:<regex>`, or a substring (console lines).
//! - [`BodyPattern`]: a JSON value the request body must contain (`re:` strings inside it compiled too).

use regex::Regex;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

#[derive(Debug, Clone)]
enum Matcher {
    Exact(String),
    Substring(String),
    Regex(Regex),
}

impl Matcher {
    fn is_match(&self, text: &str) -> bool {
        match self {
            Matcher::Exact(e) => e == text,
            Matcher::Substring(s) => text.contains(s.as_str()),
            Matcher::Regex(r) => r.is_match(text),
        }
    }
}

fn regex(source: &str) -> Result<Regex, String> {
    Regex::new(source).map_err(|e| {
        // The regex crate's message spans several lines (a caret diagram); the first line after the pattern is enough.
        let why = e.to_string();
        let why = why.lines().rev().find(|l| l.starts_with("error:")).unwrap_or(why.as_str()).to_owned();
        format!("bad regex {:?}: {}", format!("re:{source}"), why.trim_start_matches("error: "))
    })
}

/// `re:<regex>`, a glob with `*`, or exact text (URLs, header and cookie values).
#[derive(Debug, Clone)]
pub struct TextPattern {
    source: String,
    matcher: Matcher,
}

impl TextPattern {
    /// Compiles `source`.
    ///
    /// # Errors
    /// A regex that does not compile, with the reason.
    pub fn new(source: &str) -> Result<TextPattern, String> {
        let matcher = if let Some(re) = source.strip_prefix("re:") {
            Matcher::Regex(regex(re)?)
        } else if source.contains('*') {
            let parts: Vec<String> = source.split('*').map(regex::escape).collect();
            Matcher::Regex(regex(&format!("^{}$", parts.join(".*")))?)
        } else {
            Matcher::Exact(source.to_owned())
        };
        Ok(TextPattern { source: source.to_owned(), matcher })
    }

    /// Whether `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl<'de> Deserialize<'de> for TextPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TextPattern::new(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// `re:<regex>`, or a substring (console lines).
#[derive(Debug, Clone)]
pub struct LinePattern {
    source: String,
    matcher: Matcher,
}

impl LinePattern {
    /// Compiles `source`.
    ///
    /// # Errors
    /// A regex that does not compile, with the reason.
    pub fn new(source: &str) -> Result<LinePattern, String> {
        let matcher = match source.strip_prefix("re:") {
            Some(re) => Matcher::Regex(regex(re)?),
            None => Matcher::Substring(source.to_owned()),
        };
        Ok(LinePattern { source: source.to_owned(), matcher })
    }

    /// Whether `text` matches.
    pub fn is_match(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl<'de> Deserialize<'de> for LinePattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        LinePattern::new(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A JSON value a body must contain: objects need these keys with matching values (other keys may be there),
/// arrays need the same length with each element matching, strings starting with `re:` are regexes, anything else
/// must be equal.
#[derive(Debug, Clone)]
pub struct BodyPattern {
    source: Value,
    tree: Node,
}

#[derive(Debug, Clone)]
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Regex(Regex),
    Equal(Value),
}

impl BodyPattern {
    /// Compiles `source`.
    ///
    /// # Errors
    /// A `re:` string that does not compile, with its path inside the value (`properties.sku`).
    pub fn new(source: Value) -> Result<BodyPattern, String> {
        let tree = compile(&source, &mut String::new())?;
        Ok(BodyPattern { source, tree })
    }

    /// Whether `actual` contains the pattern.
    pub fn matches(&self, actual: &Value) -> bool {
        node_matches(&self.tree, actual)
    }

    /// The pattern as written.
    pub fn as_value(&self) -> &Value {
        &self.source
    }
}

fn compile(v: &Value, path: &mut String) -> Result<Node, String> {
    Ok(match v {
        Value::Object(m) => {
            let mut fields = Vec::with_capacity(m.len());
            for (k, item) in m {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                fields.push((k.clone(), compile(item, path)?));
                path.truncate(len);
            }
            Node::Object(fields)
        }
        Value::Array(items) => {
            let mut nodes = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                nodes.push(compile(item, path)?);
                path.truncate(len);
            }
            Node::Array(nodes)
        }
        Value::String(s) if s.starts_with("re:") => {
            let at = if path.is_empty() { String::new() } else { format!(" at {path}") };
            Node::Regex(regex(&s[3..]).map_err(|e| format!("{e}{at}"))?)
        }
        other => Node::Equal(other.clone()),
    })
}

fn node_matches(node: &Node, actual: &Value) -> bool {
    match (node, actual) {
        (Node::Object(fields), Value::Object(a)) => {
            fields.iter().all(|(k, n)| a.get(k).is_some_and(|av| node_matches(n, av)))
        }
        (Node::Array(nodes), Value::Array(a)) => {
            nodes.len() == a.len() && nodes.iter().zip(a).all(|(n, v)| node_matches(n, v))
        }
        (Node::Regex(r), Value::String(a)) => r.is_match(a),
        (Node::Equal(e), a) => e == a,
        _ => false,
    }
}

impl<'de> Deserialize<'de> for BodyPattern {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BodyPattern::new(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{BodyPattern, LinePattern, TextPattern};

    #[test]
    fn text_patterns_are_exact_glob_or_regex() {
        let exact = TextPattern::new("https://a.example/x").unwrap();
        assert!(exact.is_match("https://a.example/x") && !exact.is_match("https://a.example/xy"));
        let glob = TextPattern::new("https://*.example/*").unwrap();
        assert!(glob.is_match("https://a.example/track") && !glob.is_match("http://a.example/track"));
        let re = TextPattern::new(r"re:/web/\w+/track$").unwrap();
        assert!(re.is_match("https://t.example/web/k/track") && !re.is_match("https://t.example/web/k/trackx"));
    }

    #[test]
    fn a_bad_regex_is_an_error_not_a_miss() {
        for bad in ["re:([", "re:a{2,1}"] {
            let e = TextPattern::new(bad).unwrap_err();
            assert!(e.starts_with(&format!("bad regex {bad:?}")), "{e}");
            assert!(!e.contains('\n'), "one line: {e}");
            assert!(LinePattern::new(bad).is_err());
        }
        let e = BodyPattern::new(json!({"properties": {"cart": [{"sku": "re:(("}]}})).unwrap_err();
        assert!(e.ends_with("at properties.cart[0].sku"), "{e}");
    }

    #[test]
    fn line_patterns_are_substrings_unless_regex() {
        let sub = LinePattern::new("[ce]").unwrap();
        assert!(sub.is_match("[ce] track dropped") && !sub.is_match("ce track"));
        assert!(LinePattern::new(r"re:^\[ce\] ").unwrap().is_match("[ce] x"));
    }

    #[test]
    fn body_patterns_are_recursive_with_exact_arrays() {
        let actual = json!({"a": {"b": [1, {"c": "x-1", "d": 2}]}, "e": null});
        let m = |p| BodyPattern::new(p).unwrap().matches(&actual);
        assert!(m(json!({"a": {"b": [1, {"c": "re:^x-\\d$"}]}})));
        assert!(m(json!({"e": null})));
        assert!(!m(json!({"a": {"b": [1]}})));
        assert!(!m(json!({"f": null})));
        assert!(!m(json!({"e": "re:.*"})), "a regex only matches strings");
    }
}
