//! Naming how a session ended early: a budget, the timeout, or the worker process dying (and of what).

use std::process::ExitStatus;

use crate::budget::Cut;

/// Names the death of a worker from its exit status and the end of its stderr.
pub(crate) fn crashed(status: ExitStatus, stderr: &str, memory_mib: u64) -> Cut {
    Cut::Crashed(crash_reason(status, stderr, memory_mib))
}

fn crash_reason(status: ExitStatus, stderr: &str, memory_mib: u64) -> String {
    if stderr.contains("has overflowed its stack") {
        return "stack overflow".into();
    }
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return format!("out of memory (limit {memory_mib} MiB, --max-memory)");
    }
    if let Some(line) = stderr.lines().find(|l| l.contains("panicked at")) {
        let next = stderr.lines().skip_while(|l| *l != line).nth(1).unwrap_or_default();
        return format!("the host panicked (a bug in sdkhost): {} {}", line.trim(), next.trim()).trim_end().to_owned();
    }
    if let Some(signal) = signal_of(status) {
        return format!("killed by signal {signal}{}", signal_name(signal));
    }
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "no exit status".into(),
    }
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_: ExitStatus) -> Option<i32> {
    None
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        6 => " (SIGABRT)",
        9 => " (SIGKILL: out of memory?)",
        11 => " (SIGSEGV)",
        _ => "",
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::process::ExitStatusExt;

    use std::time::Duration;

    use super::*;

    #[test]
    fn names_the_usual_deaths() {
        let abort = ExitStatus::from_raw(6);
        let overflow = "\nthread 'sdkhost-job' has overflowed its stack\nfatal runtime error: stack overflow\n";
        assert_eq!(crashed(abort, overflow, 512).to_string(), "crashed: stack overflow");
        let oom = "memory allocation of 2147483648 bytes failed\n";
        assert_eq!(crashed(abort, oom, 512).to_string(), "crashed: out of memory (limit 512 MiB, --max-memory)");
        assert_eq!(crashed(ExitStatus::from_raw(11), "", 512).to_string(), "crashed: killed by signal 11 (SIGSEGV)");
        assert_eq!(crashed(ExitStatus::from_raw(3 << 8), "", 512).to_string(), "crashed: exit code 3");
        assert_eq!(Cut::TimedOut(Duration::from_secs(30)).to_string(), "timed out after 30 s (--timeout)");
        assert_eq!(Cut::TimedOut(Duration::from_millis(1500)).to_string(), "timed out after 1.5 s (--timeout)");
    }
}
