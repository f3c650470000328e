// Every way an element makes a request (HTML: "update the image data", "fetch and process the linked resource",
// "process the iframe attributes", the media resource selection, "follow the hyperlink", "form submission"), a lazy
// module loaded by the first element that can make one. Each request goes through the gate with its initiator, and
// the element fires what a browser fires; nothing is rendered.
// - `<img>` (initiator `image`): `src`, `srcset` (the `1x` or descriptor-less candidate, else the first), the first
//   `<source srcset>` of a `<picture>` parent; whenever one changes, in or out of the document. `<input type=image>`
//   and `<video poster>` are images too. `load`/`error` at the element.
// - In the document only: `<link href>` with rel stylesheet, preload, prefetch, modulepreload, icon, apple-touch-icon
//   or manifest (`link`; `load`/`error`); `<iframe src>`/`<frame src>` (`iframe`; `load` whatever the outcome, as
//   browsers fire it; `srcdoc` is never rendered, so nothing in it loads); `<embed src>`, `<object data>` (`embed`;
//   `load`/`error`); `<track src>` in a media element (`media`); `<meta http-equiv=refresh>` (`refresh`: after its
//   delay the page navigates, through the gate).
// - `<audio>`/`<video>` (`media`): `src`, else the first `<source src>` child, in or out of the document, unless
//   `preload="none"` (then on `play()`); `loadeddata` or `error` (at the `<source>` when it gave the URL).
// - Activation: a click (a MouseEvent, `a.click()` or dispatched) nobody canceled on `<a href>`/`<area href>` follows
//   the link (`anchor`; `target` other than `_self`/`_parent`/`_top`, or `download`: a new window, which is never
//   opened), after a POST `PING` to each URL of its `ping` (`ping`); on a submit button it submits the form.
// - `form.submit()`, `form.requestSubmit(submitter)` (fires `submit`, cancelable) and submit buttons (`form`), for a
//   form in the document: GET puts the entries in the query, POST sends them urlencoded, multipart or text/plain as
//   `enctype` says.
// - `window.open(url)` (`window_open`): the request is made and recorded; no window opens and the result is null.
// A navigation the gate allows moves the page after the current step; a blocked one leaves the page where it is.
var dom = I.load('dom'), NS = dom.NS, ns = dom.ns, parseUrl = I.parseUrl, fireElement = dom.fireElement;
var isConnected = dom.isConnected;

function absolute(v) {
  var p = v === null || v === undefined || v === '' ? null : parseUrl(v, I.url()[0]);
  return p ? p[0] : null;
}
function isSpace(c) { return c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r'; }
// srcset candidates [{ u: url, d: descriptor }] (HTML: "parse a srcset attribute", without validating descriptors).
function srcsetCandidates(text) {
  var out = [], s = String(text), i = 0, n = s.length;
  while (i < n) {
    while (i < n && (isSpace(s[i]) || s[i] === ',')) i++;
    if (i >= n) break;
    var start = i;
    while (i < n && !isSpace(s[i])) i++;
    var url = B.slice(s, start, i), desc = '';
    if (url[url.length - 1] === ',') { while (url[url.length - 1] === ',') url = B.slice(url, 0, -1); }
    else {
      var from = i, depth = 0;
      while (i < n && (s[i] !== ',' || depth > 0)) { if (s[i] === '(') depth++; else if (s[i] === ')') depth--; i++; }
      desc = B.trim(B.slice(s, from, i));
    }
    if (url) B.push(out, { __proto__: null, u: url, d: desc });
  }
  return out;
}
// The candidate a device-pixel-ratio-1 browser picks: `1x` or no descriptor, else the first; `fallback` (the img
// `src`) counts as `1x`.
function pickCandidate(set, fallback) {
  var c = srcsetCandidates(set);
  for (var i = 0; i < c.length; i++) if (c[i].d === '' || c[i].d === '1x') return c[i].u;
  return fallback || (c.length ? c[0].u : null);
}
// The URL an `<img>` shows: its picture's first `<source srcset>`, else its own srcset, else src.
function imageUrl(img) {
  var p = ns(img).p, src = img.getAttribute('src');
  if (p && p[NS].l === 'picture') {
    var kids = p[NS].c;
    for (var i = 0; i < kids.length && kids[i] !== img; i++) {
      var k = kids[i][NS];
      if (k.l === 'source' && B.mapHas(k.a, 'srcset')) return pickCandidate(B.mapGet(k.a, 'srcset'), null);
    }
  }
  var set = img.getAttribute('srcset');
  return set ? pickCandidate(set, src) : src;
}
// Requests `url` for an image element; `unlessSame`: not when it shows that URL already (an insertion that changes
// nothing, as a browser's list of available images would answer it).
function loadImage(el, url, unlessSame) {
  var s = el[NS], href = absolute(url);
  if (unlessSame && href && s.cur === href) return;
  s.done = s.ok = false;
  s.cur = href || '';
  if (!href) return;
  H.requestResource(href, 'image',
    function () { if (s.cur === href) { s.done = s.ok = true; fireElement(el, 'load'); } },
    function () { if (s.cur === href) { s.done = true; fireElement(el, 'error'); } });
}
// A request whose only visible effect is `load`/`error` (or `load` either way) at `at`.
var noFetch = /^(about|javascript):/i;
function fetchless(href) { return B.exec(noFetch, href) !== null; }
function loadAt(at, url, initiator, loadEitherWay) {
  var href = absolute(url);
  if (!href || fetchless(href)) return;
  H.requestResource(href, initiator,
    function () { fireElement(at, 'load'); },
    function () { fireElement(at, loadEitherWay ? 'load' : 'error'); });
}
var linkRels = { __proto__: null, stylesheet: 1, preload: 1, prefetch: 1, modulepreload: 1, icon: 1, 'apple-touch-icon': 1, manifest: 1 };
function linkFetches(el) {
  var rels = B.split(B.lower(String(el.getAttribute('rel') || '')), ' ');
  for (var i = 0; i < rels.length; i++) if (linkRels[rels[i]] === 1) return true;
  return false;
}
function isMedia(el) { return el && (el[NS].l === 'audio' || el[NS].l === 'video'); }
function loadMedia(el, playing) {
  var s = el[NS];
  if (!playing && B.lower(String(el.getAttribute('preload'))) === 'none') return;
  var url = el.getAttribute('src'), at = el;
  if (url === null) {
    var src = null;
    for (var i = 0; i < s.c.length && !src; i++) if (s.c[i][NS].l === 'source' && B.mapHas(s.c[i][NS].a, 'src')) src = s.c[i];
    if (!src) return;
    url = src.getAttribute('src');
    at = src;
  }
  var href = absolute(url);
  if (!href || s.media === href) return;
  s.media = href;
  H.requestResource(href, 'media',
    function () { if (s.media === href) fireElement(el, 'loadeddata'); },
    function () { if (s.media === href) fireElement(at, 'error'); });
}
function refresh(el) {
  if (B.lower(String(el.getAttribute('http-equiv'))) !== 'refresh') return;
  var m = B.exec(/^\s*(\d+)(?:\.\d*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(['"]?)(.*?)\2\s*)?$/i, String(el.getAttribute('content')));
  if (!m) return;
  var url = m[3] ? m[3] : null;
  H.queueTask(function () { H.navigate(url, url === null ? 'reload' : 'assign', 'refresh'); }, (m[1] - 0) * 1000);
}

// An attribute of `el` changed (dom.js calls this for the tags in its `loadTags`).
function attributeChanged(el, name) {
  var l = el[NS].l, p = el[NS].p;
  if (l === 'img' && (name === 'src' || name === 'srcset')) loadImage(el, imageUrl(el));
  else if (l === 'input' && (name === 'src' || name === 'type')) {
    if (B.lower(String(el.getAttribute('type'))) === 'image') loadImage(el, el.getAttribute('src'));
  } else if (l === 'source' && p && p[NS].l === 'picture' && name === 'srcset') {
    var kids = p[NS].c;
    for (var i = 0; i < kids.length; i++) if (kids[i][NS].l === 'img') loadImage(kids[i], imageUrl(kids[i]));
  } else if ((l === 'audio' || l === 'video') && name === 'src') { el[NS].media = null; loadMedia(el); }
  else if (l === 'video' && name === 'poster') loadImage(el, el.getAttribute('poster'));
  else if (l === 'source' && name === 'src' && isMedia(p)) loadMedia(p);
  else if (isConnected(el)) connectedChanged(el, name);
}
function connectedChanged(el, name) {
  var l = el[NS].l;
  if (l === 'link' && (name === 'href' || name === 'rel') && linkFetches(el)) loadAt(el, el.getAttribute('href'), 'link');
  else if ((l === 'iframe' || l === 'frame') && name === 'src') loadAt(el, el.getAttribute('src'), 'iframe', true);
  else if (l === 'embed' && name === 'src') loadAt(el, el.getAttribute('src'), 'embed');
  else if (l === 'object' && name === 'data') loadAt(el, el.getAttribute('data'), 'embed');
  else if (l === 'track' && name === 'src' && isMedia(el[NS].p)) loadAt(el, el.getAttribute('src'), 'media');
}
// `el` was made by the HTML parser (innerHTML and friends) with its attributes: what they start in or out of the
// document, once.
function created(el) {
  var l = el[NS].l;
  if (l === 'img') { if (B.mapHas(el[NS].a, 'src') || B.mapHas(el[NS].a, 'srcset')) loadImage(el, imageUrl(el)); }
  else if (l === 'input') attributeChanged(el, 'type');
  else {
    loadMedia(el);
    if (l === 'video' && B.mapHas(el[NS].a, 'poster')) loadImage(el, el.getAttribute('poster'));
  }
}
// `el` was inserted (`connected`: it is now in the document).
function inserted(el, connected) {
  var l = el[NS].l, p = el[NS].p;
  if (l === 'img' && p && p[NS].l === 'picture') loadImage(el, imageUrl(el), true);
  else if (l === 'source' && isMedia(p)) loadMedia(p);
  if (!connected) return;
  if (l === 'link') connectedChanged(el, 'href');
  else if (l === 'iframe' || l === 'frame' || l === 'embed' || l === 'track') connectedChanged(el, 'src');
  else if (l === 'object') connectedChanged(el, 'data');
  else if (l === 'meta') refresh(el);
}

// Activation behaviour of a click on `el` (an `<a>`, `<area>`, `<button>` or `<input>`).
function activate(el) {
  var l = el[NS].l;
  if (l === 'a' || l === 'area') return followLink(el);
  var type = B.lower(String(el.getAttribute('type') || (l === 'button' ? 'submit' : '')));
  if ((type === 'submit' || (l === 'input' && type === 'image')) && !el.hasAttribute('disabled')) {
    var form = formOwner(el);
    if (form) submitForm(form, el, true);
  }
}
function newWindow(target) {
  target = B.lower(String(target || ''));
  return target !== '' && target !== '_self' && target !== '_parent' && target !== '_top';
}
function followLink(a) {
  var href = a.getAttribute('href');
  if (href === null) return;
  var url = absolute(href);
  if (!url || fetchless(url)) return;
  var pings = String(a.getAttribute('ping') || ''), from = 0;
  for (var i = 0; i <= pings.length; i++) {
    if (i < pings.length && !isSpace(pings[i])) continue;
    var target = i > from ? absolute(B.slice(pings, from, i)) : null;
    from = i + 1;
    if (target) H.send({ __proto__: null, method: 'POST', url: target, headers: [['Content-Type', 'text/ping']], body: 'PING', initiator: 'ping', credentials: 'include' }, null);
  }
  H.navigate(url, newWindow(a.getAttribute('target')) || a.hasAttribute('download') ? 'open' : 'assign', 'anchor');
}
function formOwner(el) {
  var id = el.getAttribute('form');
  if (id !== null) { var f = document.getElementById(id); return f && f[NS].l === 'form' ? f : null; }
  for (var p = el[NS].p; p; p = p[NS].p) if (p[NS].l === 'form') return p;
  return null;
}
// (A form's entries are strings: file inputs are not submitted.)
function urlencode(entries) {
  var q = '';
  for (var i = 0; i < entries.length; i++) q += (i ? '&' : '') + H.formPair(entries[i][0], entries[i][1]);
  return q;
}
// HTML "form submission": `submitter` is the button (or null); `requested` fires the cancelable `submit` event first.
function submitForm(form, submitter, requested) {
  // A form outside the document cannot navigate (HTML "form submission"; Chrome too).
  if (!isConnected(form)) return;
  if (requested && !I.fireTrusted(form, 'submit', { bubbles: true, cancelable: true })) return;
  function attr(name, fallback) {
    var v = submitter && submitter.getAttribute('form' + name);
    return v !== null && v !== undefined ? v : form.getAttribute(name) || fallback;
  }
  var action = absolute(attr('action', '')) || I.url()[0];
  var method = B.lower(String(attr('method', 'get'))), enctype = B.lower(String(attr('enctype', '')));
  if (method === 'dialog' || fetchless(action)) return;
  var entries = I.load('formdata').formEntries(form);
  var name = submitter && submitter.getAttribute('name');
  if (name) B.push(entries, [name, submitter.value === undefined ? '' : String(submitter.value)]);
  var kind = newWindow(submitter && submitter.getAttribute('formtarget') || form.getAttribute('target')) ? 'open' : 'assign';
  if (method !== 'post') {
    var p = parseUrl(action), query = urlencode(entries);
    H.navigate(p ? H.urlSet(p[0], 'search', query)[0] : action, kind, 'form');
    return;
  }
  if (enctype === 'multipart/form-data') {
    var payload = I.load('body').multipart(entries);
    H.navigate(action, kind, 'form', 'POST', payload.body, payload.type);
  } else if (enctype === 'text/plain') {
    var text = '';
    for (var i = 0; i < entries.length; i++) text += entries[i][0] + '=' + entries[i][1] + '\r\n';
    H.navigate(action, kind, 'form', 'POST', text, 'text/plain');
  } else H.navigate(action, kind, 'form', 'POST', urlencode(entries), 'application/x-www-form-urlencoded');
}

// window.open: a request through the gate, then nothing (no window, `null` as when a popup is blocked).
function open(url) {
  var href = url === undefined || url === null || String(url) === '' ? null : absolute(String(url));
  if (url !== undefined && url !== null && String(url) !== '' && !href) {
    throw new window.DOMException("Failed to execute 'open' on 'Window': Unable to open a window with invalid URL '" + url + "'.", 'SyntaxError');
  }
  if (href && !fetchless(href)) H.navigate(href, 'open', 'window_open');
  return null;
}
I.define(window, { open: open });
B.assign(I, { attributeChanged: attributeChanged, created: created, inserted: inserted, activate: activate, submitForm: submitForm,
  loadMedia: loadMedia, formOwner: formOwner });
