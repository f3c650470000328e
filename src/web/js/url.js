// URL and URLSearchParams (MDN: /en-US/docs/Web/API/URL, /en-US/docs/Web/API/URLSearchParams), a lazy module on the
// natives of src/web/whatwg_url.rs (the `url` crate: WHATWG parsing and setters). `url.searchParams` is live both
// ways.
// Deviations: no URL.createObjectURL/revokeObjectURL (no blob: URLs); iterators are plain generators.
var US = Symbol('url'), SP = Symbol('params'), parseUrl = I.parseUrl;
// Serialises name/value pairs as application/x-www-form-urlencoded, byte for byte as browsers do.
function formEncode(s) {
  return encodeURIComponent(s.toWellFormed ? s.toWellFormed() : s).replace(/[!'()~]|%20/g, function (c) {
    return c === '%20' ? '+' : '%' + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function formSerialize(list) {
  return list.map(function (p) { return formEncode(p[0]) + '=' + formEncode(p[1]); }).join('&');
}
class URL {
  constructor(url, base) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'URL': 1 argument required, but only 0 present.");
    var p = parseUrl(url, base);
    if (!p) throw new TypeError("Failed to construct 'URL': Invalid URL");
    this[US] = { p: p, q: null };
  }
  static canParse(url, base) { return !!parseUrl(url, base); }
  static parse(url, base) { var p = parseUrl(url, base); return p ? new URL(p[0]) : null; }
  get searchParams() {
    var s = this[US];
    if (!s.q) { s.q = new URLSearchParams(s.p[8]); s.q[SP].u = this; }
    return s.q;
  }
  toString() { return this[US].p[0]; }
  toJSON() { return this[US].p[0]; }
}
// Setting a part reparses the URL with that part changed; the search params follow.
function setPart(url, name, v) {
  var s = url[US], p = H.urlSet(s.p[0], name, String(v));
  if (!p) throw new TypeError("Failed to set the 'href' property on 'URL': Invalid URL");
  s.p = p;
  if (s.q) s.q[SP].l = H.formParse(p[8].slice(1));
}
// The URL parts (I.urlParts order), enumerable and configurable accessors; `origin` is read-only.
H.mixin(URL.prototype, {
  get href() { return this[US].p[0]; }, set href(v) { setPart(this, 'href', v); },
  get protocol() { return this[US].p[1]; }, set protocol(v) { setPart(this, 'protocol', v); },
  get username() { return this[US].p[2]; }, set username(v) { setPart(this, 'username', v); },
  get password() { return this[US].p[3]; }, set password(v) { setPart(this, 'password', v); },
  get host() { return this[US].p[4]; }, set host(v) { setPart(this, 'host', v); },
  get hostname() { return this[US].p[5]; }, set hostname(v) { setPart(this, 'hostname', v); },
  get port() { return this[US].p[6]; }, set port(v) { setPart(this, 'port', v); },
  get pathname() { return this[US].p[7]; }, set pathname(v) { setPart(this, 'pathname', v); },
  get search() { return this[US].p[8]; }, set search(v) { setPart(this, 'search', v); },
  get hash() { return this[US].p[9]; }, set hash(v) { setPart(this, 'hash', v); },
  get origin() { return this[US].p[10]; }
});
B.defineProperty(URL.prototype, Symbol.toStringTag, { __proto__: null, value: 'URL', configurable: true });

function spState(o) {
  var s = o && o[SP];
  if (!s) throw new TypeError('Illegal invocation');
  return s;
}
// A change to the params writes the serialised query back into the URL they belong to (empty query: no `?`).
function spUpdate(s) {
  if (!s.u) return;
  var u = s.u[US], q = formSerialize(s.l);
  u.p = H.urlSet(u.p[0], 'search', q) || u.p;
}
class URLSearchParams {
  constructor(init) {
    var l = [];
    if (init instanceof URLSearchParams) l = init[SP].l.map(function (p) { return p.slice(); });
    else if (init !== undefined && init !== null && (typeof init === 'object' || typeof init === 'function')) {
      if (typeof init[Symbol.iterator] === 'function') {
        for (var pair of init) {
          if (pair === null || typeof pair !== 'object') throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
          pair = Array.from(pair);
          if (pair.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
          l.push([String(pair[0]), String(pair[1])]);
        }
      } else B.forEach(B.keys(init), function (k) { l.push([k, String(init[k])]); });
    } else if (init !== undefined) {
      var q = String(init);
      l = H.formParse(q[0] === '?' ? q.slice(1) : q);
    }
    this[SP] = { l: l, u: null };
  }
  get size() { return spState(this).l.length; }
  append(name, value) {
    if (arguments.length < 2) throw new TypeError("Failed to execute 'append' on 'URLSearchParams': 2 arguments required.");
    var s = spState(this);
    s.l.push([String(name), String(value)]);
    spUpdate(s);
  }
  delete(name, value) {
    var s = spState(this);
    name = String(name);
    s.l = s.l.filter(function (p) { return p[0] !== name || (value !== undefined && p[1] !== String(value)); });
    spUpdate(s);
  }
  get(name) {
    name = String(name);
    var p = spState(this).l.find(function (p) { return p[0] === name; });
    return p ? p[1] : null;
  }
  getAll(name) {
    name = String(name);
    return spState(this).l.filter(function (p) { return p[0] === name; }).map(function (p) { return p[1]; });
  }
  has(name, value) {
    name = String(name);
    return spState(this).l.some(function (p) { return p[0] === name && (value === undefined || p[1] === String(value)); });
  }
  set(name, value) {
    if (arguments.length < 2) throw new TypeError("Failed to execute 'set' on 'URLSearchParams': 2 arguments required.");
    var s = spState(this), found = false;
    name = String(name); value = String(value);
    s.l = s.l.filter(function (p) {
      if (p[0] !== name) return true;
      if (found) return false;
      found = true; p[1] = value; return true;
    });
    if (!found) s.l.push([name, value]);
    spUpdate(s);
  }
  sort() {
    var s = spState(this);
    // Stable, by UTF-16 code units of the names.
    s.l = s.l.map(function (p, i) { return [p, i]; }).sort(function (a, b) {
      return a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1];
    }).map(function (x) { return x[0]; });
    spUpdate(s);
  }
  forEach(callback, thisArg) {
    if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': The callback provided as parameter 1 is not a function.");
    var s = spState(this);
    for (var i = 0; i < s.l.length; i++) callback.call(thisArg, s.l[i][1], s.l[i][0], this);
  }
  *entries() { var s = spState(this); for (var i = 0; i < s.l.length; i++) yield [s.l[i][0], s.l[i][1]]; }
  *keys() { var s = spState(this); for (var i = 0; i < s.l.length; i++) yield s.l[i][0]; }
  *values() { var s = spState(this); for (var i = 0; i < s.l.length; i++) yield s.l[i][1]; }
  toString() { return formSerialize(spState(this).l); }
}
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
B.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { __proto__: null, value: 'URLSearchParams', configurable: true });
I.expose(URL);
I.expose(URLSearchParams);
