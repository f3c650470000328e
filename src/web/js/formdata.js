// FormData (MDN: /en-US/docs/Web/API/FormData), a lazy module: entries are kept in a hidden (non-enumerable) array `__entries` of
// [name, value] pairs, value a string or a File, which the network glue reads for request bodies. A Blob value
// becomes a File named "blob" (or the given filename). `new FormData(form)` collects the form's named, enabled
// input/select/textarea controls (checkboxes and radios only when checked; no buttons or file inputs).
var Blob = window.Blob, File = window.File;
function formEntry(name, value, filename, n, what) {
  if (n < 2) throw new TypeError("Failed to execute '" + what + "' on 'FormData': 2 arguments required, but only " + n + ' present.');
  if (value instanceof Blob) {
    if (!(value instanceof File) || filename !== undefined) {
      value = new File([value], filename !== undefined ? String(filename) : value instanceof File ? value.name : 'blob', { type: value.type });
    }
  } else value = String(value);
  return [String(name), value];
}
var controls = { __proto__: null, input: 1, select: 1, textarea: 1, button: 1 };
var skipped = { __proto__: null, submit: 1, button: 1, reset: 1, image: 1, file: 1, checkbox: 0, radio: 0 };
// The entries of `form`: its named, enabled controls in tree order (form submission uses this too, so it reads the
// nodes' own state, never builtins or prototypes the page may have replaced; `value`/`checked` are the element's).
// (`dom` loads here, not with the module: FormData for a request body needs no DOM.)
function formEntries(form) {
  var entries = [], dom = I.load('dom'), NS = dom.NS;
  dom.walk(form, function (el) {
    var s = el[NS];
    if (el === form || s.k !== 1 || controls[s.l] !== 1) return false;
    var name = B.mapGet(s.a, 'name'), type = B.lower(B.mapGet(s.a, 'type') || '');
    if (!name || B.mapHas(s.a, 'disabled') || s.l === 'button' || skipped[type] === 1) return false;
    if (skipped[type] === 0 && !el.checked) return false;
    B.push(entries, [name, s.l === 'select' ? '' : String(el.value === undefined ? B.mapGet(s.a, 'value') || '' : el.value)]);
    return false;
  });
  return entries;
}
class FormData {
  constructor(form) {
    var entries = [];
    B.defineProperty(this, '__entries', { __proto__: null, value: entries });
    if (form === undefined) return;
    if (!(form instanceof window.HTMLFormElement)) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
    var found = formEntries(form);
    for (var i = 0; i < found.length; i++) B.push(entries, found[i]);
  }
  append(name, value, filename) { this.__entries.push(formEntry(name, value, filename, arguments.length, 'append')); }
  set(name, value, filename) {
    var e = formEntry(name, value, filename, arguments.length, 'set'), l = this.__entries, i = l.findIndex(function (p) { return p[0] === e[0]; });
    if (i < 0) { l.push(e); return; }
    l[i] = e;
    for (var j = l.length - 1; j > i; j--) if (l[j][0] === e[0]) l.splice(j, 1);
  }
  get(name) { name = String(name); var p = this.__entries.find(function (p) { return p[0] === name; }); return p ? p[1] : null; }
  getAll(name) { name = String(name); return this.__entries.filter(function (p) { return p[0] === name; }).map(function (p) { return p[1]; }); }
  has(name) { name = String(name); return this.__entries.some(function (p) { return p[0] === name; }); }
  delete(name) {
    name = String(name);
    var l = this.__entries;
    for (var i = l.length - 1; i >= 0; i--) if (l[i][0] === name) l.splice(i, 1);
  }
  forEach(callback, thisArg) { var l = this.__entries; for (var i = 0; i < l.length; i++) callback.call(thisArg, l[i][1], l[i][0], this); }
  *entries() { var l = this.__entries; for (var i = 0; i < l.length; i++) yield [l[i][0], l[i][1]]; }
  *keys() { var l = this.__entries; for (var i = 0; i < l.length; i++) yield l[i][0]; }
  *values() { var l = this.__entries; for (var i = 0; i < l.length; i++) yield l[i][1]; }
}
FormData.prototype[Symbol.iterator] = FormData.prototype.entries;
B.defineProperty(FormData.prototype, Symbol.toStringTag, { __proto__: null, value: 'FormData', configurable: true });
I.expose(FormData);
I.formEntries = formEntries;
