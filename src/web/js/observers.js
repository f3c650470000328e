// PerformanceObserver, ResizeObserver and IntersectionObserver (MDN: /en-US/docs/Web/API/<name>), a lazy module, on
// the virtual clock and for a page without layout:
// - PerformanceObserver: `supportedEntryTypes` is ['navigation']; observing it with `buffered: true` delivers the
//   page's one PerformanceNavigationTiming (name = document URL, startTime 0, every timing 0, type 'navigate') in a task. Other
//   types are ignored with a console warning, as Chrome does for unknown ones; nothing else is ever observed.
// - ResizeObserver: every element is 0×0 and never changes, so no observation is ever delivered (the spec reports a
//   size only once it differs from 0×0).
// - IntersectionObserver: observing a target queues one entry in a task, as in a browser: not intersecting, ratio 0,
//   zero rectangles, `rootBounds` the viewport for the implicit root, `time` = performance.now().
var later = window.setTimeout;
function checkCallback(name, callback) {
  if (typeof callback !== 'function') throw new TypeError("Failed to construct '" + name + "': parameter 1 is not of type 'Function'.");
}
function rect(x, y, w, h) {
  var r = { x: x, y: y, width: w, height: h, top: y, left: x, right: x + w, bottom: y + h };
  r.toJSON = function () { return { x: x, y: y, width: w, height: h, top: y, right: x + w, bottom: y + h, left: x }; };
  return B.freeze(r);
}
// One entry object with the browser's read-only shape.
function entry(proto, fields) {
  var e = B.create(proto);
  for (var k in fields) B.defineProperty(e, k, { __proto__: null, value: fields[k], enumerable: true });
  return e;
}
class PerformanceEntry { constructor() { I.illegal(); } toJSON() { var o = {}; for (var k in this) if (typeof this[k] !== 'function') o[k] = this[k]; return o; } }
class PerformanceResourceTiming extends PerformanceEntry {}
class PerformanceNavigationTiming extends PerformanceResourceTiming {}
var navigationEntry = null;
function navigation() {
  if (!navigationEntry) {
    navigationEntry = entry(PerformanceNavigationTiming.prototype, {
      name: I.url()[0], entryType: 'navigation', startTime: 0, duration: 0, initiatorType: 'navigation',
      nextHopProtocol: '', workerStart: 0, redirectStart: 0, redirectEnd: 0, fetchStart: 0, domainLookupStart: 0,
      domainLookupEnd: 0, connectStart: 0, connectEnd: 0, secureConnectionStart: 0, requestStart: 0, responseStart: 0,
      responseEnd: 0, transferSize: 0, encodedBodySize: 0, decodedBodySize: 0, unloadEventStart: 0, unloadEventEnd: 0,
      domInteractive: 0, domContentLoadedEventStart: 0, domContentLoadedEventEnd: 0, domComplete: 0,
      loadEventStart: 0, loadEventEnd: 0, type: 'navigate', redirectCount: 0
    });
  }
  return navigationEntry;
}
class PerformanceObserverEntryList {
  constructor() { I.illegal(); }
  getEntries() { return this._entries.slice(); }
  getEntriesByType(t) { return this._entries.filter(function (e) { return e.entryType === String(t); }); }
  getEntriesByName(n, t) { return this._entries.filter(function (e) { return e.name === String(n) && (t === undefined || e.entryType === String(t)); }); }
}
function entryList(entries) { var l = B.create(PerformanceObserverEntryList.prototype); l._entries = entries; return l; }
var SUPPORTED = B.freeze(['navigation']);
class PerformanceObserver {
  constructor(callback) { checkCallback('PerformanceObserver', callback); this._callback = callback; this._queue = []; this._on = false; }
  static get supportedEntryTypes() { return SUPPORTED; }
  observe(options) {
    var o = options || {};
    if (o.entryTypes !== undefined && o.type !== undefined) throw new TypeError("Failed to execute 'observe' on 'PerformanceObserver': An observe() call must not include both entryTypes and type arguments.");
    if (o.entryTypes === undefined && o.type === undefined) throw new TypeError("Failed to execute 'observe' on 'PerformanceObserver': An observe() call must include either entryTypes or type arguments.");
    var types = o.type !== undefined ? [String(o.type)] : Array.from(o.entryTypes, String);
    var known = types.filter(function (t) { return SUPPORTED.indexOf(t) >= 0; });
    if (known.length < types.length) console.warn('The entry type(s) ' + types.filter(function (t) { return known.indexOf(t) < 0; }).join(', ') + ' are not supported by this host; they will never be observed.');
    this._on = true;
    if (o.type !== undefined && o.buffered && known.length) this._deliver([navigation()]);
  }
  _deliver(entries) {
    var self = this;
    self._queue = self._queue.concat(entries);
    later(function () {
      if (!self._on || !self._queue.length) return;
      var list = entryList(self._queue);
      self._queue = [];
      self._callback.call(self, list, self, { droppedEntriesCount: 0 });
    }, 0);
  }
  disconnect() { this._on = false; this._queue = []; }
  takeRecords() { var q = this._queue; this._queue = []; return q; }
}
class ResizeObserver {
  constructor(callback) { checkCallback('ResizeObserver', callback); }
  observe(target) {
    if (!(target instanceof I.Node) || target.nodeType !== 1) throw new TypeError("Failed to execute 'observe' on 'ResizeObserver': parameter 1 is not of type 'Element'.");
  }
  unobserve() {}
  disconnect() {}
}
class ResizeObserverEntry { constructor() { I.illegal(); } }
class IntersectionObserverEntry { constructor() { I.illegal(); } }
class IntersectionObserver {
  constructor(callback, options) {
    checkCallback('IntersectionObserver', callback);
    var o = options || {};
    var t = o.threshold === undefined ? [0] : [].concat(o.threshold).map(Number);
    if (t.some(function (x) { return !(x >= 0 && x <= 1); })) throw new RangeError("Failed to construct 'IntersectionObserver': Threshold values must be numbers between 0 and 1");
    B.defineProperties(this, {
      __proto__: null,
      root: { value: o.root === undefined ? null : o.root, enumerable: true },
      rootMargin: { value: String(o.rootMargin === undefined ? '0px 0px 0px 0px' : o.rootMargin), enumerable: true },
      thresholds: { value: B.freeze(t.sort()), enumerable: true }
    });
    this._callback = callback; this._targets = []; this._queue = [];
  }
  observe(target) {
    if (!(target instanceof I.Node) || target.nodeType !== 1) throw new TypeError("Failed to execute 'observe' on 'IntersectionObserver': parameter 1 is not of type 'Element'.");
    if (this._targets.indexOf(target) >= 0) return;
    this._targets.push(target);
    var self = this;
    self._queue.push(entry(IntersectionObserverEntry.prototype, {
      time: performance.now(), rootBounds: self.root === null ? rect(0, 0, H.innerWidth, H.innerHeight) : null,
      boundingClientRect: rect(0, 0, 0, 0), intersectionRect: rect(0, 0, 0, 0), isIntersecting: false,
      isVisible: false, intersectionRatio: 0, target: target
    }));
    later(function () {
      if (!self._queue.length) return;
      var q = self._queue; self._queue = [];
      self._callback.call(self, q, self);
    }, 0);
  }
  unobserve(target) {
    this._targets = this._targets.filter(function (t) { return t !== target; });
    this._queue = this._queue.filter(function (e) { return e.target !== target; });
  }
  disconnect() { this._targets = []; this._queue = []; }
  takeRecords() { var q = this._queue; this._queue = []; return q; }
}
[PerformanceEntry, PerformanceResourceTiming, PerformanceNavigationTiming, PerformanceObserverEntryList,
  PerformanceObserver, ResizeObserver, ResizeObserverEntry, IntersectionObserver, IntersectionObserverEntry]
  .forEach(function (C) { I.expose(C); });
