//! Durations in session scripts: a number of milliseconds, or text such as `500ms`, `30s`, `15m`, `2h`, `1d`, `3w`,
//! `14mo`, `1y`. A month is 30.436875 days (the vendor's "15 months" = `Max-Age=39446190`), a year 365.2425 days.

use serde::{Deserialize, Deserializer};

/// The longest span a script may give, in ms (about 285 000 years: larger numbers are surely mistakes).
pub(crate) const MAX_MS: u64 = 9_000_000_000_000_000;

/// A span of virtual time in milliseconds, at most 9×10¹⁵ (about 285,000 years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span(pub u64);

const UNITS: [(&str, f64); 8] = [
    ("ms", 1.0),
    ("mo", 30.436875 * 86_400_000.0),
    ("s", 1_000.0),
    ("m", 60_000.0),
    ("h", 3_600_000.0),
    ("d", 86_400_000.0),
    ("w", 7.0 * 86_400_000.0),
    ("y", 365.2425 * 86_400_000.0),
];

impl Span {
    /// Parses `15m`, `14mo`, `250ms`, `1.5h`, or a bare number of milliseconds.
    ///
    /// # Errors
    /// A [`SpanError`] that names the text and the accepted units.
    pub fn parse(text: &str) -> Result<Span, SpanError> {
        let t = text.trim();
        let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
        let (num, unit) = t.split_at(split);
        let value: f64 = num.parse().map_err(|_| bad(text))?;
        let factor = if unit.is_empty() {
            1.0
        } else {
            UNITS.iter().find(|(u, _)| *u == unit.trim()).map(|(_, f)| *f).ok_or_else(|| bad(text))?
        };
        let ms = (value * factor).round();
        if !(0.0..=MAX_MS as f64).contains(&ms) {
            return Err(bad(text));
        }
        Ok(Span(ms as u64))
    }
}

fn bad(text: &str) -> SpanError {
    SpanError { text: text.to_owned() }
}

/// A duration that does not parse, or is negative or above the limit ([`Span::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad duration {text:?}: use milliseconds or a number with ms, s, m, h, d, w, mo or y (e.g. \"15m\", \"14mo\")")]
pub struct SpanError {
    /// The text as given.
    pub text: String,
}

/// Reads as a person would say it, at most two units: `250 ms`, `5 s`, `1.250 s`, `2m 5s`, `3h 0m`, `487d 0h` (for
/// offsets in reports; the exact instant stays in the transcript).
impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const S: u64 = 1_000;
        const M: u64 = 60 * S;
        const H: u64 = 60 * M;
        const D: u64 = 24 * H;
        let ms = self.0;
        match ms {
            _ if ms < S => write!(f, "{ms} ms"),
            _ if ms < M && ms.is_multiple_of(S) => write!(f, "{} s", ms / S),
            _ if ms < M => write!(f, "{}.{:03} s", ms / S, ms % S),
            _ if ms < H => write!(f, "{}m {}s", ms / M, ms % M / S),
            _ if ms < D => write!(f, "{}h {}m", ms / H, ms % H / M),
            _ => write!(f, "{}d {}h", ms / D, ms % D / H),
        }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Span;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("milliseconds or a duration such as \"15m\" or \"14mo\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Span, E> {
                bounded(v).map(Span)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Span, E> {
                let v = u64::try_from(v).map_err(|_| E::custom("a duration cannot be negative"))?;
                bounded(v).map(Span)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Span, E> {
                Span::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Span, E> {
                Span::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

fn bounded<E: serde::de::Error>(ms: u64) -> Result<u64, E> {
    if ms > MAX_MS {
        return Err(E::custom(format!("{ms} ms is above the limit of {MAX_MS} ms")));
    }
    Ok(ms)
}

/// Deserialises an optional number of milliseconds, at most [`MAX_MS`] (for `latency_ms`).
///
/// # Errors
/// When the value is not a whole number or is above the limit.
pub(crate) fn bounded_ms_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Option::<u64>::deserialize(d)?.map(bounded).transpose()
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn parses_units() {
        assert_eq!(Span::parse("250").unwrap(), Span(250));
        assert_eq!(Span::parse("250ms").unwrap(), Span(250));
        assert_eq!(Span::parse("15m").unwrap(), Span(900_000));
        assert_eq!(Span::parse("1.5h").unwrap(), Span(5_400_000));
        assert_eq!(Span::parse("15mo").unwrap(), Span(39_446_190_000));
        assert_eq!(Span::parse("1y").unwrap(), Span(31_556_952_000));
        assert!(Span::parse("3 fortnights").unwrap_err().to_string().contains("3 fortnights"));
        assert!(Span::parse("-1s").is_err());
        assert!(Span::parse("9000000000000001").is_err());
        let too_big: Result<Span, _> = serde_json::from_str("18446744073709551615");
        assert!(too_big.unwrap_err().to_string().contains("above the limit"));
        let max: Span = serde_json::from_str("9000000000000000").unwrap();
        assert_eq!(max, Span(super::MAX_MS));
    }

    #[test]
    fn displays_two_units_at_most() {
        let shown = |ms| Span(ms).to_string();
        assert_eq!(shown(0), "0 ms");
        assert_eq!(shown(999), "999 ms");
        assert_eq!(shown(5_000), "5 s");
        assert_eq!(shown(1_250), "1.250 s");
        assert_eq!(shown(125_000), "2m 5s");
        assert_eq!(shown(3 * 3_600_000 + 59_999), "3h 0m");
        assert_eq!(shown(42_075_936_000), "486d 23h");
        assert_eq!(shown(Span::parse("487d").unwrap().0), "487d 0h");
    }
}
