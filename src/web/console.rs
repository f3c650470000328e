//! `console` (MDN: /en-US/docs/Web/API/console): boa_runtime's console with a logger that writes each line into the
//! session transcript (level, text, virtual time) instead of stdout.

use boa_engine::{Context, JsResult};
use boa_gc::{Finalize, Trace};
use boa_runtime::extensions::ConsoleExtension;
use boa_runtime::{ConsoleState, Logger, RuntimeExtension};

use crate::transcript::{ConsoleLevel, Event};

/// Sends console lines to the host of the context it runs in.
#[derive(Debug, Clone, Trace, Finalize)]
struct TranscriptLogger;

impl TranscriptLogger {
    fn write(level: ConsoleLevel, text: String, ctx: &mut Context) -> JsResult<()> {
        let host = super::host_of(ctx)?;
        host.get_mut().record(Event::Console { level, text });
        Ok(())
    }
}

impl Logger for TranscriptLogger {
    fn debug(&self, msg: String, _: &ConsoleState, ctx: &mut Context) -> JsResult<()> {
        Self::write(ConsoleLevel::Debug, msg, ctx)
    }
    fn log(&self, msg: String, _: &ConsoleState, ctx: &mut Context) -> JsResult<()> {
        Self::write(ConsoleLevel::Log, msg, ctx)
    }
    fn info(&self, msg: String, _: &ConsoleState, ctx: &mut Context) -> JsResult<()> {
        Self::write(ConsoleLevel::Info, msg, ctx)
    }
    fn warn(&self, msg: String, _: &ConsoleState, ctx: &mut Context) -> JsResult<()> {
        Self::write(ConsoleLevel::Warn, msg, ctx)
    }
    fn error(&self, msg: String, _: &ConsoleState, ctx: &mut Context) -> JsResult<()> {
        Self::write(ConsoleLevel::Error, msg, ctx)
    }
}

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    ConsoleExtension(TranscriptLogger).register(None, ctx)
}
