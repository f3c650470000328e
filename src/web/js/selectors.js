// Selectors and tree walking (MDN: /en-US/docs/Web/API/Document/querySelector, /TreeWalker, /NodeFilter), a lazy
// module: querySelector(All), matches and closest for simple selectors: `*`, tag, `#id`, `.class`, `[attr]`,
// `[attr=value]` (also `~= |= ^= $= *=`, quoted or not), compounds of these, the descendant, `>`, `+` and `~`
// combinators, and `,` lists. Anything else (pseudo-classes, escapes) throws a SyntaxError DOMException, as an
// invalid selector does. document.createTreeWalker with whatToShow and a filter (function or { acceptNode }).
var dom = I.load('dom'), NS = dom.NS, walk = dom.walk, sibling = dom.sibling, isNode = dom.isNode;
var domError = I.domError, illegal = I.illegal, expose = I.expose;
var selectorToken = /\s*([>+~,])\s*|(\s+)|(\*|[A-Za-z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*)?\]/y;
var selectorCache = B.create(null);
// Parses a selector list into [[compound, ...], ...]; a compound is { tests: [...], comb: combinator to its left }.
function parseSelector(text, what) {
  text = String(text);
  if (selectorCache[text]) return selectorCache[text];
  var src = text.trim(), list = [], complex = [], cur = null, comb = null, m, i = 0;
  function fail() { throw domError('SyntaxError', "Failed to execute '" + what + "' on 'Document': '" + text + "' is not a valid selector."); }
  while (i < src.length) {
    selectorToken.lastIndex = i;
    m = selectorToken.exec(src);
    if (!m) fail();
    i = selectorToken.lastIndex;
    if (m[1] || m[2]) {
      if (!cur) fail();
      if (m[1] === ',') { list.push(complex); complex = []; comb = null; } else comb = m[1] || ' ';
      cur = null;
      continue;
    }
    if (!cur) { cur = { tests: [], comb: comb }; complex.push(cur); comb = null; }
    else if (m[3]) fail();
    if (m[3]) { if (m[3] !== '*') cur.tests.push({ tag: m[3].toLowerCase() }); }
    else if (m[4]) cur.tests.push({ id: m[4] });
    else if (m[5]) cur.tests.push({ cls: m[5] });
    else cur.tests.push({ attr: m[6].toLowerCase(), op: m[7], val: m[8] !== undefined ? m[8] : m[9] !== undefined ? m[9] : m[10] });
  }
  if (!cur) fail();
  list.push(complex);
  return (selectorCache[text] = list);
}
function testMatches(el, t) {
  var s = el[NS];
  if (t.tag) return s.l === t.tag;
  if (t.id) return s.a.get('id') === t.id;
  if (t.cls) return (s.a.get('class') || '').split(/\s+/).indexOf(t.cls) >= 0;
  var v = s.a.get(t.attr);
  if (v === undefined) return false;
  switch (t.op) {
    case undefined: return true;
    case '=': return v === t.val;
    case '~=': return v.split(/\s+/).indexOf(t.val) >= 0;
    case '|=': return v === t.val || v.indexOf(t.val + '-') === 0;
    case '^=': return t.val !== '' && v.indexOf(t.val) === 0;
    case '$=': return t.val !== '' && v.slice(-t.val.length) === t.val;
    default: return t.val !== '' && v.indexOf(t.val) >= 0;
  }
}
// Does `el` match compounds[0..i] of a complex selector, read right to left?
function complexMatches(el, compounds, i) {
  var c = compounds[i];
  if (!el || el[NS].k !== 1 || !c.tests.every(function (t) { return testMatches(el, t); })) return false;
  if (i === 0) return true;
  var n;
  switch (c.comb) {
    case '>': return complexMatches(el.parentElement, compounds, i - 1);
    case '+': return complexMatches(el.previousElementSibling, compounds, i - 1);
    case '~': for (n = el.previousElementSibling; n; n = n.previousElementSibling) if (complexMatches(n, compounds, i - 1)) return true; return false;
    default: for (n = el.parentElement; n; n = n.parentElement) if (complexMatches(n, compounds, i - 1)) return true; return false;
  }
}
function matchesList(el, list) {
  return list.some(function (complex) { return complexMatches(el, complex, complex.length - 1); });
}
function selectorMatches(el, sel, what) { return matchesList(el, parseSelector(sel, what)); }
function querySelect(root, sel, first) {
  var list = parseSelector(sel, first ? 'querySelector' : 'querySelectorAll'), out = [];
  walk(root, function (n) {
    if (n !== root && n[NS].k === 1 && matchesList(n, list)) { out.push(n); return first; }
    return false;
  });
  return out;
}

I.define(window.Element.prototype, {
  matches: function matches(sel) { return selectorMatches(this, sel, 'matches'); },
  webkitMatchesSelector: function webkitMatchesSelector(sel) { return selectorMatches(this, sel, 'matches'); },
  closest: function closest(sel) {
    for (var n = this; n && n[NS].k === 1; n = n[NS].p) if (selectorMatches(n, sel, 'closest')) return n;
    return null;
  }
});
I.querySelect = querySelect;

var NodeFilter = { FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3, SHOW_ALL: 0xFFFFFFFF, SHOW_ELEMENT: 0x1,
  SHOW_ATTRIBUTE: 0x2, SHOW_TEXT: 0x4, SHOW_CDATA_SECTION: 0x8, SHOW_PROCESSING_INSTRUCTION: 0x40, SHOW_COMMENT: 0x80,
  SHOW_DOCUMENT: 0x100, SHOW_DOCUMENT_TYPE: 0x200, SHOW_DOCUMENT_FRAGMENT: 0x400 };
expose(NodeFilter, 'NodeFilter');
var TW = Symbol('walker');
function twFilter(w, n) {
  var s = w[TW];
  if (!((s.show >>> (n[NS].k - 1)) & 1)) return 3;
  if (!s.filter) return 1;
  return Number(typeof s.filter === 'function' ? s.filter.call(undefined, n) : s.filter.acceptNode(n));
}
function twAccept(w, n) { w[TW].cur = n; return n; }
class TreeWalker {
  constructor() { illegal(); }
  get root() { return this[TW].root; }
  get whatToShow() { return this[TW].show; }
  get filter() { return this[TW].filter; }
  get currentNode() { return this[TW].cur; }
  set currentNode(n) { if (!isNode(n)) throw new TypeError("Failed to set the 'currentNode' property on 'TreeWalker': The provided value is not of type 'Node'."); this[TW].cur = n; }
  parentNode() {
    var s = this[TW], n = s.cur;
    while (n && n !== s.root) { n = n[NS].p; if (n && twFilter(this, n) === 1) return twAccept(this, n); }
    return null;
  }
  firstChild() { return twChildren(this, true); }
  lastChild() { return twChildren(this, false); }
  nextSibling() { return twSiblings(this, true); }
  previousSibling() { return twSiblings(this, false); }
  nextNode() {
    var s = this[TW], n = s.cur, r = 1;
    for (;;) {
      while (r !== 2 && n[NS].c && n[NS].c.length) {
        n = n[NS].c[0];
        r = twFilter(this, n);
        if (r === 1) return twAccept(this, n);
      }
      var next = null;
      for (var t = n; t; t = t[NS].p) {
        if (t === s.root) return null;
        next = sibling(t, 1);
        if (next) break;
      }
      if (!next) return null;
      n = next;
      r = twFilter(this, n);
      if (r === 1) return twAccept(this, n);
    }
  }
  previousNode() {
    var s = this[TW], n = s.cur;
    while (n !== s.root) {
      var sib = sibling(n, -1);
      while (sib) {
        n = sib;
        var r = twFilter(this, n);
        while (r !== 2 && n[NS].c && n[NS].c.length) { n = n[NS].c[n[NS].c.length - 1]; r = twFilter(this, n); }
        if (r === 1) return twAccept(this, n);
        sib = sibling(n, -1);
      }
      if (n === s.root || !n[NS].p) return null;
      n = n[NS].p;
      if (twFilter(this, n) === 1) return twAccept(this, n);
    }
    return null;
  }
}
function twChildren(w, first) {
  var s = w[TW], c = s.cur[NS].c, n = c && c.length ? c[first ? 0 : c.length - 1] : null;
  while (n) {
    var r = twFilter(w, n);
    if (r === 1) return twAccept(w, n);
    var kids = n[NS].c;
    if (r === 3 && kids && kids.length) { n = kids[first ? 0 : kids.length - 1]; continue; }
    while (n) {
      var sib = sibling(n, first ? 1 : -1);
      if (sib) { n = sib; break; }
      var p = n[NS].p;
      if (!p || p === s.root || p === s.cur) return null;
      n = p;
    }
  }
  return null;
}
function twSiblings(w, next) {
  var s = w[TW], n = s.cur;
  if (n === s.root) return null;
  for (;;) {
    var sib = sibling(n, next ? 1 : -1);
    while (sib) {
      n = sib;
      var r = twFilter(w, n), kids = n[NS].c;
      if (r === 1) return twAccept(w, n);
      sib = kids && kids.length ? kids[next ? 0 : kids.length - 1] : null;
      if (r === 2 || !sib) sib = sibling(n, next ? 1 : -1);
    }
    n = n[NS].p;
    if (!n || n === s.root) return null;
    if (twFilter(w, n) === 1) return null;
  }
}
function createTreeWalker(root, whatToShow, filter) {
  if (!isNode(root)) throw new TypeError("Failed to execute 'createTreeWalker' on 'Document': parameter 1 is not of type 'Node'.");
  var w = B.create(TreeWalker.prototype);
  w[TW] = { root: root, cur: root, show: whatToShow === undefined ? 0xFFFFFFFF : whatToShow >>> 0, filter: filter == null ? null : filter };
  return w;
}
expose(TreeWalker);
I.define(I.Document.prototype, { createTreeWalker: createTreeWalker });
