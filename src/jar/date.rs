//! The cookie date parser of RFC 6265 section 5.1.1 (the `Expires` attribute), on [`VirtualTime`].
//!
//! The `cookie` crate's parser accepts only the three HTTP date formats (it passes 5 of the 15 cases of the http-state
//! `dates-examples.json` corpus), so the jar uses this one. It is the RFC's tokenizer and found-flags algorithm: it
//! takes the first time, day of month, month and year tokens it finds in any order and ignores everything else, so
//! `Wed, 09 Dec 2009 16:27:23 GMT`, `Thu Apr 18 22:50:12 2007` and `15-Apr-17 21:01:22 (hello)` all parse. Time zones
//! are ignored: every cookie date is UTC.

use time::{Date, Month, PrimitiveDateTime, Time};

use crate::clock::VirtualTime;

/// Parses a cookie date (RFC 6265 section 5.1.1); `None` when the algorithm fails (the attribute is then ignored).
pub(crate) fn parse_cookie_date(text: &str) -> Option<VirtualTime> {
    let mut time: Option<(u8, u8, u8)> = None;
    let mut day: Option<u8> = None;
    let mut month: Option<Month> = None;
    let mut year: Option<u32> = None;
    for token in text.as_bytes().split(|b| is_delimiter(*b)).filter(|t| !t.is_empty()) {
        if time.is_none()
            && let Some(hms) = hms_time(token)
        {
            time = Some(hms);
            continue;
        }
        if day.is_none()
            && let Some(d) = leading_digits(token, 1, 2)
        {
            day = u8::try_from(d).ok();
            continue;
        }
        if month.is_none()
            && let Some(m) = month_token(token)
        {
            month = Some(m);
            continue;
        }
        if year.is_none()
            && let Some(y) = leading_digits(token, 2, 4)
        {
            year = Some(y);
        }
    }
    let (hour, minute, second) = time?;
    let mut year = year?;
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    if year < 1601 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let date = Date::from_calendar_date(i32::try_from(year).ok()?, month?, day?).ok()?;
    let clock = Time::from_hms(hour, minute, second).ok()?;
    Some(VirtualTime::from_offset_date_time(PrimitiveDateTime::new(date, clock).assume_utc()))
}

/// `delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E`.
fn is_delimiter(b: u8) -> bool {
    matches!(b, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E)
}

/// `min*maxDIGIT ( non-digit *OCTET )`: the value of the leading digits, if there are `min..=max` of them.
fn leading_digits(token: &[u8], min: usize, max: usize) -> Option<u32> {
    let n = token.iter().take_while(|b| b.is_ascii_digit()).count();
    if n < min || n > max {
        return None;
    }
    Some(token[..n].iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// `hms-time = time-field ":" time-field ":" time-field`, `time-field = 1*2DIGIT`, then `( non-digit *OCTET )`.
fn hms_time(token: &[u8]) -> Option<(u8, u8, u8)> {
    let mut rest = token;
    let mut fields = [0u8; 3];
    for (i, field) in fields.iter_mut().enumerate() {
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=2).contains(&n) {
            return None;
        }
        *field = rest[..n].iter().fold(0, |acc, b| acc * 10 + (b - b'0'));
        rest = &rest[n..];
        if i < 2 {
            rest = rest.strip_prefix(b":")?;
        }
    }
    Some((fields[0], fields[1], fields[2]))
}

/// `month = ( "jan" / "feb" / ... / "dec" ) *OCTET`, case-insensitive.
fn month_token(token: &[u8]) -> Option<Month> {
    const MONTHS: [(&[u8; 3], Month); 12] = [
        (b"jan", Month::January),
        (b"feb", Month::February),
        (b"mar", Month::March),
        (b"apr", Month::April),
        (b"may", Month::May),
        (b"jun", Month::June),
        (b"jul", Month::July),
        (b"aug", Month::August),
        (b"sep", Month::September),
        (b"oct", Month::October),
        (b"nov", Month::November),
        (b"dec", Month::December),
    ];
    let head = token.get(..3)?;
    MONTHS.iter().find(|(name, _)| head.eq_ignore_ascii_case(*name)).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<String> {
        parse_cookie_date(text).map(|t| t.to_string())
    }

    #[test]
    fn parses_the_common_formats() {
        assert_eq!(parsed("Wed, 09 Dec 2009 16:27:23 GMT").as_deref(), Some("2009-12-09T16:27:23.000Z"));
        assert_eq!(parsed("Thursday, 01-Jan-1970 00:00:00 GMT").as_deref(), Some("1970-01-01T00:00:00.000Z"));
        assert_eq!(parsed("Mon Dec 10 16:32:30 2007 GMT").as_deref(), Some("2007-12-10T16:32:30.000Z"));
        assert_eq!(parsed("Mon, 10-Dec-07 20:35:03 GMT").as_deref(), Some("2007-12-10T20:35:03.000Z"));
        assert_eq!(parsed("Wednesday, 01-Jan-69 0:0:0").as_deref(), Some("2069-01-01T00:00:00.000Z"));
    }

    #[test]
    fn rejects_what_the_algorithm_rejects() {
        for bad in [
            "",
            "IAintNoDateFool",
            "Mon, 01-Jan-2011 00: 00:00 GMT",
            "Sat, 15-Apr-17 91:22:33 21:01:22",
            "Thu, 012-Aug-2008 20:49:07 GMT",
            "Thu, 12-Aug-31841 20:49:07 GMT",
            "Sun, 30 Feb 2020 00:00:00 GMT",
            "Sun, 01 Jan 1600 00:00:00 GMT",
        ] {
            assert_eq!(parsed(bad), None, "{bad:?}");
        }
    }
}
