//! Turning a Boa `JsError` into the message and location a transcript records.

use boa_engine::error::EngineError;
use boa_engine::{Context, JsError};

/// Whether `err` is the engine's "instruction budget exhausted" (uncatchable; the page's budget ran out).
pub(crate) fn is_out_of_instructions(err: &JsError) -> bool {
    matches!(err.as_engine(), Some(EngineError::NoInstructionsRemain))
}

/// `(message, location)` of a JS error: `TypeError: x is not a function` and `file:line:column` when known.
pub(crate) fn describe(err: &JsError, ctx: &mut Context) -> (String, Option<String>) {
    let full = err.to_string();
    let location = full.lines().skip(1).find_map(frame_location);
    let message = match thrown_object_text(err, ctx) {
        Some(text) => text,
        None => match err.try_native(ctx) {
            Ok(native) => native.to_string(),
            Err(_) => full.lines().next().unwrap_or_default().to_owned(),
        },
    };
    let message = message.lines().next().unwrap_or_default().to_owned();
    // Boa appends the throw position to native messages: `TypeError: x (file.js:3:9)`. That is the better location.
    if let Some(open) = message.rfind(" (")
        && let Some(inner) = message[open + 2..].strip_suffix(')')
        && inner.matches(':').count() >= 2
    {
        return (message[..open].to_owned(), Some(inner.to_owned()));
    }
    (message, location)
}

/// The text of a thrown string, or `Name: message` of a thrown object that is not a plain engine error, such as a `DOMException`
/// (`QuotaExceededError: ...`) or an Error subclass, whose name Boa's conversion would turn into `Error`.
fn thrown_object_text(err: &JsError, ctx: &mut Context) -> Option<String> {
    let thrown = err.as_opaque()?;
    if let Some(text) = thrown.as_string() {
        // `throw 'text'`: the text itself, unquoted, as browsers print it.
        return Some(text.to_std_string_escaped());
    }
    let obj = thrown.as_object()?;
    let name = obj.get(boa_engine::js_string!("name"), ctx).ok()?;
    let message = obj.get(boa_engine::js_string!("message"), ctx).ok()?;
    let name = name.as_string()?.to_std_string_escaped();
    let message = message.as_string().map(|m| m.to_std_string_escaped()).unwrap_or_default();
    Some(if message.is_empty() { name } else { format!("{name}: {message}") })
}

/// `file:1:2` out of a backtrace line `    at name (file:1:2)`.
fn frame_location(line: &str) -> Option<String> {
    let open = line.rfind('(')?;
    let inner = line[open + 1..].strip_suffix(')')?;
    (!inner.is_empty() && inner.contains(':')).then(|| inner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::frame_location;

    #[test]
    fn parses_frame_lines() {
        assert_eq!(frame_location("    at track (sdk.js:3:9)").as_deref(), Some("sdk.js:3:9"));
        assert_eq!(frame_location("    at <main>"), None);
    }
}
