//! `URL` and `URLSearchParams` (MDN: /en-US/docs/Web/API/URL, /en-US/docs/Web/API/URLSearchParams): the parsing
//! natives over the `url` crate (WHATWG URL Standard, its `quirks` setters) that `js/url.js` builds both classes on.
//! boa_runtime's own `URL` is not registered: it has no `searchParams`.
//!
//! Natives on `H` (components are `[href, protocol, username, password, host, hostname, port, pathname, search, hash,
//! origin]`):
//! - `urlParse(input, base?)`: the components, or `null` when `input` (or `base`) is not a valid URL;
//! - `urlSet(href, part, value)`: the components after the `part` setter ran (`null` for an invalid `href`);
//! - `formParse(query)`: `application/x-www-form-urlencoded` pairs `[[name, value], ...]`;
//! - `formPair(name, value)`: `name=value`, both `application/x-www-form-urlencoded` (for form submission, which
//!   must not go through builtins the page can replace).
//!
//! Deviation: a lone surrogate in an input is read as U+FFFD (browsers percent-encode it as such too).

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsArgs, JsObject, JsResult, JsString, JsValue};
use url::{Url, quirks};

fn text(v: &JsValue, ctx: &mut Context) -> JsResult<String> {
    Ok(v.to_string(ctx)?.to_std_string_lossy())
}

pub(crate) fn components(u: &Url, ctx: &mut Context) -> JsValue {
    let origin = quirks::origin(u);
    let parts = [
        quirks::href(u),
        quirks::protocol(u),
        quirks::username(u),
        quirks::password(u),
        quirks::host(u),
        quirks::hostname(u),
        quirks::port(u),
        quirks::pathname(u),
        quirks::search(u),
        quirks::hash(u),
        origin.as_str(),
    ];
    JsArray::from_iter(parts.into_iter().map(|p| JsString::from(p).into()), ctx).into()
}

/// Parses `input` against the optional `base`.
pub(crate) fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        None => Url::parse(input).ok(),
        Some(base) => {
            let base = Url::parse(base).ok()?;
            Url::options().base_url(Some(&base)).parse(input).ok()
        }
    }
}

fn url_parse(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let input = text(args.get_or_undefined(0), ctx)?;
    let base = match args.get_or_undefined(1) {
        v if v.is_undefined() => None,
        v => Some(text(v, ctx)?),
    };
    Ok(parse(&input, base.as_deref()).map_or(JsValue::null(), |u| components(&u, ctx)))
}

fn url_set(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let href = text(args.get_or_undefined(0), ctx)?;
    let part = text(args.get_or_undefined(1), ctx)?;
    let value = text(args.get_or_undefined(2), ctx)?;
    let Ok(mut u) = Url::parse(&href) else { return Ok(JsValue::null()) };
    // Setters that refuse a value leave the URL as it was, as browsers do; only `href` reports it.
    match part.as_str() {
        "href" if quirks::set_href(&mut u, &value).is_err() => return Ok(JsValue::null()),
        "protocol" => {
            let _ = quirks::set_protocol(&mut u, &value);
        }
        "username" => {
            let _ = quirks::set_username(&mut u, &value);
        }
        "password" => {
            let _ = quirks::set_password(&mut u, &value);
        }
        "host" => {
            let _ = quirks::set_host(&mut u, &value);
        }
        "hostname" => {
            let _ = quirks::set_hostname(&mut u, &value);
        }
        "port" => {
            let _ = quirks::set_port(&mut u, &value);
        }
        "pathname" => quirks::set_pathname(&mut u, &value),
        "search" => quirks::set_search(&mut u, &value),
        "hash" => quirks::set_hash(&mut u, &value),
        _ => {}
    }
    Ok(components(&u, ctx))
}

fn form_parse(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let query = text(args.get_or_undefined(0), ctx)?;
    let mut pairs = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        let pair = [JsString::from(&*name).into(), JsString::from(&*value).into()];
        pairs.push(JsArray::from_iter(pair, ctx).into());
    }
    Ok(JsArray::from_iter(pairs, ctx).into())
}

fn form_pair(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let name = text(args.get_or_undefined(0), ctx)?;
    let value = text(args.get_or_undefined(1), ctx)?;
    let pair = url::form_urlencoded::Serializer::new(String::new()).append_pair(&name, &value).finish();
    Ok(JsString::from(pair).into())
}

/// Adds `urlParse`, `urlSet`, `formParse` and `formPair` to the prelude's private object.
pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    let fns: [(&str, boa_engine::native_function::NativeFunctionPointer); 4] =
        [("urlParse", url_parse), ("urlSet", url_set), ("formParse", form_parse), ("formPair", form_pair)];
    super::set_natives(ctx, h, &fns)
}
