// DOM tree (MDN: /en-US/docs/Web/API/Node, /Element, /HTMLElement, /Text, /DocumentFragment), a lazy module: nodes,
// children and siblings, insertion and removal, attributes, textContent, the HTML element classes with their
// reflected attributes, the document's tree and factories, and what scripts and images do.
// - `<script>` connected to the document (or given a `src` while connected) starts once: with `src`, it loads through
//   `H.loadScript(absoluteUrl, onload, onerror, onstart)` (`onstart` makes it `document.currentScript` while it runs)
//   and fires `load`/`error` at the element; without `src`, its text runs at once as a classic script. Scripts of a
//   type other than JavaScript (including `module`) never start.
// - The classes of other tags (div, img, a, form, ...) are the `elements` module; what elements load (img, link,
//   iframe, media, embed, meta refresh, ...) and what a click on a link or a submit button does, the `loads` module.
// classList, dataset, style, innerHTML/outerHTML, geometry and the URL parts of `<a>` are the `html` module;
// selectors and TreeWalker the `selectors` module.
// Deviations: childNodes, children and the getElementsBy* results are arrays (snapshots, not live collections);
// `attributes` is an array of { name, value }; tags without a class of their own here are HTMLElement (Chrome:
// HTMLUnknownElement for unknown names); no namespaces beyond HTML; no shadow DOM.
I.load('events');
var Node = I.Node, Document = I.Document, domError = I.domError, expose = I.expose, illegal = I.illegal;
var lazy = I.lazy, parseUrl = I.parseUrl, fireTrusted = I.fireTrusted;
var NS = Symbol('node');
function ns(n) {
  var s = n != null && n[NS];
  if (!s) throw new TypeError('Illegal invocation');
  return s;
}
function isNode(n) { return n != null && !!n[NS]; }
function makeNode(proto, kind, name, extra) {
  // The state has no prototype: page getters and setters on Object.prototype never see it (intrinsics.js rule 6).
  var n = B.create(proto), s = { __proto__: null, k: kind, n: name, p: null, c: kind === 1 || kind === 9 || kind === 11 ? [] : null };
  if (extra) { var keys = B.keys(extra); for (var i = 0; i < keys.length; i++) s[keys[i]] = extra[keys[i]]; }
  // Defined, not assigned: an assignment would walk the prototype chain and its lazy layers.
  B.defineProperty(n, NS, { __proto__: null, value: s, writable: true, enumerable: true, configurable: true });
  return n;
}
// A copy of an internal array, made without a method the page may have replaced.
function copy(a) { var out = []; for (var i = 0; i < a.length; i++) B.push(out, a[i]); return out; }
function elementChildren(n) {
  var c = ns(n).c || [], out = [];
  for (var i = 0; i < c.length; i++) if (c[i][NS].k === 1) B.push(out, c[i]);
  return out;
}
function sibling(n, step, elementsOnly) {
  var p = ns(n).p;
  if (!p) return null;
  var c = p[NS].c;
  for (var i = B.indexOf(c, n) + step; i >= 0 && i < c.length; i += step) if (!elementsOnly || c[i][NS].k === 1) return c[i];
  return null;
}
// The document's `<head>` or `<body>`: the named child of its first element.
function childNamed(doc, l) {
  var h = elementChildren(doc)[0], c = h ? h[NS].c : [];
  for (var i = 0; i < c.length; i++) if (c[i][NS].k === 1 && c[i][NS].l === l) return c[i];
  return null;
}
function rootOf(n) { while (n[NS].p) n = n[NS].p; return n; }
function isConnected(n) { return rootOf(n) === document; }
// Calls fn on n and every descendant, in tree order; fn returning true stops the walk.
function walk(n, fn) {
  if (fn(n)) return true;
  var c = n[NS].c;
  if (c) for (var i = 0; i < c.length; i++) if (walk(c[i], fn)) return true;
  return false;
}
function descendants(root, test) {
  var out = [];
  walk(root, function (n) { if (n !== root && test(n)) B.push(out, n); });
  return out;
}
function textOf(n) {
  var s = n[NS];
  if (s.k === 3 || s.k === 8) return s.d;
  var out = '';
  walk(n, function (d) { if (d[NS].k === 3) out += d[NS].d; });
  return out;
}
function nodeError(what, name, message) { return domError(name, "Failed to execute '" + what + "' on 'Node': " + message); }
function detach(n) {
  var s = n[NS];
  if (s.p) { var c = s.p[NS].c; B.splice(c, B.indexOf(c, n), 1); s.p = null; }
}
// Inserts `node` (a fragment: its children) into `parent` before `ref`, then runs what insertion triggers.
function insertNode(parent, node, ref, what) {
  var ps = ns(parent);
  if (!isNode(node)) throw new TypeError("Failed to execute '" + what + "' on 'Node': parameter 1 is not of type 'Node'.");
  if (!ps.c || node[NS].k === 9) throw nodeError(what, 'HierarchyRequestError', 'This node type does not support this method.');
  for (var a = parent; a; a = a[NS].p) if (a === node) throw nodeError(what, 'HierarchyRequestError', 'The new child element contains the parent.');
  if (ref != null && (!isNode(ref) || ref[NS].p !== parent)) throw nodeError(what, 'NotFoundError', 'The node before which the new node is to be inserted is not a child of this node.');
  if (ref === node) ref = sibling(node, 1);
  var nodes = node[NS].k === 11 ? copy(node[NS].c) : [node], i;
  for (i = 0; i < nodes.length; i++) {
    detach(nodes[i]);
    B.splice(ps.c, ref == null ? ps.c.length : B.indexOf(ps.c, ref), 0, nodes[i]);
    nodes[i][NS].p = parent;
  }
  if (isConnected(parent)) {
    for (i = 0; i < nodes.length; i++) {
      walk(nodes[i], function (d) {
        var l = d[NS].l;
        if (l === 'script') prepareScript(d);
        else if (loadTags[l] === 1) I.load('loads').inserted(d, true);
      });
    }
    if (ps.l === 'script') prepareScript(parent);
  } else if (loadParents[ps.l] === 1) {
    for (i = 0; i < nodes.length; i++) if (loadTags[nodes[i][NS].l] === 1) I.load('loads').inserted(nodes[i], false);
  }
  return node;
}
function cloneNode(n, deep) {
  var s = n[NS], c;
  if (s.k === 1) { c = createElement(s.l); B.mapForEach(s.a, function (v, k) { setAttr(c, k, v); }); }
  else if (s.k === 3) c = new Text(s.d);
  else if (s.k === 8) c = document.createComment(s.d);
  else if (s.k === 11) c = new DocumentFragment();
  else if (s.k === 10) c = makeNode(DocumentType.prototype, 10, s.n);
  else throw nodeError('cloneNode', 'NotSupportedError', 'Cloning a document is not supported.');
  if (deep && s.c) { var kids = copy(s.c); for (var i = 0; i < kids.length; i++) insertNode(c, cloneNode(kids[i], true), null, 'cloneNode'); }
  if (deep && s.content) c[NS].content.appendChild(cloneNode(s.content, true));
  return c;
}
function findById(root, id) {
  var found = null;
  id = String(id);
  walk(root, function (n) { if (n !== root && n[NS].k === 1 && B.mapGet(n[NS].a, 'id') === id) { found = n; return true; } return false; });
  return found;
}
// Adds the members of a class (its prototype's, but `constructor`) or of a literal to C's prototype, attributes and
// all (H.mixin, src/web/modules.rs: no descriptor object per member).
function mixin(C, members) { H.mixin(C.prototype, typeof members === 'function' ? members.prototype : members); }

mixin(Node, class {
  get nodeType() { return ns(this).k; }
  get nodeName() { return ns(this).n; }
  get ownerDocument() { return ns(this).k === 9 ? null : document; }
  get parentNode() { return ns(this).p; }
  get parentElement() { var p = ns(this).p; return p && p[NS].k === 1 ? p : null; }
  get childNodes() { return copy(ns(this).c || []); }
  get firstChild() { var c = ns(this).c; return c && c.length ? c[0] : null; }
  get lastChild() { var c = ns(this).c; return c && c.length ? c[c.length - 1] : null; }
  get nextSibling() { return sibling(this, 1); }
  get previousSibling() { return sibling(this, -1); }
  get isConnected() { return isConnected(this); }
  get nodeValue() { var s = ns(this); return s.k === 3 || s.k === 8 ? s.d : null; }
  set nodeValue(v) { var s = ns(this); if (s.k === 3 || s.k === 8) s.d = v == null ? '' : String(v); }
  get textContent() { var s = ns(this); return s.k === 9 || s.k === 10 ? null : textOf(this); }
  set textContent(v) {
    var s = ns(this);
    if (s.k === 3 || s.k === 8) { s.d = v == null ? '' : String(v); return; }
    if (!s.c) return;
    var kids = copy(s.c);
    for (var i = 0; i < kids.length; i++) detach(kids[i]);
    if (v != null && v !== '') this.appendChild(new Text(String(v)));
  }
  hasChildNodes() { var c = ns(this).c; return !!(c && c.length); }
  contains(other) { for (var n = other; isNode(n); n = n[NS].p) if (n === this) return true; return false; }
  getRootNode() { return rootOf(this); }
  appendChild(node) { return insertNode(this, node, null, 'appendChild'); }
  insertBefore(node, ref) { return insertNode(this, node, ref, 'insertBefore'); }
  removeChild(child) {
    if (!isNode(child) || child[NS].p !== this) throw nodeError('removeChild', 'NotFoundError', 'The node to be removed is not a child of this node.');
    detach(child);
    return child;
  }
  replaceChild(node, child) {
    if (!isNode(child) || child[NS].p !== this) throw nodeError('replaceChild', 'NotFoundError', 'The node to be replaced is not a child of this node.');
    if (node === child) return child;
    for (var a = this; a; a = a[NS].p) if (a === node) throw nodeError('replaceChild', 'HierarchyRequestError', 'The new child element contains the parent.');
    var next = sibling(child, 1);
    detach(child);
    insertNode(this, node, next === node ? sibling(node, 1) : next, 'replaceChild');
    return child;
  }
  cloneNode(deep) { return cloneNode(this, !!deep); }
  isSameNode(other) { return this === other; }
});
// ChildNode and ParentNode mixins.
var childNodeMixin = {
  remove() { if (this[NS].p) detach(this); },
  get nextElementSibling() { return sibling(this, 1, true); },
  get previousElementSibling() { return sibling(this, -1, true); }
};
var parentNodeMixin = {
  get children() { return elementChildren(this); },
  get firstElementChild() { return elementChildren(this)[0] || null; },
  get lastElementChild() { var c = elementChildren(this); return c[c.length - 1] || null; },
  get childElementCount() { return elementChildren(this).length; },
  getElementsByTagName(tag) {
    tag = B.lower(String(tag));
    return descendants(this, function (n) { return n[NS].k === 1 && (tag === '*' || n[NS].l === tag); });
  },
  querySelector(sel) { return I.load('selectors').querySelect(this, sel, true)[0] || null; },
  querySelectorAll(sel) { return I.load('selectors').querySelect(this, sel, false); }
};

class CharacterData extends Node {
  get data() { return ns(this).d; }
  set data(v) { ns(this).d = v == null ? '' : String(v); }
  get length() { return ns(this).d.length; }
}
mixin(CharacterData, childNodeMixin);
class Text extends CharacterData {
  constructor(data) { return makeNode(Text.prototype, 3, '#text', { d: data === undefined ? '' : String(data) }); }
  get wholeText() { return ns(this).d; }
}
class DocumentFragment extends Node {
  constructor() { return makeNode(DocumentFragment.prototype, 11, '#document-fragment'); }
  getElementById(id) { return findById(this, id); }
}
mixin(DocumentFragment, parentNodeMixin);
class DocumentType extends Node {
  get name() { return ns(this).n; }
  get publicId() { return ''; }
  get systemId() { return ''; }
}
mixin(DocumentType, childNodeMixin);

// Regular expressions are module constants: Boa compiles a literal each time it is evaluated (~0.01 ms each). Sharing
// them keeps no state between uses: only titleSpace has the g flag, and `replace` resets its lastIndex.
var validAttrName = /^[^\s"'>\/=\x00-\x1f]+$/;
var validTagName = /^[A-Za-z][^\s\/>\x00]*$/, titleSpace = /[\t\n\f\r ]+/g;
// Attribute names: lowercase in HTML; invalid names throw as in browsers.
function attrName(name, what) {
  name = String(name);
  if (B.exec(validAttrName, name) === null) throw domError('InvalidCharacterError', "Failed to execute '" + what + "' on 'Element': '" + name + "' is not a valid attribute name.");
  return B.lower(name);
}
// Elements that can make a request (the `loads` module says how), the attributes that can start one, and the
// parents whose children's insertion can (a `<picture>`'s images, a media element's sources).
var loadTags = { __proto__: null, img: 1, input: 1, source: 1, audio: 1, video: 1, track: 1, link: 1, iframe: 1,
  frame: 1, embed: 1, object: 1, meta: 1 };
var loadAttrs = { __proto__: null, src: 1, srcset: 1, href: 1, rel: 1, data: 1, type: 1, poster: 1 };
var loadParents = { __proto__: null, picture: 1, audio: 1, video: 1 };
// Sets an attribute, then runs what the change triggers (script loads, the `loads` module's requests).
function setAttr(el, name, value) {
  var s = ns(el);
  B.mapSet(s.a, name, value);
  if (loadTags[s.l] === 1 && loadAttrs[name] === 1) I.load('loads').attributeChanged(el, name);
  else if (name === 'src' && s.l === 'script' && isConnected(el)) prepareScript(el);
}
class Element extends Node {
  get tagName() { return ns(this).n; }
  get localName() { return ns(this).l; }
  get namespaceURI() { return 'http://www.w3.org/1999/xhtml'; }
  get prefix() { return null; }
  get id() { return this.getAttribute('id') || ''; }
  set id(v) { this.setAttribute('id', v); }
  get className() { return this.getAttribute('class') || ''; }
  set className(v) { this.setAttribute('class', v); }
  getAttribute(name) { var v = B.mapGet(ns(this).a, B.lower(String(name))); return v === undefined ? null : v; }
  setAttribute(name, value) { setAttr(this, attrName(name, 'setAttribute'), String(value)); }
  removeAttribute(name) { B.mapDelete(ns(this).a, B.lower(String(name))); }
  hasAttribute(name) { return B.mapHas(ns(this).a, B.lower(String(name))); }
  hasAttributes() { return ns(this).a.size > 0; }
  getAttributeNames() { return Array.from(ns(this).a.keys()); }
}
mixin(Element, childNodeMixin);
mixin(Element, parentNodeMixin);
lazy(Element.prototype, 'classList innerHTML outerHTML insertAdjacentElement insertAdjacentText insertAdjacentHTML ' +
  'getBoundingClientRect ' +
  'getClientRects scrollIntoView clientWidth clientHeight clientTop clientLeft scrollWidth scrollHeight scrollTop ' +
  'scrollLeft', 'html');
lazy(Element.prototype, 'matches webkitMatchesSelector closest', 'selectors');
var moreNodeMembers = 'before after replaceWith append prepend replaceChildren getElementsByClassName';
lazy(Element.prototype, moreNodeMembers + ' attributes toggleAttribute getAttributeNS setAttributeNS ' +
  'removeAttributeNS hasAttributeNS', 'html');
lazy(CharacterData.prototype, 'before after replaceWith appendData', 'html');
lazy(DocumentFragment.prototype, moreNodeMembers, 'html');
class HTMLElement extends Element {
  get innerText() { return this.textContent; }
  set innerText(v) { this.textContent = v; }
  click() { fireTrusted(this, 'click', { bubbles: true, cancelable: true, composed: true }, I.load('uievents').MouseEvent); }
  focus() {}
  blur() {}
}
lazy(HTMLElement.prototype, 'style dataset offsetParent offsetWidth offsetHeight offsetTop offsetLeft', 'html');
I.defineHandlers(HTMLElement.prototype, I.globalOnNames);

var tagClasses = B.create(null);
function elementClass(name, tags, reflected) {
  var C = class extends HTMLElement {};
  B.defineProperty(C, 'name', { __proto__: null, value: name });
  B.forEach(B.split(tags, ' '), function (t) { tagClasses[t] = C; });
  if (reflected) reflect(C, reflected);
  expose(C);
  return C;
}
// Reflects attributes as properties. Each word is `prop` (string), `prop:u` (URL, resolved against the document),
// `prop:b` (boolean), `prop:n` (non-negative integer) or `prop:c` (nullable, like crossOrigin); `prop=attr` names the
// attribute when it is not the lowercase property name.
function reflect(C, spec) {
  B.forEach(B.split(spec, ' '), function (word) {
    // (Parsed by hand: a regexp literal is compiled again on every page.)
    var colon = B.strIndexOf(word, ':'), head = colon < 0 ? word : B.slice(word, 0, colon);
    var eq = B.strIndexOf(head, '='), prop = eq < 0 ? head : B.slice(head, 0, eq);
    var attr = eq < 0 ? B.lower(prop) : B.slice(head, eq + 1), kind = colon < 0 ? undefined : B.slice(word, colon + 1);
    B.defineProperty(C.prototype, prop, {
      __proto__: null,
      get: function () {
        var v = this.getAttribute(attr), p;
        if (kind === 'b') return v !== null;
        if (kind === 'n') { var n = parseInt(v, 10); return n >= 0 ? n : 0; }
        if (kind === 'c') return v;
        if (kind === 'u') return v === null ? '' : (p = parseUrl(v, I.url()[0])) ? p[0] : v;
        return v === null ? '' : v;
      },
      set: function (v) {
        if (kind === 'b') { if (v) this.setAttribute(attr, ''); else this.removeAttribute(attr); }
        else if (kind === 'c' && v === null) this.removeAttribute(attr);
        else this.setAttribute(attr, kind === 'n' ? String(Math.max(0, Number(v) | 0)) : v);
      },
      enumerable: true, configurable: true
    });
  });
}
reflect(HTMLElement, 'title lang dir hidden:b accessKey=accesskey');
elementClass('HTMLHtmlElement', 'html', 'version');
elementClass('HTMLHeadElement', 'head');
elementClass('HTMLBodyElement', 'body');
elementClass('HTMLTitleElement', 'title');
// The element classes of the other tags (div, img, a, form, ...) are the `elements` module, loaded by createElement
// or by their names.
var elementsTags = { __proto__: null, div: true, span: true, p: true, style: true, meta: true, link: true,
  button: true, select: true, textarea: true, iframe: true, form: true, input: true, a: true, template: true,
  img: true, audio: true, video: true, source: true, track: true, embed: true, object: true, picture: true,
  area: true, frame: true };
var HTMLScriptElement = elementClass('HTMLScriptElement', 'script', 'src:u type charset defer:b ' +
  'noModule=nomodule:b crossOrigin=crossorigin:c integrity referrerPolicy=referrerpolicy nonce');
// HTMLScriptElement: `async` is true for a script made by createElement until set; `text` is its text content.
H.mixin(HTMLScriptElement.prototype, {
  get async() { var s = ns(this); return s.forceAsync || this.hasAttribute('async'); },
  set async(v) { ns(this).forceAsync = false; if (v) this.setAttribute('async', ''); else this.removeAttribute('async'); },
  get text() { return this.textContent; },
  set text(v) { this.textContent = v; }
});
function createElement(tag) {
  var local = String(tag);
  if (B.exec(validTagName, local) === null) throw domError('InvalidCharacterError', "Failed to execute 'createElement' on 'Document': The tag name provided ('" + tag + "') is not a valid name.");
  local = B.lower(local);
  if (elementsTags[local]) I.load('elements');
  var el = makeNode((tagClasses[local] || HTMLElement).prototype, 1, B.upper(local), { l: local, a: new B.Map() });
  if (local === 'script') el[NS].forceAsync = true;
  if (local === 'template') { el[NS].content = new DocumentFragment(); el[NS].content[NS].inert = true; }
  return el;
}
// Fires `load` or `error` (not bubbling) at an element.
function fireElement(el, type) { fireTrusted(el, type, { __proto__: null }); }
var jsTypes = /^((text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript)|text\/javascript1\.[0-5])$/;
// The "prepare the script element" steps, for a script that is connected (or has just become so).
function prepareScript(el) {
  var s = el[NS], type = el.getAttribute('type'), lang = el.getAttribute('language'), src = el.getAttribute('src');
  if (s.started || (src === null && !el.textContent)) return;
  type = B.lower(B.trim(type === null ? (lang ? 'text/' + lang : '') : type));
  if (type && B.exec(jsTypes, type) === null) return;
  s.started = true;
  var state = I.documentState;
  if (src === null) {
    var previous = state.currentScript;
    state.currentScript = el;
    try { (0, eval)(el.textContent); } catch (e) { H.reportError(e); } finally { state.currentScript = previous; }
    return;
  }
  var p = src === '' ? null : parseUrl(src, I.url()[0]);
  if (!p) { H.queueTask(function () { fireElement(el, 'error'); }); return; }
  H.loadScript(p[0],
    function () { state.currentScript = null; fireElement(el, 'load'); },
    function () { state.currentScript = null; fireElement(el, 'error'); },
    function () { state.currentScript = el; });
}

mixin(Document, parentNodeMixin);
lazy(Document.prototype, moreNodeMembers + ' scripts images forms links createElementNS createComment createEvent ' +
  'getElementsByName importNode adoptNode', 'html');
mixin(Document, class {
  get doctype() { var c = ns(this).c; for (var i = 0; i < c.length; i++) if (c[i][NS].k === 10) return c[i]; return null; }
  get documentElement() { return elementChildren(this)[0] || null; }
  get head() { return childNamed(this, 'head'); }
  get body() { return childNamed(this, 'body'); }
  get title() {
    var t = this.getElementsByTagName('title')[0];
    return t ? t.textContent.replace(titleSpace, ' ').trim() : '';
  }
  set title(v) {
    var t = this.getElementsByTagName('title')[0];
    if (!t && this.head) t = this.head.appendChild(createElement('title'));
    if (t) t.textContent = v;
  }
  get activeElement() { return this.body; }
  createElement(tag) { return createElement(tag); }
  createTextNode(data) { return new Text(String(data)); }
  createDocumentFragment() { return new DocumentFragment(); }
  getElementById(id) { return findById(this, id); }
});
document[NS] = { __proto__: null, k: 9, n: '#document', p: null, c: [] };
(function () {
  var html = createElement('html'), head = createElement('head'), title = createElement('title');
  document.appendChild(makeNode(DocumentType.prototype, 10, 'html'));
  document.appendChild(html);
  html.appendChild(head);
  head.appendChild(title);
  html.appendChild(createElement('body'));
  if (H.title) title.textContent = String(H.title);
})();
B.forEach([CharacterData, Text, DocumentFragment, DocumentType, Element, HTMLElement], function (C) { expose(C); });
B.assign(I, { NS: NS, ns: ns, copy: copy, isNode: isNode, makeNode: makeNode, walk: walk, descendants: descendants,
  sibling: sibling, insertNode: insertNode, detach: detach, createElement: createElement, setAttr: setAttr,
  isConnected: isConnected, prepareScript: prepareScript,
  attrName: attrName, cloneNode: cloneNode, mixin: mixin, textOf: textOf, Text: Text, DocumentFragment: DocumentFragment,
  CharacterData: CharacterData, Document: Document, elementClass: elementClass, fireElement: fireElement });
