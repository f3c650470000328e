// HTML element extras (MDN: /en-US/docs/Web/API/Element/classList, /HTMLElement/dataset, /HTMLElement/style,
// /Element/innerHTML, /HTMLAnchorElement), a lazy module: the less used members of the DOM (Comment, before/after/
// append/prepend, getElementsByClassName, attributes, toggleAttribute, document.createEvent and friends), classList
// (DOMTokenList), dataset, inline style, innerHTML/outerHTML, insertAdjacentElement/Text, layout-free geometry, the
// URL parts of `<a>`, form and input values and submission, `<template>` content, `<iframe>` without content.
// innerHTML/outerHTML/insertAdjacentHTML/document.write parse with html5ever (`fragmentFrom`).
// Deviations: `style` is a plain
// object, not synced with the style attribute; no layout: sizes and rects are 0 (the root element's client size is
// the viewport).
var dom = I.load('dom'), NS = dom.NS, ns = dom.ns, domError = I.domError, illegal = I.illegal, expose = I.expose;
var sibling = dom.sibling, insertNode = dom.insertNode, parseUrl = I.parseUrl;
var Element = window.Element, HTMLElement = window.HTMLElement, isNode = dom.isNode, detach = dom.detach;
var descendants = dom.descendants, mixin = dom.mixin;
function members(C, o) { H.mixin(C.prototype, o); }
function camelToKebab(k) { return k.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }); }
function kebabToCamel(k) { return k.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); }); }
function datasetOf(el) {
  function attr(k) { return typeof k === 'string' ? 'data-' + camelToKebab(k) : null; }
  return new Proxy({}, {
    get: function (t, k) { var v = attr(k) && el.getAttribute(attr(k)); return v === null ? undefined : v; },
    set: function (t, k, v) { if (attr(k)) el.setAttribute(attr(k), v); return true; },
    has: function (t, k) { return !!attr(k) && el.hasAttribute(attr(k)); },
    deleteProperty: function (t, k) { if (attr(k)) el.removeAttribute(attr(k)); return true; },
    ownKeys: function () { return el.getAttributeNames().filter(function (n) { return n.indexOf('data-') === 0; }).map(function (n) { return kebabToCamel(n.slice(5)); }); },
    getOwnPropertyDescriptor: function (t, k) {
      var v = attr(k) && el.getAttribute(attr(k));
      return v == null ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
    }
  });
}
var TL = Symbol('tokens');
function tokens(list) {
  var seen = [];
  (list[TL].e.getAttribute(list[TL].a) || '').split(/[ \t\n\f\r]+/).forEach(function (t) { if (t && seen.indexOf(t) < 0) seen.push(t); });
  return seen;
}
function token(t, what) {
  t = String(t);
  if (!t) throw domError('SyntaxError', "Failed to execute '" + what + "' on 'DOMTokenList': The token provided must not be empty.");
  if (/\s/.test(t)) throw domError('InvalidCharacterError', "Failed to execute '" + what + "' on 'DOMTokenList': The token provided ('" + t + "') contains HTML space characters, which are not valid in tokens.");
  return t;
}
class DOMTokenList {
  constructor() { illegal(); }
  get length() { return tokens(this).length; }
  get value() { return this[TL].e.getAttribute(this[TL].a) || ''; }
  set value(v) { this[TL].e.setAttribute(this[TL].a, v); }
  item(i) { var t = tokens(this); return i >= 0 && i < t.length ? t[i] : null; }
  contains(t) { return tokens(this).indexOf(String(t)) >= 0; }
  add() { var t = tokens(this); for (var i = 0; i < arguments.length; i++) if (t.indexOf(token(arguments[i], 'add')) < 0) t.push(String(arguments[i])); this.value = t.join(' '); }
  remove() { var r = Array.prototype.map.call(arguments, function (a) { return token(a, 'remove'); }); this.value = tokens(this).filter(function (x) { return r.indexOf(x) < 0; }).join(' '); }
  toggle(t, force) {
    t = token(t, 'toggle');
    var has = this.contains(t);
    if (has && force !== true) { this.remove(t); return false; }
    if (!has && force !== false) { this.add(t); return true; }
    return has;
  }
  replace(a, b) { var t = tokens(this), i = t.indexOf(String(a)); if (i < 0) return false; t[i] = String(b); this.value = t.filter(function (x, j) { return t.indexOf(x) === j; }).join(' '); return true; }
  forEach(fn, thisArg) { tokens(this).forEach(function (t, i) { fn.call(thisArg, t, i, this); }, this); }
  toString() { return this.value; }
  [Symbol.iterator]() { return tokens(this)[Symbol.iterator](); }
}
// Inline style: a plain object of camelCase properties, with the CSSStyleDeclaration methods on its prototype.
class CSSStyleDeclaration {
  constructor() { illegal(); }
  getPropertyValue(name) { var v = this[kebabToCamel(String(name))]; return typeof v === 'string' ? v : ''; }
  setProperty(name, value) { this[kebabToCamel(String(name))] = value == null ? '' : String(value); }
  removeProperty(name) { var k = kebabToCamel(String(name)), v = this.getPropertyValue(name); delete this[k]; return v; }
  getPropertyPriority() { return ''; }
  get cssText() {
    var self = this;
    return B.keys(this).filter(function (k) { return typeof self[k] === 'string' && self[k] !== ''; })
      .map(function (k) { return camelToKebab(k) + ': ' + self[k] + ';'; }).join(' ');
  }
  set cssText(v) {
    var self = this;
    B.forEach(B.keys(this), function (k) { delete self[k]; });
    String(v).split(';').forEach(function (d) { var i = d.indexOf(':'); if (i > 0) self.setProperty(d.slice(0, i).trim(), d.slice(i + 1).trim()); });
  }
  get length() { return B.keys(this).length; }
}
expose(DOMTokenList);
expose(CSSStyleDeclaration);

var voidTags = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
var rawTextTags = /^(script|style|xmp|iframe|noembed|noframes|plaintext|noscript)$/;
function escapeHtml(s, attr) {
  return s.replace(attr ? /[&"\u00a0]/g : /[&<>\u00a0]/g, function (c) {
    return c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;';
  });
}
function serializeChildren(n) {
  var s = n[NS], kids = s.l === 'template' ? s.content[NS].c : s.c || [];
  return kids.map(function (c) { return serialize(c, s.k === 1 && rawTextTags.test(s.l)); }).join('');
}
function serialize(n, raw) {
  var s = n[NS];
  if (s.k === 3) return raw ? s.d : escapeHtml(s.d);
  if (s.k === 8) return '<!--' + s.d + '-->';
  if (s.k === 10) return '<!DOCTYPE ' + s.n + '>';
  if (s.k !== 1) return serializeChildren(n);
  var out = '<' + s.l;
  s.a.forEach(function (v, k) { out += ' ' + k + '="' + escapeHtml(v, true) + '"'; });
  out += '>';
  return voidTags.test(s.l) ? out : out + serializeChildren(n) + '</' + s.l + '>';
}
// Markup to nodes: html5ever runs the fragment parsing algorithm with `context` (a local name) as the context element
// (src/web/html_parse.rs) and the tree is built here as it is, running nothing. Then each element made outside a
// template (`inert`: template content loads nothing) does what a parser-made element does: images and media request
// their sources now (the `loads` module); what needs the document (link, iframe, meta refresh, ...) happens when the
// fragment is inserted. Scripts never run (HTML: scripts inserted by innerHTML are "already started"), except for
// document.write (`runScripts`).
var loadMade = { __proto__: null, img: 1, input: 1, audio: 1, video: 1 };
function fragmentFrom(markup, context, inert, runScripts) {
  var frag = new dom.DocumentFragment(), made = [];
  function build(item, parent, inertHere) {
    var n;
    if (item[0] === 3) n = new dom.Text(item[1]);
    else if (item[0] === 8) n = new Comment(item[1]);
    else {
      n = dom.createElement(item[1]);
      var s = n[NS];
      for (var i = 0; i < item[2].length; i++) B.mapSet(s.a, item[2][i][0], item[2][i][1]);
      if (s.l === 'script') { s.forceAsync = false; if (!runScripts) s.started = true; }
      var into = s.l === 'template' ? s.content : n;
      for (var j = 0; j < item[3].length; j++) build(item[3][j], into, inertHere || s.l === 'template');
      if (!inertHere && loadMade[s.l] === 1) B.push(made, n);
    }
    B.push(parent[NS].c, n);
    n[NS].p = parent;
  }
  var items = H.parseHtml(markup, context);
  for (var i = 0; i < items.length; i++) build(items[i], frag, inert);
  for (var k = 0; k < made.length; k++) I.load('loads').created(made[k]);
  return frag;
}
// Whether `n` is in a template's content (an inert document in browsers).
function isInert(n) {
  while (n[NS].p) n = n[NS].p;
  return !!n[NS].inert;
}
// document.write: the markup goes where the parser would be (after the running script), else at the end of the body.
// Deviation: after the document has loaded, a browser would replace the whole document (document.open); sdkhost
// appends instead.
function documentWrite(args, newline) {
  var markup = '';
  for (var i = 0; i < args.length; i++) markup += String(args[i]);
  if (newline) markup += '\n';
  var cur = I.documentState.currentScript, parent = document.body || document.documentElement, ref = null;
  if (cur && cur[NS].p && dom.isConnected(cur)) { parent = cur[NS].p; ref = sibling(cur, 1); }
  if (!parent) return;
  insertNode(parent, fragmentFrom(markup, parent[NS].l, false, true), ref, 'write');
}
// ParentNode/ChildNode arguments: strings become text nodes; several nodes become one fragment.
function nodesToNode(args) {
  if (args.length === 1 && isNode(args[0])) return args[0];
  var f = new dom.DocumentFragment();
  for (var i = 0; i < args.length; i++) f.appendChild(isNode(args[i]) ? args[i] : new dom.Text(String(args[i])));
  return f;
}
var moreChildNode = {
  before() { var p = this[NS].p; if (p) insertNode(p, nodesToNode(arguments), this, 'before'); },
  after() { var p = this[NS].p; if (p) insertNode(p, nodesToNode(arguments), sibling(this, 1), 'after'); },
  replaceWith() { var p = this[NS].p; if (p) { var next = sibling(this, 1); detach(this); insertNode(p, nodesToNode(arguments), next, 'replaceWith'); } }
};
var moreParentNode = {
  append() { insertNode(this, nodesToNode(arguments), null, 'append'); },
  prepend() { insertNode(this, nodesToNode(arguments), ns(this).c[0] || null, 'prepend'); },
  replaceChildren() { var f = nodesToNode(arguments); ns(this).c.slice().forEach(detach); insertNode(this, f, null, 'replaceChildren'); },
  getElementsByClassName(names) {
    var want = String(names).split(/\s+/).filter(Boolean);
    return descendants(this, function (n) {
      if (n[NS].k !== 1 || !want.length) return false;
      var have = (n[NS].a.get('class') || '').split(/\s+/);
      return want.every(function (c) { return have.indexOf(c) >= 0; });
    });
  }
};
B.forEach([Element, dom.DocumentFragment, dom.Document], function (C) { mixin(C, moreParentNode); });
B.forEach([Element, dom.CharacterData], function (C) { mixin(C, moreChildNode); });
members(dom.CharacterData, { appendData(s) { ns(this).d += String(s); } });
class Comment extends dom.CharacterData {
  constructor(data) { return dom.makeNode(Comment.prototype, 8, '#comment', { d: data === undefined ? '' : String(data) }); }
}
expose(Comment);
members(Element, {
  get attributes() { var out = []; ns(this).a.forEach(function (v, k) { out.push({ name: k, localName: k, value: v, nodeName: k, nodeValue: v, specified: true }); }); return out; },
  toggleAttribute(name, force) {
    name = dom.attrName(name, 'toggleAttribute');
    var has = this.hasAttribute(name);
    if (has && force !== true) { this.removeAttribute(name); return false; }
    if (!has && force !== false) dom.setAttr(this, name, '');
    return has || force !== false;
  },
  getAttributeNS(n, name) { return this.getAttribute(name); },
  setAttributeNS(n, name, value) { this.setAttribute(name, value); },
  removeAttributeNS(n, name) { this.removeAttribute(name); },
  hasAttributeNS(n, name) { return this.hasAttribute(name); }
});
members(dom.Document, {
  get scripts() { return this.getElementsByTagName('script'); },
  get images() { return this.getElementsByTagName('img'); },
  get forms() { return this.getElementsByTagName('form'); },
  get links() { return descendants(this, function (n) { return (n[NS].l === 'a' || n[NS].l === 'area') && n.hasAttribute('href'); }); },
  createElementNS(namespace, tag) { return dom.createElement(String(tag).replace(/^.*:/, '')); },
  createComment(data) { return new Comment(String(data)); },
  createEvent(type) {
    var C = { event: 'Event', events: 'Event', htmlevents: 'Event', customevent: 'CustomEvent', uievent: 'UIEvent',
      uievents: 'UIEvent', mouseevent: 'MouseEvent', mouseevents: 'MouseEvent' }[String(type).toLowerCase()];
    if (!C) throw domError('NotSupportedError', "Failed to execute 'createEvent' on 'Document': The provided event type ('" + type + "') is invalid.");
    var e = new window[C]('');
    e[I.ES].init = false;
    return e;
  },
  getElementsByName(name) { name = String(name); return descendants(this, function (n) { return n[NS].k === 1 && n[NS].a.get('name') === name; }); },
  importNode(node, deep) { return dom.cloneNode(node, !!deep); },
  write() { documentWrite(arguments, false); },
  writeln() { documentWrite(arguments, true); },
  adoptNode(node) { if (node[NS].p) detach(node); return node; }
});
var zeroRect = { x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0 };
function viewport(el, k) {
  return el === document.documentElement && /^(client|scroll)(Width|Height)$/.test(k) ? window[/Width/.test(k) ? 'innerWidth' : 'innerHeight'] : 0;
}
members(Element, {
  get classList() { var s = ns(this); return s.cl || (s.cl = B.create(DOMTokenList.prototype, { [TL]: { value: { e: this, a: 'class' } } })); },
  get innerHTML() { return serializeChildren(this); },
  set innerHTML(v) {
    var s = ns(this), target = s.l === 'template' ? s.content : this;
    var frag = fragmentFrom(v == null ? '' : String(v), s.l, s.l === 'template' || isInert(this), false);
    var kids = dom.copy(target[NS].c);
    for (var i = 0; i < kids.length; i++) detach(kids[i]);
    insertNode(target, frag, null, 'innerHTML');
  },
  get outerHTML() { return serialize(this); },
  set outerHTML(v) {
    var p = ns(this).p;
    if (!p) return;
    if (p[NS].k === 9) throw domError('NoModificationAllowedError', "Failed to set the 'outerHTML' property on 'Element': This element's parent is of type '#document'.");
    var frag = fragmentFrom(v == null ? '' : String(v), p[NS].k === 11 ? 'body' : p[NS].l, isInert(p), false);
    var next = sibling(this, 1);
    detach(this);
    insertNode(p, frag, next, 'outerHTML');
  },
  insertAdjacentHTML(where, markup) {
    where = B.lower(String(where));
    var p = ns(this).p, parent = this, ref = null;
    if (where === 'beforebegin' || where === 'afterend') {
      if (!p || p[NS].k === 9) throw domError('NoModificationAllowedError', "Failed to execute 'insertAdjacentHTML' on 'Element': The element has no parent.");
      parent = p;
      ref = where === 'beforebegin' ? this : sibling(this, 1);
    } else if (where === 'afterbegin') ref = ns(this).c[0] || null;
    else if (where !== 'beforeend') throw domError('SyntaxError', "Failed to execute 'insertAdjacentHTML' on 'Element': The value provided ('" + where + "') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.");
    var context = parent[NS].k === 11 ? 'body' : parent[NS].l;
    insertNode(parent, fragmentFrom(String(markup), context, isInert(parent), false), ref, 'insertAdjacentHTML');
  },
  insertAdjacentElement(where, el) {
    where = String(where).toLowerCase();
    var p = ns(this).p;
    if (where === 'beforebegin') return p ? insertNode(p, el, this, 'insertAdjacentElement') : null;
    if (where === 'afterend') return p ? insertNode(p, el, sibling(this, 1), 'insertAdjacentElement') : null;
    if (where === 'afterbegin') return insertNode(this, el, ns(this).c[0] || null, 'insertAdjacentElement');
    if (where === 'beforeend') return insertNode(this, el, null, 'insertAdjacentElement');
    throw domError('SyntaxError', "Failed to execute 'insertAdjacentElement' on 'Element': The value provided ('" + where + "') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.");
  },
  insertAdjacentText(where, text) { this.insertAdjacentElement(where, document.createTextNode(String(text))); },
  getBoundingClientRect() { var r = Object.assign({}, zeroRect); r.toJSON = function () { return zeroRect; }; return r; },
  getClientRects() { return []; },
  scrollIntoView() {},
  get clientWidth() { return viewport(this, 'clientWidth'); },
  get clientHeight() { return viewport(this, 'clientHeight'); },
  get scrollWidth() { return viewport(this, 'scrollWidth'); },
  get scrollHeight() { return viewport(this, 'scrollHeight'); },
  get clientTop() { return 0; },
  get clientLeft() { return 0; },
  get scrollTop() { return 0; },
  set scrollTop(v) {},
  get scrollLeft() { return 0; },
  set scrollLeft(v) {}
});
members(HTMLElement, {
  get style() { var s = ns(this); return s.st || (s.st = B.create(CSSStyleDeclaration.prototype)); },
  get dataset() { var s = ns(this); return s.ds || (s.ds = datasetOf(this)); },
  get offsetParent() { return null; },
  get offsetWidth() { return 0; },
  get offsetHeight() { return 0; },
  get offsetTop() { return 0; },
  get offsetLeft() { return 0; }
});
members(window.HTMLIFrameElement, { get contentWindow() { return null; }, get contentDocument() { return null; } });
members(window.HTMLTemplateElement, { get content() { return ns(this).content; } });
members(window.HTMLFormElement, {
  get action() { var v = this.getAttribute('action'), p = v ? parseUrl(v, I.url()[0]) : I.url(); return p ? p[0] : v; },
  set action(v) { this.setAttribute('action', v); },
  get method() { return (this.getAttribute('method') || '').toLowerCase() === 'post' ? 'post' : 'get'; },
  set method(v) { this.setAttribute('method', v); },
  get elements() { return dom.descendants(this, function (n) { return /^(input|select|textarea|button)$/.test(n[NS].l); }); },
  // Submission (no `submit` event) and requestSubmit (a cancelable `submit` first): the `loads` module.
  submit() { I.load('loads').submitForm(this, null, false); },
  requestSubmit(submitter) {
    var loads = I.load('loads');
    if (submitter != null) {
      var st = submitter[NS], type = st && st.k === 1 ? String(submitter.getAttribute('type') || (st.l === 'button' ? 'submit' : '')).toLowerCase() : '';
      if (!st || !((st.l === 'button' || st.l === 'input') && (type === 'submit' || (st.l === 'input' && type === 'image')))) {
        throw new TypeError("Failed to execute 'requestSubmit' on 'HTMLFormElement': The specified element is not a submit button.");
      }
      if (loads.formOwner(submitter) !== this) throw domError('NotFoundError', "Failed to execute 'requestSubmit' on 'HTMLFormElement': The specified element is not owned by this form element.");
    }
    loads.submitForm(this, submitter == null ? null : submitter, true);
  },
  reset() {}
});
// Form controls keep a value of their own once set (the `value` attribute is then only the default).
members(window.HTMLInputElement, {
  get value() {
    var s = ns(this), v = this.getAttribute('value');
    return s.v !== undefined ? s.v : v !== null ? v : /^(checkbox|radio)$/.test(this.type) ? 'on' : '';
  },
  set value(v) { ns(this).v = v == null ? '' : String(v); },
  get type() { return (this.getAttribute('type') || 'text').toLowerCase(); },
  set type(v) { this.setAttribute('type', v); },
  get checked() { var s = ns(this); return s.ch !== undefined ? s.ch : this.hasAttribute('checked'); },
  set checked(v) { ns(this).ch = !!v; }
});
members(window.HTMLTextAreaElement, {
  get value() { var s = ns(this); return s.v !== undefined ? s.v : this.textContent; },
  set value(v) { ns(this).v = v == null ? '' : String(v); }
});
// HTMLAnchorElement: `href` and its URL parts (HTMLHyperlinkElementUtils).
var A = window.HTMLAnchorElement.prototype;
B.forEach(I.urlParts, function (name, i) {
  B.defineProperty(A, name, {
    __proto__: null,
    get: function () {
      var v = this.getAttribute('href'), p = v === null ? null : parseUrl(v, I.url()[0]);
      return p ? p[i] : name === 'href' && v !== null ? v : '';
    },
    set: name === 'origin' ? undefined : function (v) {
      if (name === 'href') return this.setAttribute('href', v);
      var p = parseUrl(this.getAttribute('href') || '', I.url()[0]);
      if (p) this.setAttribute('href', H.urlSet(p[0], name, String(v))[0]);
    },
    enumerable: true, configurable: true
  });
});
members(window.HTMLAnchorElement, {
  get text() { return this.textContent; },
  set text(v) { this.textContent = v; },
  toString() { return this.href; }
});
