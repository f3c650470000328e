//! The host hooks and clock Boa asks for time and the time zone: both read the session clock, never the wall clock.

use std::cell::Cell;

use boa_engine::context::time::JsInstant;
use boa_engine::context::{Clock as BoaClock, HostHooks};

use crate::host::HostRef;

/// Boa's view of the session clock: `Date`, `Date.now()` and engine timeouts read it.
pub(crate) struct VirtualClock {
    host: HostRef,
    /// The last time read, for the rare read while the host is borrowed for writing.
    last_ms: Cell<i64>,
}

impl VirtualClock {
    pub(crate) fn new(host: HostRef) -> Self {
        let ms = host.get().now().unix_ms();
        VirtualClock { host, last_ms: Cell::new(ms) }
    }

    fn ms(&self) -> i64 {
        if let Some(now) = self.host.try_now() {
            self.last_ms.set(now.unix_ms());
        }
        self.last_ms.get()
    }
}

impl BoaClock for VirtualClock {
    fn now(&self) -> JsInstant {
        let ms = self.ms().max(0) as u64;
        JsInstant::new(ms / 1000, ((ms % 1000) * 1_000_000) as u32)
    }

    fn system_time_millis(&self) -> i64 {
        self.ms()
    }
}

/// Time zone for `Date`: a fixed offset from the profile (no DST rules; UTC by default).
pub(crate) struct PageHooks {
    pub(crate) tz_offset_seconds: i32,
}

impl HostHooks for PageHooks {
    fn local_timezone_offset_seconds(&self, _unix_time_seconds: i64) -> i32 {
        self.tz_offset_seconds
    }
}
