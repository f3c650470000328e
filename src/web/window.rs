//! `window` (MDN: /en-US/docs/Web/API/Window): the global object under its browser names (`window === self === top
//! === parent === frames === globalThis`), and the profile values the prelude builds `navigator`, `screen` and the
//! window geometry from. No `exports`, `module` or `define` globals, so UMD bundles take their browser path.

use boa_engine::property::Attribute;
use boa_engine::{Context, JsObject, JsResult, JsString, js_string};

use crate::host::HostRef;

pub(crate) fn register(ctx: &mut Context) -> JsResult<()> {
    let global = ctx.global_object();
    for name in ["window", "self", "top", "parent", "frames"] {
        ctx.register_global_property(JsString::from(name), global.clone(), Attribute::CONFIGURABLE)?;
    }
    Ok(())
}

/// Puts the page URL and profile values on the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject, host: &HostRef, url: &url::Url) -> JsResult<()> {
    let host = host.get();
    let p = &host.profile;
    let strings = [
        ("url", url.as_str()),
        ("userAgent", p.user_agent.as_str()),
        ("language", p.language.as_str()),
        ("referrer", host.page_init.referrer.as_str()),
        ("title", host.page_init.title.as_str()),
    ];
    for (k, v) in strings {
        h.set(JsString::from(k), JsString::from(v), false, ctx)?;
    }
    let numbers = [
        ("screenWidth", p.screen.0),
        ("screenHeight", p.screen.1),
        ("innerWidth", p.viewport.0),
        ("innerHeight", p.viewport.1),
    ];
    for (k, v) in numbers {
        h.set(JsString::from(k), v, false, ctx)?;
    }
    h.set(js_string!("tzOffset"), p.tz_offset_minutes, false, ctx)?;
    // Values the prelude used to derive with regular expressions, which Boa compiles on every page.
    let ua = p.user_agent.as_str();
    let derived = [
        ("platform", platform(ua)),
        ("vendor", vendor(ua)),
        ("productSub", if ua.contains("Firefox/") { "20100101" } else { "20030107" }),
        ("appVersion", ua.strip_prefix("Mozilla/").unwrap_or(ua)),
    ];
    for (k, v) in derived {
        h.set(JsString::from(k), JsString::from(v), false, ctx)?;
    }
    h.set(js_string!("secureContext"), is_secure_context(url), false, ctx)?;
    Ok(())
}

/// `navigator.platform` for a user agent: Windows "Win32", iPhone, iPad, Mac "MacIntel", Android, other Linux.
fn platform(ua: &str) -> &'static str {
    let has = |s: &str| ua.contains(s);
    if has("Windows") {
        "Win32"
    } else if has("iPhone") {
        "iPhone"
    } else if has("iPad") {
        "iPad"
    } else if has("Macintosh") || has("Mac OS X") {
        "MacIntel"
    } else if has("Android") {
        "Linux armv81"
    } else if has("Linux") || has("X11") {
        "Linux x86_64"
    } else {
        ""
    }
}

/// `navigator.vendor` for a user agent: Chrome's, Safari's (not Firefox), or none.
fn vendor(ua: &str) -> &'static str {
    if ua.contains("Chrome/") || ua.contains("CriOS/") {
        "Google Inc."
    } else if ua.contains("Safari/") && !ua.contains("Firefox/") {
        "Apple Computer, Inc."
    } else {
        ""
    }
}

/// `window.isSecureContext`: the one secure-URL rule of the jar (https/wss, or a loopback host), plus `file:` pages,
/// which the Secure Contexts spec counts as potentially trustworthy while browsers never treat `file:` as a secure
/// scheme for cookies (the page is never framed).
fn is_secure_context(url: &url::Url) -> bool {
    url.scheme() == "file" || crate::jar::is_secure_url(url)
}

/// `H.reportError(e)`: an exception a listener threw; recorded, and the dispatch goes on (as browsers report it).
fn report_error(
    _: &boa_engine::JsValue,
    args: &[boa_engine::JsValue],
    ctx: &mut Context,
) -> JsResult<boa_engine::JsValue> {
    use boa_engine::JsArgs;
    let err = boa_engine::JsError::from_opaque(args.get_or_undefined(0).clone());
    let (message, location) = crate::engine::describe(&err, ctx);
    super::host_of(ctx)?.get_mut().record(crate::transcript::Event::JsError {
        phase: crate::transcript::ErrorPhase::Event,
        message,
        location,
    });
    Ok(boa_engine::JsValue::undefined())
}

/// Adds the error reporter to the prelude's private object.
pub(crate) fn add_error_native(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    super::set_natives(ctx, h, &[("reportError", report_error)])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{is_secure_context, platform, vendor};

    #[test]
    fn platform_and_vendor_follow_the_user_agent() {
        let chrome_win = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        assert_eq!((platform(chrome_win), vendor(chrome_win)), ("Win32", "Google Inc."));
        let safari_ios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!((platform(safari_ios), vendor(safari_ios)), ("iPhone", "Apple Computer, Inc."));
        let firefox_linux = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!((platform(firefox_linux), vendor(firefox_linux)), ("Linux x86_64", ""));
        assert_eq!(platform("curl/8"), "");
    }

    #[test]
    fn secure_contexts() {
        let secure = |u: &str| is_secure_context(&url::Url::parse(u).expect("url"));
        assert!(secure("https://shop.example/") && secure("file:///tmp/x.html") && secure("wss://a.example/"));
        assert!(secure("http://localhost:8080/") && secure("http://app.localhost/") && secure("http://127.0.0.1/"));
        assert!(secure("http://[::1]/"));
        assert!(!secure("http://shop.example/") && !secure("http://127.0.0.1.example/") && !secure("http://10.0.0.1/"));
    }
}
