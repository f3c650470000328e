//! Runs independent jobs (sessions, conformance checks) on worker threads, one Boa context per job, and returns the
//! results in input order, so output bytes never depend on the number of workers or on which finished first.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack size of a worker: Boa recurses deeply on nested JS, more than a default 2 MiB thread stack holds.
pub const WORKER_STACK: usize = 16 * 1024 * 1024;

/// Applies `f` to every item on up to `jobs` threads (at least one); results come back in input order.
/// `on_done(index, &result)` is called as each finishes (from the worker; for progress output).
///
/// # Panics
/// If a worker thread cannot be spawned, or `f` panics.
pub fn map_in_order<T, R, F, P>(items: Vec<T>, jobs: usize, f: F, on_done: P) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
    P: Fn(usize, &R) + Sync,
{
    let n = items.len();
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = jobs.clamp(1, n.max(1));
    std::thread::scope(|scope| {
        let mut handles = Vec::new();
        for w in 0..workers {
            let (slots, results, next, f, on_done) = (&slots, &results, &next, &f, &on_done);
            let handle = std::thread::Builder::new()
                .name(format!("sdkhost-worker-{w}"))
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= n {
                            break;
                        }
                        let item = slots[i].lock().ok().and_then(|mut s| s.take());
                        if let Some(item) = item {
                            let r = f(item);
                            on_done(i, &r);
                            if let Ok(mut slot) = results[i].lock() {
                                *slot = Some(r);
                            }
                        }
                    }
                })
                .expect("spawn a worker thread");
            handles.push(handle);
        }
        for h in handles {
            if let Err(p) = h.join() {
                std::panic::resume_unwind(p);
            }
        }
    });
    results.into_iter().map(|m| m.into_inner().ok().flatten().expect("every job ran")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_input_order_for_any_job_count() {
        for jobs in [1, 2, 3, 8] {
            let out = super::map_in_order((0..20).collect(), jobs, |x: i32| x * x, |_, _| {});
            assert_eq!(out, (0..20).map(|x| x * x).collect::<Vec<_>>());
        }
    }
}
