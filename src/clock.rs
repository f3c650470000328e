//! Virtual time: the one time type of the core ([`VirtualTime`]) and the session [`Clock`] with its timer queue.
//!
//! Nothing here reads the wall clock. Time moves only when the session advances it, and timers fire one at a time in
//! (due time, creation order) order. The queue is a `BTreeMap` keyed by that pair, with an index from timer id to due
//! time so that cancelling is O(log n) too (a page may queue and cancel tens of thousands of timers): it gives the
//! order for free and beats a timing wheel at the scale of a page. Resolution is one millisecond.
//!
//! Every [`VirtualTime`] lies between [`VirtualTime::MIN`] and [`VirtualTime::MAX`] (years -9999 to 9999, what the
//! `time` crate can show): arithmetic saturates at those bounds, so a far-future time stays far future and is never
//! shown as some other date.
#![cfg_attr(
    not(feature = "bench-internals"),
    allow(unreachable_pub, reason = "public through `sdkhost::bench` with the bench-internals feature")
)]

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A point in virtual time: milliseconds since the Unix epoch, UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct VirtualTime(i64);

/// [`VirtualTime::MAX`] as a `time` date-time (the fallback should `time` ever shrink its range).
const MAX_DATE_TIME: OffsetDateTime = time::macros::datetime!(9999-12-31 23:59:59.999 UTC);

/// The default session start: 2026-01-01T00:00:00Z.
pub const DEFAULT_START: VirtualTime = VirtualTime(1_767_225_600_000);

impl VirtualTime {
    /// The earliest representable time: -9999-01-01T00:00:00.000Z.
    pub const MIN: VirtualTime = VirtualTime(-377_705_116_800_000);
    /// The latest representable time: 9999-12-31T23:59:59.999Z.
    pub const MAX: VirtualTime = VirtualTime(253_402_300_799_999);

    /// A time from milliseconds since the Unix epoch, saturated to [`VirtualTime::MIN`]..=[`VirtualTime::MAX`].
    pub const fn from_unix_ms(ms: i64) -> Self {
        if ms < Self::MIN.0 {
            Self::MIN
        } else if ms > Self::MAX.0 {
            Self::MAX
        } else {
            VirtualTime(ms)
        }
    }

    /// Milliseconds since the Unix epoch.
    pub const fn unix_ms(self) -> i64 {
        self.0
    }

    /// Whole seconds since the Unix epoch (floor).
    pub const fn unix_secs(self) -> i64 {
        self.0.div_euclid(1000)
    }

    /// This time plus `ms` milliseconds, saturating at [`VirtualTime::MIN`] and [`VirtualTime::MAX`].
    #[must_use]
    pub const fn plus_ms(self, ms: i64) -> Self {
        Self::from_unix_ms(self.0.saturating_add(ms))
    }

    /// This time plus `ms` milliseconds, or `None` past [`VirtualTime::MAX`].
    pub fn checked_plus_ms(self, ms: u64) -> Option<Self> {
        let ms = i64::try_from(ms).ok()?;
        let sum = self.0.checked_add(ms)?;
        (sum <= Self::MAX.0).then_some(VirtualTime(sum))
    }

    /// Milliseconds from `earlier` to `self` (negative if `earlier` is later).
    pub const fn ms_since(self, earlier: VirtualTime) -> i64 {
        self.0 - earlier.0
    }

    /// Parses an RFC 3339 timestamp such as `2026-01-01T00:00:00Z` (offsets are honoured).
    ///
    /// # Errors
    /// A [`TimeError`] naming the input when it is not RFC 3339.
    pub fn parse(text: &str) -> Result<Self, TimeError> {
        let dt = OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map_err(|source| TimeError { text: text.to_owned(), source })?;
        Ok(Self::from_offset_date_time(dt))
    }

    /// Converts from a `time` date-time.
    pub fn from_offset_date_time(dt: OffsetDateTime) -> Self {
        let ms = dt.unix_timestamp_nanos().div_euclid(1_000_000);
        Self::from_unix_ms(i64::try_from(ms).unwrap_or(if ms < 0 { i64::MIN } else { i64::MAX }))
    }

    /// Converts to a `time` date-time in UTC. Every `VirtualTime` is in the range `time` supports.
    pub fn to_offset_date_time(self) -> OffsetDateTime {
        let bound =
            if self.0 < 0 { OffsetDateTime::new_utc(time::Date::MIN, time::Time::MIDNIGHT) } else { MAX_DATE_TIME };
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0) * 1_000_000).unwrap_or(bound)
    }
}

/// A time that is not RFC 3339 ([`VirtualTime::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad time {text:?}: {source} (expected RFC 3339, e.g. 2026-01-01T00:00:00Z)")]
pub struct TimeError {
    /// The text as given.
    pub text: String,
    /// What the RFC 3339 parser said.
    pub source: time::error::Parse,
}

impl fmt::Display for VirtualTime {
    /// `2026-01-01T00:00:00.000Z`: fixed width, so transcripts sort and diff well.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dt = self.to_offset_date_time();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            dt.year(),
            u8::from(dt.month()),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            dt.millisecond()
        )
    }
}

impl Serialize for VirtualTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for VirtualTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        VirtualTime::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Identifies one scheduled task in the [`Clock`]'s queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimerId(pub u64);

/// The session clock: the current virtual time and the queue of tasks due later.
///
/// The clock only orders tasks; what a task does is kept by its owner (the page's event loop) under its [`TimerId`].
#[derive(Debug)]
pub struct Clock {
    now: VirtualTime,
    queue: BTreeMap<(VirtualTime, u64), TimerId>,
    /// The due time of each queued task, by id (an id is its creation sequence number), for O(log n) cancel.
    due: BTreeMap<TimerId, VirtualTime>,
    next_seq: u64,
}

impl Clock {
    /// A clock standing at `start` with nothing scheduled.
    pub fn new(start: VirtualTime) -> Self {
        Clock { now: start, queue: BTreeMap::new(), due: BTreeMap::new(), next_seq: 0 }
    }

    /// The current virtual time.
    pub fn now(&self) -> VirtualTime {
        self.now
    }

    /// Schedules a task `delay_ms` from now (negative delays count as zero) and returns its id.
    pub fn schedule(&mut self, delay_ms: i64) -> TimerId {
        let due = self.now.plus_ms(delay_ms.max(0));
        let seq = self.next_seq;
        self.next_seq += 1;
        let id = TimerId(seq);
        self.queue.insert((due, seq), id);
        self.due.insert(id, due);
        id
    }

    /// Removes a scheduled task; returns whether it was still queued. O(log n).
    pub fn cancel(&mut self, id: TimerId) -> bool {
        self.due.remove(&id).is_some_and(|due| self.queue.remove(&(due, id.0)).is_some())
    }

    /// Removes the earliest task due at or before `until` and moves `now` to its due time.
    pub fn pop_due(&mut self, until: VirtualTime) -> Option<TimerId> {
        let (&(due, seq), _) = self.queue.first_key_value()?;
        if due > until {
            return None;
        }
        let id = self.queue.remove(&(due, seq))?;
        self.due.remove(&id);
        if due > self.now {
            self.now = due;
        }
        Some(id)
    }

    /// Moves `now` forward to `until` (never backwards). Call after the due tasks have been popped.
    pub fn advance_to(&mut self, until: VirtualTime) {
        if until > self.now {
            self.now = until;
        }
    }

    /// How many tasks are queued.
    #[cfg(test)]
    pub fn pending(&self) -> usize {
        self.queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_start_is_2026() {
        assert_eq!(DEFAULT_START.to_string(), "2026-01-01T00:00:00.000Z");
        assert_eq!(VirtualTime::parse("2026-01-01T00:00:00Z"), Ok(DEFAULT_START));
        assert_eq!(VirtualTime::parse("2026-01-01T01:00:00+01:00"), Ok(DEFAULT_START));
        assert!(VirtualTime::parse("yesterday").unwrap_err().to_string().contains("yesterday"));
    }

    #[test]
    fn pops_in_due_then_creation_order_and_moves_now() {
        let mut c = Clock::new(VirtualTime::from_unix_ms(0));
        let a = c.schedule(50);
        let b = c.schedule(10);
        let d = c.schedule(50);
        let e = c.schedule(10);
        let until = VirtualTime::from_unix_ms(50);
        assert_eq!(c.pop_due(until), Some(b));
        assert_eq!(c.now().unix_ms(), 10);
        assert_eq!(c.pop_due(until), Some(e));
        assert_eq!(c.pop_due(until), Some(a));
        assert_eq!(c.now().unix_ms(), 50);
        assert_eq!(c.pop_due(until), Some(d));
        assert_eq!(c.pop_due(until), None);
    }

    #[test]
    fn times_saturate_at_the_representable_range_instead_of_wrapping_to_1970() {
        assert_eq!(VirtualTime::MAX.to_string(), "9999-12-31T23:59:59.999Z");
        assert_eq!(VirtualTime::MIN.to_string(), "-9999-01-01T00:00:00.000Z");
        assert_eq!(DEFAULT_START.plus_ms(i64::MAX), VirtualTime::MAX);
        assert_eq!(DEFAULT_START.plus_ms(i64::MIN), VirtualTime::MIN);
        assert_eq!(VirtualTime::from_unix_ms(i64::MAX).to_string(), "9999-12-31T23:59:59.999Z");
        assert_eq!(DEFAULT_START.checked_plus_ms(u64::MAX), None);
        assert_eq!(DEFAULT_START.checked_plus_ms(1000), Some(DEFAULT_START.plus_ms(1000)));
        assert_eq!(VirtualTime::MAX.checked_plus_ms(1), None);
        let max = VirtualTime::parse("9999-12-31T23:59:59.999Z").expect("max");
        assert_eq!(max, VirtualTime::MAX);
    }

    #[test]
    fn cancel_finds_the_task_among_many_and_keeps_the_order_of_the_rest() {
        let mut c = Clock::new(VirtualTime::from_unix_ms(0));
        let ids: Vec<TimerId> = (0..1000).map(|i| c.schedule(i % 7)).collect();
        for id in ids.iter().step_by(2) {
            assert!(c.cancel(*id));
        }
        assert_eq!(c.pending(), 500);
        let mut fired = Vec::new();
        while let Some(id) = c.pop_due(VirtualTime::from_unix_ms(10)) {
            assert!(!c.cancel(id), "a fired task is no longer queued");
            fired.push(id);
        }
        let mut expected: Vec<TimerId> = ids.iter().copied().skip(1).step_by(2).collect();
        expected.sort_by_key(|id| (id.0 % 7, id.0));
        assert_eq!(fired, expected);
    }

    #[test]
    fn nothing_due_before_its_time_and_cancel_works() {
        let mut c = Clock::new(VirtualTime::from_unix_ms(0));
        let a = c.schedule(30);
        assert_eq!(c.pop_due(VirtualTime::from_unix_ms(29)), None);
        assert_eq!(c.now().unix_ms(), 0);
        assert!(c.cancel(a));
        assert!(!c.cancel(a));
        assert_eq!(c.pop_due(VirtualTime::from_unix_ms(100)), None);
        c.advance_to(VirtualTime::from_unix_ms(100));
        assert_eq!(c.now().unix_ms(), 100);
        c.advance_to(VirtualTime::from_unix_ms(5));
        assert_eq!(c.now().unix_ms(), 100);
    }
}
