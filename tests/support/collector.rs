//! A local collector on a free loopback port, run on a thread for the length of a test, with its log kept in memory.
//! Shared by the tests that drive live sessions against it (`#[path]`-included).

use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use sdkhost::network::{Collector, CollectorStop};

#[derive(Clone, Default)]
struct SharedLog(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for SharedLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A collector serving on 127.0.0.1 until [`Running::stop`].
pub(crate) struct Running {
    pub(crate) port: u16,
    stop: CollectorStop,
    log: SharedLog,
    server: JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Binds a free port (seed 5) and serves on a thread.
    pub(crate) fn start() -> Running {
        let collector = Collector::bind("127.0.0.1:0", 5).expect("bind loopback");
        let port = collector.local_addr().port();
        let (stop, log) = (CollectorStop::new(), SharedLog::default());
        let server = {
            let (stop, mut log) = (stop.clone(), log.clone());
            std::thread::spawn(move || collector.run(&mut log, &stop))
        };
        Running { port, stop, log, server }
    }

    /// Stops the collector and returns its log: one JSON line per request it answered.
    pub(crate) fn stop(self) -> String {
        self.stop.stop();
        self.server.join().expect("collector thread").expect("collector ran");
        String::from_utf8(self.log.0.lock().expect("log").clone()).expect("utf8")
    }
}
