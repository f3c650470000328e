// XMLHttpRequest (MDN: /en-US/docs/Web/API/XMLHttpRequest), a lazy module, asynchronous only, over H.send (the
// egress gate). readyState goes 1 (open) -> 2 -> 3 -> 4 with readystatechange each time, then load/error/timeout/abort
// and loadend. A blocked or failed request ends with status 0 and `error`, as in a browser. Synchronous XHR throws.
var EventTarget = I.EventTarget, extractBody = I.load('body').extractBody;
var xhrState = new B.WeakMap();
function XMLHttpRequest() {
  if (!(this instanceof XMLHttpRequest)) throw new TypeError("Failed to construct 'XMLHttpRequest': Please use the 'new' operator");
  B.weakSet(xhrState, this, { __proto__: null, headers: [], response: null, sent: false, gen: 0, timer: 0 });
  // Defined, not assigned: an assignment would walk the prototype chain (page setters, the lazy layer) for each.
  H.mixin(this, { readyState: 0, status: 0, statusText: '', responseText: '', responseURL: '', responseType: '',
    timeout: 0, withCredentials: false, upload: new EventTarget(), onreadystatechange: null, onloadstart: null,
    onprogress: null, onload: null, onerror: null, onabort: null, ontimeout: null, onloadend: null });
}
XMLHttpRequest.prototype = B.create(EventTarget.prototype);
XMLHttpRequest.prototype.constructor = XMLHttpRequest;
// The state constants: enumerable, read-only, not configurable, as in Chrome (a frozen literal's attributes).
var states = B.freeze({ UNSENT: 0, OPENED: 1, HEADERS_RECEIVED: 2, LOADING: 3, DONE: 4 });
H.mixin(XMLHttpRequest, states);
H.mixin(XMLHttpRequest.prototype, states);
function xhrFire(xhr, type) { xhr.dispatchEvent(new Event(type)); }
function xhrSet(xhr, state) { xhr.readyState = state; xhrFire(xhr, 'readystatechange'); }
B.defineProperty(XMLHttpRequest.prototype, 'response', {
  __proto__: null,
  get: function () {
    if (this.responseType === '' || this.responseType === 'text') return this.readyState >= 3 ? this.responseText : '';
    if (this.readyState !== 4) return null;
    if (this.responseType === 'json') { try { return JSON.parse(this.responseText); } catch (e) { return null; } }
    return null;
  }
});
XMLHttpRequest.prototype.open = function (method, url, async) {
  if (async === false) throw new DOMException('Synchronous XMLHttpRequest is not supported by sdkhost', 'NotSupportedError');
  var s = B.weakGet(xhrState, this);
  s.method = B.upper(String(method)); s.url = String(url); s.headers = []; s.sent = false; s.gen++;
  this.status = 0; this.statusText = ''; this.responseText = ''; this.responseURL = '';
  xhrSet(this, 1);
};
XMLHttpRequest.prototype.setRequestHeader = function (name, value) {
  var s = B.weakGet(xhrState, this);
  if (this.readyState !== 1 || s.sent) throw new DOMException("Failed to execute 'setRequestHeader': the object's state must be OPENED.", 'InvalidStateError');
  B.push(s.headers, [String(name), String(value)]);
};
XMLHttpRequest.prototype.send = function (body) {
  var xhr = this, s = B.weakGet(xhrState, this);
  if (this.readyState !== 1 || s.sent) throw new DOMException("Failed to execute 'send': the object's state must be OPENED.", 'InvalidStateError');
  s.sent = true;
  var gen = s.gen, payload = extractBody(s.method === 'GET' || s.method === 'HEAD' ? null : body);
  var headers = [], typed = false;
  for (var i = 0; i < s.headers.length; i++) {
    B.push(headers, s.headers[i]);
    typed = typed || B.lower(s.headers[i][0]) === 'content-type';
  }
  if (payload.type && !typed) B.push(headers, ['Content-Type', payload.type]);
  xhrFire(this, 'loadstart');
  if (this.timeout > 0) {
    s.timer = setTimeout(function () {
      if (s.gen !== gen) return;
      s.gen++; xhr.status = 0; xhrSet(xhr, 4); xhrFire(xhr, 'timeout'); xhrFire(xhr, 'loadend');
    }, this.timeout);
  }
  H.send({ __proto__: null, method: s.method, url: s.url, headers: headers, body: payload.body, initiator: 'xhr',
    credentials: this.withCredentials ? 'include' : 'same-origin' }, function (r) {
    if (s.gen !== gen) return;
    if (s.timer) clearTimeout(s.timer);
    s.gen++;
    if (!r.ok) { xhr.status = 0; xhr.statusText = ''; xhrSet(xhr, 4); xhrFire(xhr, 'error'); xhrFire(xhr, 'loadend'); return; }
    s.response = r; xhr.status = r.status; xhr.statusText = r.statusText; xhr.responseURL = r.url;
    xhrSet(xhr, 2);
    xhr.responseText = r.body; xhrSet(xhr, 3); xhrFire(xhr, 'progress');
    xhrSet(xhr, 4); xhrFire(xhr, 'load'); xhrFire(xhr, 'loadend');
  });
};
XMLHttpRequest.prototype.abort = function () {
  var s = B.weakGet(xhrState, this);
  if (s.sent && this.readyState !== 4) {
    s.gen++; this.status = 0; xhrSet(this, 4); xhrFire(this, 'abort'); xhrFire(this, 'loadend');
  }
  this.readyState = 0;
};
XMLHttpRequest.prototype.getResponseHeader = function (name) {
  var r = B.weakGet(xhrState, this).response, n = String(name).toLowerCase(), out = [];
  if (!r || this.readyState < 2) return null;
  r.headers.forEach(function (h) { if (h[0].toLowerCase() === n && n !== 'set-cookie') out.push(h[1]); });
  return out.length ? out.join(', ') : null;
};
XMLHttpRequest.prototype.getAllResponseHeaders = function () {
  var r = B.weakGet(xhrState, this).response;
  if (!r || this.readyState < 2) return '';
  return r.headers.filter(function (h) { return h[0].toLowerCase() !== 'set-cookie'; })
    .map(function (h) { return h[0].toLowerCase() + ': ' + h[1] + '\r\n'; }).join('');
};
XMLHttpRequest.prototype.overrideMimeType = function () {};
window.XMLHttpRequest = XMLHttpRequest;
