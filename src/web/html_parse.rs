//! The HTML parser behind `innerHTML`, `outerHTML`, `insertAdjacentHTML` and `document.write`: `H.parseHtml(markup,
//! contextTag)` runs html5ever's fragment parsing algorithm (the one browsers run, with the element the markup goes
//! into as context) and hands the prelude the tree as plain arrays, from which `js/html.js` builds DOM nodes:
//! `[1, localName, [[name, value], ...], children]` for an element (a `<template>`'s children are its content),
//! `[3, text]` for text, `[8, text]` for a comment. Called only when a page uses one of those APIs.
//!
//! Hostile markup: nodes nested deeper than [`MAX_DEPTH`] become siblings inside the element at that depth (as
//! Chrome's parser does at 512), so neither this conversion nor the prelude's recursion can exhaust the stack; and
//! markup with more than [`MAX_TAGS`] `<` is not parsed (a `RangeError`, recorded like the engine's other limits),
//! since html5ever's time grows with the square of the nesting depth.

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsArgs, JsNativeError, JsObject, JsResult, JsString, JsValue};
use html5ever::tendril::TendrilSink;
use html5ever::{LocalName, ParseOpts, QualName, ns, parse_fragment};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// The deepest element nesting kept; deeper nodes become children of the element at this depth, in tree order.
pub(crate) const MAX_DEPTH: usize = 512;

/// The most `<` characters a markup string may hold to be parsed.
pub(crate) const MAX_TAGS: usize = 10_000;

/// Parses `markup` as the children of a `context` element (lowercase local name).
fn parse(markup: &str, context: &str) -> RcDom {
    let name = QualName::new(None, ns!(html), LocalName::from(context));
    parse_fragment(RcDom::default(), ParseOpts::default(), name, Vec::new(), true).one(markup)
}

/// The fragment's nodes: the children of the `<html>` root the algorithm creates. (The `RcDom` must outlive them:
/// dropping it empties every node's children.)
fn fragment_nodes(dom: &RcDom) -> Vec<Handle> {
    let root = dom.document.children.borrow().first().cloned();
    root.map(|r| children_of(&r)).unwrap_or_default()
}

/// The children of `node` (a template's content for `<template>`).
fn children_of(node: &Handle) -> Vec<Handle> {
    if let NodeData::Element { template_contents, .. } = &node.data
        && let Some(content) = template_contents.borrow().as_ref()
    {
        return content.children.borrow().clone();
    }
    node.children.borrow().clone()
}

/// Every descendant of `node`, in tree order (for the flattened part of a too deep tree).
fn descendants(node: &Handle, out: &mut Vec<Handle>) {
    let mut stack: Vec<Handle> = children_of(node).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        stack.extend(children_of(&n).into_iter().rev());
        out.push(n);
    }
}

fn to_js(node: &Handle, depth: usize, ctx: &mut Context) -> JsResult<Option<JsValue>> {
    let item: Vec<JsValue> = match &node.data {
        NodeData::Text { contents } => vec![3.into(), JsString::from(&**contents.borrow()).into()],
        NodeData::Comment { contents } => vec![8.into(), JsString::from(&**contents).into()],
        NodeData::Element { name, attrs, .. } => {
            let attrs: Vec<JsValue> = attrs
                .borrow()
                .iter()
                .map(|a| {
                    let pair = [JsString::from(&*a.name.local).into(), JsString::from(&*a.value).into()];
                    JsArray::from_iter(pair, ctx).into()
                })
                .collect();
            // At the limit every descendant becomes a child, in tree order; past it, elements come without children
            // (they are already among the flattened siblings).
            let kids = match depth.cmp(&MAX_DEPTH) {
                std::cmp::Ordering::Less => children_of(node),
                std::cmp::Ordering::Equal => {
                    let mut flat = Vec::new();
                    descendants(node, &mut flat);
                    flat
                }
                std::cmp::Ordering::Greater => Vec::new(),
            };
            let mut children = Vec::with_capacity(kids.len());
            for k in &kids {
                if let Some(v) = to_js(k, depth + 1, ctx)? {
                    children.push(v);
                }
            }
            vec![
                1.into(),
                JsString::from(&*name.local).into(),
                JsArray::from_iter(attrs, ctx).into(),
                JsArray::from_iter(children, ctx).into(),
            ]
        }
        NodeData::Document | NodeData::Doctype { .. } | NodeData::ProcessingInstruction { .. } => return Ok(None),
    };
    Ok(Some(JsArray::from_iter(item, ctx).into()))
}

/// `H.parseHtml(markup, contextTag)`: the fragment's top-level nodes, as described in the module docs.
fn parse_html(_: &JsValue, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let markup = args.get_or_undefined(0).to_string(ctx)?.to_std_string_escaped();
    if markup.bytes().filter(|&b| b == b'<').count() > MAX_TAGS {
        return Err(JsNativeError::range()
            .with_message(format!("sdkhost: markup with more than {MAX_TAGS} tags is not parsed"))
            .into());
    }
    let context = args.get_or_undefined(1).to_string(ctx)?.to_std_string_escaped().to_ascii_lowercase();
    let dom = parse(&markup, if context.is_empty() { "body" } else { &context });
    let mut out = Vec::new();
    for child in fragment_nodes(&dom) {
        if let Some(v) = to_js(&child, 1, ctx)? {
            out.push(v);
        }
    }
    Ok(JsArray::from_iter(out, ctx).into())
}

pub(crate) fn add_natives(ctx: &mut Context, h: &JsObject) -> JsResult<()> {
    super::set_natives(ctx, h, &[("parseHtml", parse_html)])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &RcDom) -> Vec<String> {
        fragment_nodes(dom)
            .iter()
            .map(|n| match &n.data {
                NodeData::Element { name, .. } => name.local.to_string(),
                NodeData::Text { contents } => format!("#{}", contents.borrow()),
                _ => "?".into(),
            })
            .collect()
    }

    #[test]
    fn fragments_parse_as_browsers_do() {
        assert_eq!(names(&parse("<img src=x><p>a<p>b", "div")), ["img", "p", "p"]);
        // Raw text context: markup is text.
        assert_eq!(names(&parse("if (a<b) x()", "script")), ["#if (a<b) x()"]);
        // A table context keeps rows; a body context drops the stray tags.
        assert_eq!(names(&parse("<tr><td>1</td></tr>", "table")), ["tbody"]);
        assert_eq!(names(&parse("<tr><td>1</td></tr>", "div")), ["#1"]);
    }

    #[test]
    fn deep_nesting_is_flattened_not_a_stack_overflow() {
        let markup = "<div>".repeat(3 * MAX_DEPTH) + "deep";
        let dom = parse(&markup, "body");
        let mut depth = 0;
        let mut node = fragment_nodes(&dom).first().cloned();
        while let Some(n) = node {
            depth += 1;
            node = children_of(&n).into_iter().find(|c| matches!(c.data, NodeData::Element { .. }));
        }
        assert!(depth > MAX_DEPTH, "html5ever keeps the nesting; the conversion flattens it");
    }
}
