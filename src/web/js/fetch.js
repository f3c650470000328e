// fetch (MDN: /en-US/docs/Web/API/Fetch_API), a lazy module: Headers, Request, Response, fetch(), and what
// navigator.sendBeacon does, over H.send (the egress gate). A blocked or failed request rejects with
// TypeError('Failed to fetch'); an aborted one with an AbortError. Bodies: string, URLSearchParams, Blob, FormData,
// ArrayBuffer and typed arrays (the `body` module). No streams (`body` is null); `redirect` is recorded but redirects
// are never followed (the transports do not follow them).
var extractBody = I.load('body').extractBody;

function Headers(init) {
  if (!(this instanceof Headers)) throw new TypeError("Failed to construct 'Headers': Please use the 'new' operator");
  B.defineProperty(this, '_list', { __proto__: null, value: [], writable: true });
  var self = this;
  if (init instanceof Headers) init.forEach(function (v, k) { self.append(k, v); });
  else if (B.isArray(init)) { for (var j = 0; j < init.length; j++) self.append(init[j][0], init[j][1]); }
  else if (init && typeof init === 'object') { var keys = B.keys(init); for (var i = 0; i < keys.length; i++) self.append(keys[i], init[keys[i]]); }
}
B.defineProperty(Headers.prototype, 'append', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (k, v) { B.push(this._list, [B.lower(String(k)), String(v)]); } });
B.defineProperty(Headers.prototype, 'set', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (k, v) { this.delete(k); this.append(k, v); } });
B.defineProperty(Headers.prototype, 'delete', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (k) { k = String(k).toLowerCase(); this._list = this._list.filter(function (p) { return p[0] !== k; }); } });
B.defineProperty(Headers.prototype, 'get', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (k) {
  k = B.lower(String(k));
  var v = null, l = this._list;
  for (var i = 0; i < l.length; i++) if (l[i][0] === k) v = v === null ? l[i][1] : v + ', ' + l[i][1];
  return v;
} });
B.defineProperty(Headers.prototype, 'has', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (k) { return this.get(k) !== null; } });
// Iteration is sorted by name with values combined, as the Fetch standard says.
B.defineProperty(Headers.prototype, '_sorted', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () {
  var names = [], self = this;
  this._list.forEach(function (p) { if (names.indexOf(p[0]) < 0) names.push(p[0]); });
  return names.sort().map(function (n) { return [n, self.get(n)]; });
} });
B.defineProperty(Headers.prototype, 'forEach', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function (fn, thisArg) { var self = this; this._sorted().forEach(function (p) { fn.call(thisArg, p[1], p[0], self); }); } });
B.defineProperty(Headers.prototype, 'entries', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this._sorted()[Symbol.iterator](); } });
B.defineProperty(Headers.prototype, 'keys', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this._sorted().map(function (p) { return p[0]; })[Symbol.iterator](); } });
B.defineProperty(Headers.prototype, 'values', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this._sorted().map(function (p) { return p[1]; })[Symbol.iterator](); } });
Headers.prototype[Symbol.iterator] = Headers.prototype.entries;

function Request(input, init) {
  if (!(this instanceof Request)) throw new TypeError("Failed to construct 'Request': Please use the 'new' operator");
  init = init || { __proto__: null };
  var base = input instanceof Request ? input : null;
  // [href, ..., username, password, ...] (lazy.js), as a URL object would be the page's to replace.
  var parsed = base ? null : I.parseUrl(input, I.url()[0]);
  if (!base && !parsed) throw new TypeError("Failed to construct 'URL': Invalid URL");
  if (parsed && (parsed[2] || parsed[3])) {
    throw new TypeError("Failed to construct 'Request': Request cannot be constructed from a URL that includes credentials: " + String(input));
  }
  // Own properties defined, not assigned: a setter the page put on Object.prototype never sees them.
  var method = B.upper(String(init.method || (base ? base.method : 'GET')));
  I.define(this, { url: base ? base.url : parsed[0], method: method,
    headers: new Headers(init.headers || (base ? base.headers : undefined)),
    credentials: init.credentials || (base ? base.credentials : 'same-origin'), mode: init.mode || (base ? base.mode : 'cors'),
    cache: init.cache || 'default', redirect: init.redirect || 'follow',
    keepalive: !!(init.keepalive !== undefined ? init.keepalive : base && base.keepalive),
    signal: init.signal || (base ? base.signal : null), referrer: 'about:client' });
  var body = init.body !== undefined ? init.body : base ? base._body : null;
  if (body !== null && body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError("Failed to construct 'Request': Request with GET/HEAD method cannot have body.");
  }
  B.defineProperty(this, '_body', { __proto__: null, value: body === undefined ? null : body });
  I.define(this, { body: null, bodyUsed: false });
}
B.defineProperty(Request.prototype, 'clone', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return new Request(this); } });
B.defineProperty(Request.prototype, 'text', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { var b = extractBody(this._body).body; return Promise.resolve(typeof b === 'string' ? b : b ? new TextDecoder().decode(b) : ''); } });
B.defineProperty(Request.prototype, 'json', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this.text().then(JSON.parse); } });

function Response(body, init) {
  if (!(this instanceof Response)) throw new TypeError("Failed to construct 'Response': Please use the 'new' operator");
  init = init || { __proto__: null };
  var status = init.status === undefined ? 200 : init.status;
  I.define(this, { status: status, statusText: init.statusText || '', ok: status >= 200 && status < 300,
    headers: new Headers(init.headers), type: 'default', url: '', redirected: false, body: null, bodyUsed: false });
  var b = extractBody(body).body;
  B.defineProperty(this, '_text', { __proto__: null, value: typeof b === 'string' ? b : b ? new TextDecoder().decode(b) : '', writable: true });
}
B.defineProperty(Response.prototype, 'text', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () {
  if (this.bodyUsed) return Promise.reject(new TypeError('Failed to execute \'text\' on \'Response\': body stream already read'));
  this.bodyUsed = true;
  return Promise.resolve(this._text);
} });
B.defineProperty(Response.prototype, 'json', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this.text().then(JSON.parse); } });
B.defineProperty(Response.prototype, 'arrayBuffer', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { return this.text().then(function (t) { return new TextEncoder().encode(t).buffer; }); } });
B.defineProperty(Response.prototype, 'blob', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { var self = this; return this.text().then(function (t) { return new Blob([t], { type: self.headers.get('content-type') || '' }); }); } });
B.defineProperty(Response.prototype, 'clone', { __proto__: null, writable: true, enumerable: true, configurable: true, value: function () { var r = new Response(this._text, this); r.url = this.url; r.type = this.type; return r; } });
Response.error = function () { var r = new Response(null, { status: 0 }); r.type = 'error'; return r; };
Response.json = function (data, init) { init = init || {}; var h = new Headers(init.headers); if (!h.has('content-type')) h.set('content-type', 'application/json'); return new Response(JSON.stringify(data), { status: init.status, statusText: init.statusText, headers: h }); };

function abortError(signal) {
  if (signal && signal.reason !== undefined) return signal.reason;
  return new DOMException('The user aborted a request.', 'AbortError');
}
function fetch(input, init) {
  var req;
  try { req = new Request(input, init); } catch (e) { return B.reject(e); }
  if (req.signal && req.signal.aborted) return B.reject(abortError(req.signal));
  return new B.Promise(function (resolve, reject) {
    var payload = extractBody(req._body), headers = [];
    var list = req.headers._list, typed = false;
    for (var i = 0; i < list.length; i++) { B.push(headers, [list[i][0], list[i][1]]); typed = typed || list[i][0] === 'content-type'; }
    if (payload.type && !typed) B.push(headers, ['content-type', payload.type]);
    var done = false;
    if (req.signal && typeof req.signal.addEventListener === 'function') {
      req.signal.addEventListener('abort', function () { if (!done) { done = true; reject(abortError(req.signal)); } });
    }
    H.send({ __proto__: null, method: req.method, url: req.url, headers: headers, body: payload.body, initiator: 'fetch',
      credentials: req.credentials }, function (r) {
      if (done) return;
      done = true;
      if (req.signal && req.signal.aborted) { reject(abortError(req.signal)); return; }
      if (!r.ok) { reject(new TypeError('Failed to fetch')); return; }
      var headers = [];
      for (var i = 0; i < r.headers.length; i++) if (B.lower(r.headers[i][0]) !== 'set-cookie') B.push(headers, r.headers[i]);
      var res = new Response(r.body, { __proto__: null, status: r.status, statusText: r.statusText, headers: headers });
      I.define(res, { url: r.url, type: 'basic' });
      resolve(res);
    });
  });
}

// navigator.sendBeacon (the function on navigator is the core's, js/navigator.js, which loads this module): a POST
// with credentials that outlives the page; false when the gate blocks it.
function sendBeacon(url, data) {
  if (arguments.length < 1) throw new TypeError("Failed to execute 'sendBeacon' on 'Navigator': 1 argument required, but only 0 present.");
  var payload = extractBody(data === undefined ? null : data), headers = [];
  if (payload.type) B.push(headers, ['Content-Type', payload.type]);
  return H.send({ __proto__: null, method: 'POST', url: String(url), headers: headers, body: payload.body, initiator: 'beacon', credentials: 'include' }, null);
}

window.Headers = Headers;
window.Request = Request;
window.Response = Response;
window.fetch = fetch;
I.sendBeacon = sendBeacon;
