//! `console` (MDN: /en-US/docs/Web/API/console): boa_runtime's console with a logger that writes each line into the
//! session transcript (level, text, virtual time) instead of stdout. `log`, `info`, `warn`, `error`, `debug` and
//! `exception` are replaced by natives that apply format directives as Chrome does (`console_format`); the other
//! methods (`assert`, `count`, `group`, `table`, `time`, ...) stay boa_runtime's.

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::value::JsVariant;
use boa_engine::{Context, JsResult, JsValue, NativeFunction, js_string};
use boa_gc::{Finalize, Trace};
use boa_runtime::extensions::ConsoleExtension;
use boa_runtime::{ConsoleState, Logger, RuntimeExtension};

use super::console_format::{Directive, Piece, pieces};
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

/// A value as an unformatted console argument: strings as they are, anything else as boa displays it.
fn plain(value: &JsValue) -> String {
    match value.variant() {
        JsVariant::String(s) => s.to_std_string_escaped(),
        _ => value.display().to_string(),
    }
}

/// `%s`: strings as they are, symbols by their description, objects through their own `toString`.
fn as_string(value: &JsValue, ctx: &mut Context) -> JsResult<String> {
    match value.variant() {
        JsVariant::Symbol(s) => Ok(s.descriptive_string().to_std_string_escaped()),
        JsVariant::Object(_) => Ok(value.to_string(ctx)?.to_std_string_escaped()),
        _ => Ok(plain(value)),
    }
}

/// `%d`/`%i`/`%f`: the intrinsic `parseInt`/`parseFloat` of the argument, `NaN` for a symbol.
fn as_number(value: &JsValue, directive: Directive, ctx: &mut Context) -> JsResult<String> {
    if value.is_symbol() {
        return Ok("NaN".to_owned());
    }
    let parse = if directive == Directive::Float {
        ctx.intrinsics().objects().parse_float()
    } else {
        ctx.intrinsics().objects().parse_int()
    };
    let n = parse.call(&JsValue::undefined(), std::slice::from_ref(value), ctx)?;
    Ok(plain(&n))
}

/// The console line for `args`, formatted as Chrome formats it.
fn format_line(args: &[JsValue], ctx: &mut Context) -> JsResult<String> {
    let Some((first, rest)) = args.split_first() else { return Ok(String::new()) };
    let Some(format) = first.as_string().filter(|_| !rest.is_empty()) else {
        return Ok(args.iter().map(plain).collect::<Vec<_>>().join(" "));
    };
    let mut line = String::new();
    let mut next = rest.iter();
    for piece in pieces(&format.to_std_string_escaped(), rest.len()) {
        match piece {
            Piece::Text(t) => line.push_str(&t),
            Piece::Arg(directive) => {
                let value = next.next().cloned().unwrap_or_default();
                match directive {
                    Directive::Str => line.push_str(&as_string(&value, ctx)?),
                    Directive::Int | Directive::Float => line.push_str(&as_number(&value, directive, ctx)?),
                    Directive::Object => line.push_str(&value.display().internals(true).to_string()),
                    Directive::Css => {}
                }
            }
        }
    }
    for value in next {
        line.push(' ');
        line.push_str(&plain(value));
    }
    Ok(line)
}

/// A console method.
type NativeFn = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

fn write_at(level: ConsoleLevel, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let text = format_line(args, ctx)?;
    TranscriptLogger::write(level, text, ctx)?;
    Ok(JsValue::undefined())
}

fn log(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    write_at(ConsoleLevel::Log, args, ctx)
}
fn info(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    write_at(ConsoleLevel::Info, args, ctx)
}
fn warn(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    write_at(ConsoleLevel::Warn, args, ctx)
}
fn error(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    write_at(ConsoleLevel::Error, args, ctx)
}
fn debug(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    write_at(ConsoleLevel::Debug, args, ctx)
}

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    ConsoleExtension(TranscriptLogger).register(None, ctx)?;
    let console = ctx.global_object().get(js_string!("console"), ctx)?;
    let Some(console) = console.as_object() else { return Ok(()) };
    let methods: [(&str, NativeFn); 6] =
        [("log", log), ("info", info), ("warn", warn), ("error", error), ("exception", error), ("debug", debug)];
    for (name, f) in methods {
        let f = FunctionObjectBuilder::new(ctx.realm(), NativeFunction::from_fn_ptr(f))
            .name(js_string!(name))
            .length(0)
            .build();
        console.set(js_string!(name), f, false, ctx)?;
    }
    Ok(())
}
