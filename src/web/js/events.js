// Events (MDN: /en-US/docs/Web/API/EventTarget, /Event, /CustomEvent), a lazy module: constructible EventTarget,
// Event and the event classes the page lifecycle fires, listener options capture/once/passive/signal, dispatch through
// the capture, target and bubble phases (parentNode chain, then document, then window), and on* handler properties
// that keep their place among the listeners, as in browsers. The target phase runs capturing listeners first (Chrome
// 89+). UI event classes (MouseEvent, KeyboardEvent, ...) are the `uievents` module.
// Deviations: an exception in a listener is recorded in the transcript, but no `error` event reaches window; the
// `window.onerror` handler gets the event, not (message, source, line, column, error); passive listeners are never
// the default (Chrome makes window/document/body touch and wheel listeners passive). An own data property
// `on<type>` holding a function on an object that has no handler accessors (plain EventTarget subclasses written
// without defineHandlers) runs after the listeners.
var EventTarget = I.EventTarget, domError = I.domError, expose = I.expose, define = I.define;
var ES = Symbol('event');
var trustedNext = false;
function evState(e) {
  var s = e && e[ES];
  if (!s) throw new TypeError('Illegal invocation');
  return s;
}
class Event {
  constructor(type, init) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
    init = init == null ? { __proto__: null } : init;
    this[ES] = { __proto__: null, type: String(type), bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed,
      target: null, current: null, phase: 0, stop: false, stopNow: false, canceled: false, passive: false,
      dispatching: false, path: [], init: true, timeStamp: performance.now() };
    B.defineProperty(this, 'isTrusted', { __proto__: null, value: trustedNext, enumerable: true });
    trustedNext = false;
  }
  get type() { return evState(this).type; }
  get bubbles() { return evState(this).bubbles; }
  get cancelable() { return evState(this).cancelable; }
  get composed() { return evState(this).composed; }
  get target() { return evState(this).target; }
  get srcElement() { return evState(this).target; }
  get currentTarget() { return evState(this).current; }
  get eventPhase() { return evState(this).phase; }
  get defaultPrevented() { return evState(this).canceled; }
  get timeStamp() { return evState(this).timeStamp; }
  get returnValue() { return !evState(this).canceled; }
  set returnValue(v) { if (!v) this.preventDefault(); }
  get cancelBubble() { return evState(this).stop; }
  set cancelBubble(v) { if (v) evState(this).stop = true; }
  composedPath() { var s = evState(this), out = []; for (var i = 0; s.dispatching && i < s.path.length; i++) B.push(out, s.path[i]); return out; }
  preventDefault() { var s = evState(this); if (s.cancelable && !s.passive) s.canceled = true; }
  stopPropagation() { evState(this).stop = true; }
  stopImmediatePropagation() { var s = evState(this); s.stop = s.stopNow = true; }
  initEvent(type, bubbles, cancelable) {
    var s = evState(this);
    if (s.dispatching) return;
    s.type = String(type); s.bubbles = !!bubbles; s.cancelable = !!cancelable;
    s.init = true; s.stop = s.stopNow = s.canceled = false; s.target = null;
  }
}
// The phase constants: enumerable, read-only, not configurable (a frozen literal's attributes).
var phases = B.freeze({ NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });
H.mixin(Event, phases);
H.mixin(Event.prototype, phases);
// Event subclasses whose extra fields come from the init dictionary: [name, parent, {field: default}].
function eventClass(name, Parent, fields) {
  var C = class extends Parent {
    constructor(type, init) {
      super(type, init);
      var s = this[ES];
      var keys = B.keys(fields);
      for (var i = 0; i < keys.length; i++) { var k = keys[i]; s[k] = init != null && init[k] !== undefined ? init[k] : fields[k]; }
    }
  };
  B.defineProperty(C, 'name', { __proto__: null, value: name });
  B.forEach(B.keys(fields), function (k) {
    B.defineProperty(C.prototype, k, { __proto__: null, get: function () { return evState(this)[k]; }, configurable: true, enumerable: true });
  });
  expose(C);
  return C;
}
var CustomEvent = eventClass('CustomEvent', Event, { detail: null });
CustomEvent.prototype.initCustomEvent = function (type, bubbles, cancelable, detail) {
  this.initEvent(type, bubbles, cancelable);
  evState(this).detail = detail === undefined ? null : detail;
};
var PageTransitionEvent = eventClass('PageTransitionEvent', Event, { persisted: false });
var PopStateEvent = eventClass('PopStateEvent', Event, { state: null });
var HashChangeEvent = eventClass('HashChangeEvent', Event, { oldURL: '', newURL: '' });
var BeforeUnloadEvent = eventClass('BeforeUnloadEvent', Event, {});

// Listeners: target -> { type: [entry] }; an entry is { fn, capture, once, passive, removed, handler }.
var listenerStore = new B.WeakMap();
function listenersOf(target, type, create) {
  var byType = B.weakGet(listenerStore, target);
  if (!byType) { if (!create) return null; byType = B.create(null); B.weakSet(listenerStore, target, byType); }
  if (!byType[type]) { if (!create) return null; byType[type] = []; }
  return byType[type];
}
function flags(options) {
  if (options === null || typeof options !== 'object') return { capture: !!options, once: false, passive: false, signal: null };
  return { capture: !!options.capture, once: !!options.once, passive: !!options.passive, signal: options.signal || null };
}
function addListener(type, fn, options) {
  var target = this == null ? window : this, o = flags(options);
  if (fn == null || (o.signal && o.signal.aborted)) return;
  type = String(type);
  var list = listenersOf(target, type, true);
  for (var i = 0; i < list.length; i++) if (!list[i].handler && list[i].fn === fn && list[i].capture === o.capture) return;
  B.push(list, { __proto__: null, fn: fn, capture: o.capture, once: o.once, passive: o.passive, removed: false, handler: false });
  if (o.signal) o.signal.addEventListener('abort', function () { B.apply(removeListener, target, [type, fn, o.capture]); });
}
function removeListener(type, fn, options) {
  var o = flags(options), list = listenersOf(this == null ? window : this, String(type), false);
  if (!list) return;
  for (var i = 0; i < list.length; i++) {
    if (!list[i].handler && list[i].fn === fn && list[i].capture === o.capture) { list[i].removed = true; B.splice(list, i, 1); return; }
  }
}
// on<type> properties: setting a function puts one handler entry in the listener list (or replaces its function in
// place); setting anything else removes it. A handler returning false cancels the event. Each accessor pair is
// defined the first time its name is read or written (I.lazy): a page touches a few of the ~100 names, and defining
// them all cost every page with events ~1 M instructions and ~100 function pairs.
function defineHandlers(obj, onNames) { I.lazy(obj, onNames, defineHandler); }
function defineHandler(obj, name) {
  var type = B.slice(name, 2);
  B.defineProperty(obj, name, {
    __proto__: null,
    get: function () {
      var list = listenersOf(this == null ? window : this, type, false) || [];
      for (var i = 0; i < list.length; i++) if (list[i].handler) return list[i].fn;
      return null;
    },
    set: function (fn) {
      var list = listenersOf(this == null ? window : this, type, true);
      for (var i = 0; i < list.length; i++) {
        if (!list[i].handler) continue;
        if (typeof fn === 'function') list[i].fn = fn; else { list[i].removed = true; B.splice(list, i, 1); }
        return;
      }
      if (typeof fn === 'function') B.push(list, { __proto__: null, fn: fn, capture: false, once: false, passive: false, removed: false, handler: true });
    },
    enumerable: true, configurable: true
  });
}
// Runs the listeners of one target for one phase; an exception in one is reported and the others still run.
function invoke(target, event, s, capturing) {
  var list = listenersOf(target, s.type, false) || [];
  s.current = target;
  var all = list;
  list = [];
  for (var j = 0; j < all.length; j++) B.push(list, all[j]);
  for (var i = 0; i < list.length && !s.stopNow; i++) {
    var l = list[i];
    if (l.removed || l.capture !== capturing) continue;
    if (l.once) B.apply(removeListener, target, [s.type, l.fn, l.capture]);
    s.passive = l.passive;
    try {
      if (l.handler) {
        var r = B.apply(l.fn, target, [event]);
        if (r === false || (s.type === 'beforeunload' && typeof r === 'string')) event.preventDefault();
      } else if (typeof l.fn === 'function') B.apply(l.fn, target, [event]);
      else if (l.fn && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(event);
    } catch (e) { H.reportError(e); }
    s.passive = false;
  }
  // An own data property on<type> holding a function (objects that do not use defineHandlers) runs last.
  var legacy = !capturing && B.getOwnPropertyDescriptor(target, 'on' + s.type);
  if (legacy && B.hasOwn(legacy, 'value') && typeof legacy.value === 'function' && !s.stopNow) {
    try { if (B.apply(legacy.value, target, [event]) === false) event.preventDefault(); } catch (e) { H.reportError(e); }
  }
}
// The event path of a target: itself, its ancestors, then window when the tree is the document.
// (Reading `document.parentNode` would load the dom module: the document has no parent anyway.)
function eventPath(target) {
  var path = [target], n = target === window || target === document ? null : parentOf(target);
  while (n) { B.push(path, n); n = parentOf(n); }
  if (target !== window && path[path.length - 1] === document) B.push(path, window);
  return path;
}
// A node's parent from its state (the page may have replaced the parentNode getter); other targets have none.
// (An own property: looking it up on other targets would walk their prototype chains.)
function parentOf(t) { var st = I.NS && B.hasOwn(t, I.NS) && t[I.NS]; return st ? st.p : null; }
function dispatchAt(target, event, targetOverride) {
  var s = event && event[ES];
  if (!s) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
  if (s.dispatching || !s.init) throw domError('InvalidStateError', "Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.");
  var path = eventPath(target), i;
  s.dispatching = true; s.target = targetOverride || target; s.path = path;
  for (i = path.length - 1; i > 0 && !s.stop; i--) { s.phase = 1; invoke(path[i], event, s, true); }
  if (!s.stop) { s.phase = 2; invoke(target, event, s, true); }
  if (!s.stop) invoke(target, event, s, false);
  if (s.bubbles) for (i = 1; i < path.length && !s.stop; i++) { s.phase = 3; invoke(path[i], event, s, false); }
  s.phase = 0; s.current = null; s.dispatching = false; s.path = []; s.stop = s.stopNow = false;
  if (s.type === 'click' && !s.canceled && I.MouseEvent && event instanceof I.MouseEvent) activate(path, s.bubbles);
  return !s.canceled;
}
// Activation behaviour (DOM "dispatch", HTML): after a MouseEvent `click` nobody canceled, the first element on the
// path that has one (a link, a submit button; an ancestor only when the event bubbles) does its work: the `loads`
// module follows the link or submits the form.
var activatable = { a: 1, area: 1, button: 1, input: 1 };
function activate(path, bubbles) {
  for (var i = 0; i < (bubbles ? path.length : 1); i++) {
    var st = I.NS && path[i] != null && B.hasOwn(path[i], I.NS) && path[i][I.NS];
    if (st && st.k === 1 && activatable[st.l] === 1) { I.load('loads').activate(path[i]); return; }
  }
}
function dispatch(event) { return dispatchAt(this == null ? window : this, event); }
define(EventTarget.prototype, { addEventListener: addListener, removeEventListener: removeListener, dispatchEvent: dispatch });
define(window, { addEventListener: addListener, removeEventListener: removeListener, dispatchEvent: dispatch });
expose(Event);
defineHandlers(window, I.windowOnNames);
defineHandlers(I.Document.prototype, I.documentOnNames);

// Fires a trusted event made by `make` (default: a plain Event) at `target`.
function fireTrusted(target, type, init, C, targetOverride) {
  trustedNext = true;
  var ev = new (C || Event)(type, init || { __proto__: null });
  return dispatchAt(target, ev, targetOverride);
}
var eventTypes = { pageshow: PageTransitionEvent, pagehide: PageTransitionEvent, popstate: PopStateEvent,
  hashchange: HashChangeEvent, beforeunload: BeforeUnloadEvent };
// Fires a trusted event of `type` at window or document (`target` = 'window' | 'document'), for the host's `fire`
// hook. The window `load` event has the document as its target, as in browsers.
I.fire = function (target, type, bubbles, cancelable) {
  var at = target === 'document' ? document : window;
  var C = eventTypes[type] || (type === 'focus' || type === 'blur' ? window.FocusEvent : Event);
  return fireTrusted(at, type, { bubbles: !!bubbles, cancelable: !!cancelable }, C,
    at === window && type === 'load' ? document : undefined);
};
B.assign(I, { ES: ES, Event: Event, evState: evState, eventClass: eventClass, fireTrusted: fireTrusted,
  dispatchAt: dispatchAt, defineHandlers: defineHandlers, CustomEvent: CustomEvent, PopStateEvent: PopStateEvent,
  HashChangeEvent: HashChangeEvent });
