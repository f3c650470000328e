//! The page's event loop: Boa's job executor, with tasks ordered by the session [`Clock`](crate::clock::Clock).
//!
//! Microtasks (promise jobs, `queueMicrotask`) drain at each checkpoint; tasks (timers, network deliveries, script
//! loads) run only when the page advances the clock, one at a time, in (due time, creation order), each followed by a
//! checkpoint. Boa's `SimpleJobExecutor` is not used: it spins while timers are pending on a virtual clock.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use boa_engine::job::{GenericJob, IntervalJob, Job, JobExecutor, NativeAsyncJob, PromiseJob, TimeoutJob};
use boa_engine::object::builtins::JsFunction;
use boa_engine::{Context, JsError, JsResult, JsValue, js_error};

use crate::clock::TimerId;
use crate::host::HostRef;
use crate::transcript::ErrorPhase;

/// How many microtasks one checkpoint may run before it is declared a runaway chain.
pub(crate) const MICROTASK_BUDGET: usize = 100_000;

use crate::web::{NativeTask, TaskQueue};

/// Something scheduled on the clock.
pub(crate) enum Task {
    /// A page timer (`setTimeout`/`setInterval`/`requestAnimationFrame`/...).
    /// `nesting` is its timer nesting level (HTML: 1 for a timer set outside any timer callback).
    Callback { public_id: u32, f: JsFunction, args: Vec<JsValue>, repeat_ms: Option<i64>, nesting: u32 },
    /// A host task (network delivery, script load): Rust code that may call into JS.
    Native { body: NativeTask, phase: ErrorPhase },
    /// A timeout job enqueued by the engine or boa_runtime.
    Timeout(TimeoutJob),
    /// An interval job enqueued by the engine or boa_runtime.
    Interval(IntervalJob),
}

/// The executor of one page.
pub(crate) struct EventLoop {
    host: HostRef,
    microtasks: RefCell<VecDeque<Microtask>>,
    tasks: RefCell<BTreeMap<TimerId, Task>>,
    /// `setTimeout` ids (what the page sees) to the clock's ids.
    timer_ids: RefCell<BTreeMap<u32, TimerId>>,
    next_public_id: Cell<u32>,
    /// The timer nesting level of the timer callback running now (0 outside one).
    running_nesting: Cell<u32>,
}

/// HTML's timer clamping: a timer set from a timer callback nested more than 5 levels deep waits at least 4 ms, so
/// a 0 ms `setTimeout` chain or `setInterval(f, 0)` cannot spin at one instant of virtual time.
fn clamped_delay(delay_ms: i64, nesting: u32) -> i64 {
    if nesting > 5 { delay_ms.max(4) } else { delay_ms }
}

impl TaskQueue for EventLoop {
    fn schedule_native(&self, delay_ms: i64, phase: ErrorPhase, body: NativeTask) {
        let id = self.host.get_mut().clock.schedule(delay_ms);
        self.tasks.borrow_mut().insert(id, Task::Native { body, phase });
    }

    /// Schedules a page timer and returns the id the page sees (1, 2, 3, ... per page).
    fn schedule_callback(&self, f: JsFunction, args: Vec<JsValue>, delay_ms: i64, repeat: bool) -> u32 {
        let public_id = self.next_public_id.get();
        self.next_public_id.set(public_id.wrapping_add(1).max(1));
        let delay_ms = delay_ms.max(0);
        let repeat_ms = repeat.then_some(delay_ms);
        let nesting = self.running_nesting.get();
        let task = Task::Callback { public_id, f, args, repeat_ms, nesting: nesting.saturating_add(1) };
        self.insert_callback(task, public_id, clamped_delay(delay_ms, nesting));
        public_id
    }

    /// Cancels a page timer by the id the page sees; unknown ids are ignored, as browsers do.
    fn clear_callback(&self, public_id: u32) {
        if let Some(id) = self.timer_ids.borrow_mut().remove(&public_id) {
            self.tasks.borrow_mut().remove(&id);
            self.host.get_mut().clock.cancel(id);
        }
    }
}

enum Microtask {
    Promise(PromiseJob),
    Generic(GenericJob),
    Async(NativeAsyncJob),
}

impl EventLoop {
    pub(crate) fn new(host: HostRef) -> Self {
        EventLoop {
            host,
            microtasks: RefCell::default(),
            tasks: RefCell::default(),
            timer_ids: RefCell::default(),
            next_public_id: Cell::new(1),
            running_nesting: Cell::new(0),
        }
    }

    fn insert_callback(&self, task: Task, public_id: u32, delay_ms: i64) {
        // HTML clamps nothing below 0 ms for us; a 0 ms timer still waits for the next task turn, i.e. 1 virtual ms
        // would distort time, so it is due now and runs at the next advance.
        let id = self.host.get_mut().clock.schedule(delay_ms);
        self.tasks.borrow_mut().insert(id, task);
        self.timer_ids.borrow_mut().insert(public_id, id);
    }

    /// Takes the task for a clock id popped from the queue (`None` if it belongs to nobody any more).
    fn take(&self, id: TimerId) -> Option<Task> {
        self.tasks.borrow_mut().remove(&id)
    }

    /// Runs the task popped from the clock, then a microtask checkpoint. Errors go to the returned list.
    pub(crate) fn run_task(&self, id: TimerId, ctx: &mut Context) -> Vec<(ErrorPhase, JsError)> {
        let mut errors = Vec::new();
        let Some(task) = self.take(id) else { return errors };
        let (result, phase) = match task {
            Task::Callback { public_id, f, args, repeat_ms, nesting } => {
                self.running_nesting.set(nesting);
                let result = f.call(&JsValue::undefined(), &args, ctx).map(|_| ());
                self.running_nesting.set(0);
                let still_wanted = self.timer_ids.borrow().get(&public_id) == Some(&id);
                match repeat_ms {
                    Some(ms) if still_wanted => {
                        // HTML re-runs the timer initialisation from within this task: one level deeper each time.
                        let next = nesting.saturating_add(1);
                        let task = Task::Callback { public_id, f, args, repeat_ms, nesting: next };
                        self.insert_callback(task, public_id, clamped_delay(ms, nesting));
                    }
                    _ if still_wanted => {
                        self.timer_ids.borrow_mut().remove(&public_id);
                    }
                    _ => {}
                }
                (result, ErrorPhase::Timer)
            }
            Task::Native { body, phase } => (body(ctx), phase),
            Task::Timeout(t) => (t.call(ctx).map(|_| ()), ErrorPhase::Timer),
            Task::Interval(i) => {
                let result = i.call(ctx).map(|_| ());
                if !i.cancelled() {
                    let ms = i.interval().as_millis() as i64;
                    let id = self.host.get_mut().clock.schedule(ms.max(1));
                    self.tasks.borrow_mut().insert(id, Task::Interval(i));
                }
                (result, ErrorPhase::Timer)
            }
        };
        if let Err(e) = result {
            errors.push((phase, e));
        }
        errors.extend(self.checkpoint(ctx));
        errors
    }

    /// Runs microtasks until none is left (or the budget is spent). Returns the errors they raised.
    pub(crate) fn checkpoint(&self, ctx: &mut Context) -> Vec<(ErrorPhase, JsError)> {
        let mut errors = Vec::new();
        let mut ran = 0usize;
        loop {
            let next = self.microtasks.borrow_mut().pop_front();
            let Some(job) = next else { break };
            ran += 1;
            if ran > MICROTASK_BUDGET {
                self.microtasks.borrow_mut().clear();
                errors.push((
                    ErrorPhase::Microtask,
                    js_error!(RangeError: "runaway microtask chain: more than {} jobs in one checkpoint", MICROTASK_BUDGET),
                ));
                break;
            }
            let result = match job {
                Microtask::Promise(p) => p.call(ctx).map(|_| ()),
                Microtask::Generic(g) => g.call(ctx).map(|_| ()),
                Microtask::Async(a) => {
                    let cell = RefCell::new(&mut *ctx);
                    futures_lite::future::block_on(a.call(&cell)).map(|_| ())
                }
            };
            if let Err(e) = result {
                errors.push((ErrorPhase::Microtask, e));
            }
        }
        ctx.clear_kept_objects();
        errors
    }

    /// Drops every pending task of this page (it is being closed).
    pub(crate) fn clear(&self) {
        let ids: Vec<TimerId> = self.tasks.borrow().keys().copied().collect();
        {
            let mut host = self.host.get_mut();
            for id in &ids {
                host.clock.cancel(*id);
            }
        }
        self.tasks.borrow_mut().clear();
        self.timer_ids.borrow_mut().clear();
        self.microtasks.borrow_mut().clear();
    }
}

impl JobExecutor for EventLoop {
    fn enqueue_job(self: Rc<Self>, job: Job, _ctx: &mut Context) {
        match job {
            Job::PromiseJob(p) => self.microtasks.borrow_mut().push_back(Microtask::Promise(p)),
            Job::GenericJob(g) => self.microtasks.borrow_mut().push_back(Microtask::Generic(g)),
            Job::AsyncJob(a) => self.microtasks.borrow_mut().push_back(Microtask::Async(a)),
            Job::TimeoutJob(t) => {
                let id = self.host.get_mut().clock.schedule(t.timeout().as_millis() as i64);
                self.tasks.borrow_mut().insert(id, Task::Timeout(t));
            }
            Job::IntervalJob(i) => {
                let id = self.host.get_mut().clock.schedule((i.interval().as_millis() as i64).max(1));
                self.tasks.borrow_mut().insert(id, Task::Interval(i));
            }
            // FinalizationRegistry cleanup depends on GC timing: never run it, so output stays deterministic.
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, ctx: &mut Context) -> JsResult<()> {
        match self.checkpoint(ctx).into_iter().next() {
            Some((_, e)) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clamped_delay;

    #[test]
    fn timers_nested_more_than_five_levels_wait_at_least_4_ms() {
        assert_eq!(clamped_delay(0, 0), 0);
        assert_eq!(clamped_delay(0, 5), 0);
        assert_eq!(clamped_delay(0, 6), 4);
        assert_eq!(clamped_delay(3, 9), 4);
        assert_eq!(clamped_delay(10, 9), 10);
    }
}
