//! The host hooks and clock Boa asks for time and the time zone: both read the session clock, never the wall clock.
//! The hooks also track promises rejected with no handler, which the page reports as `Uncaught (in promise)`.

use std::cell::{Cell, RefCell};

use boa_engine::builtins::promise::{OperationType, Promise, PromiseState};
use boa_engine::context::time::JsInstant;
use boa_engine::context::{Clock as BoaClock, HostHooks};
use boa_engine::object::builtins::JsPromise;
use boa_engine::{Context, JsObject, JsValue, object::builtins::JsFunction};

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

/// Time zone for `Date` (a fixed offset from the profile: no DST rules; UTC by default), and the promises rejected
/// with no handler since the last checkpoint.
pub(crate) struct PageHooks {
    tz_offset_seconds: i32,
    unhandled: RefCell<Vec<JsObject<Promise>>>,
}

impl PageHooks {
    pub(crate) fn new(tz_offset_seconds: i32) -> Self {
        PageHooks { tz_offset_seconds, unhandled: RefCell::default() }
    }

    /// The reasons of the promises still rejected with no handler, oldest first; forgets them.
    pub(crate) fn take_unhandled(&self) -> Vec<JsValue> {
        let promises = std::mem::take(&mut *self.unhandled.borrow_mut());
        promises
            .into_iter()
            .filter_map(|p| match JsPromise::from_object(p.upcast()).ok()?.state() {
                PromiseState::Rejected(reason) => Some(reason),
                _ => None,
            })
            .collect()
    }
}

impl HostHooks for PageHooks {
    /// The host's own functions read as built-ins (`[native code]`), page functions as their source.
    fn has_source_text_available(&self, function: &JsFunction, _: &mut Context) -> bool {
        !crate::engine::is_host_function(function)
    }

    fn local_timezone_offset_seconds(&self, _unix_time_seconds: i64) -> i32 {
        self.tz_offset_seconds
    }

    fn promise_rejection_tracker(&self, promise: &JsObject<Promise>, operation: OperationType, _: &mut Context) {
        let mut list = self.unhandled.borrow_mut();
        match operation {
            OperationType::Reject => list.push(promise.clone()),
            OperationType::Handle => {
                let target = promise.clone().upcast();
                list.retain(|p| !JsObject::equals(&p.clone().upcast(), &target));
            }
        }
    }
}
