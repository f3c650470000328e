// Events (MDN: /en-US/docs/Web/API/EventTarget): Event, CustomEvent, EventTarget with capture/once/passive options,
// and window itself as an event target with on* handler properties.
function Event(type, init) {
  if (!(this instanceof Event)) throw new TypeError("Failed to construct 'Event': Please use the 'new' operator");
  if (arguments.length < 1) throw new TypeError("Failed to construct 'Event': 1 argument required");
  init = init || {};
  this.type = String(type);
  this.bubbles = !!init.bubbles;
  this.cancelable = !!init.cancelable;
  this.composed = !!init.composed;
  this.defaultPrevented = false;
  this.target = null;
  this.currentTarget = null;
  this.eventPhase = 0;
  this.isTrusted = false;
  this.timeStamp = performance.now();
  this._stop = false;
  this._stopNow = false;
}
Event.NONE = 0; Event.CAPTURING_PHASE = 1; Event.AT_TARGET = 2; Event.BUBBLING_PHASE = 3;
Event.prototype.preventDefault = function () { if (this.cancelable && !this._passive) this.defaultPrevented = true; };
Event.prototype.stopPropagation = function () { this._stop = true; };
Event.prototype.stopImmediatePropagation = function () { this._stop = true; this._stopNow = true; };
Event.prototype.composedPath = function () { return this.target ? [this.target] : []; };

function CustomEvent(type, init) {
  Event.call(this, type, init);
  this.detail = init && init.detail !== undefined ? init.detail : null;
}
CustomEvent.prototype = Object.create(Event.prototype);
CustomEvent.prototype.constructor = CustomEvent;

var listenerStore = new WeakMap();
function listenersOf(target, type, create) {
  var byType = listenerStore.get(target);
  if (!byType) { if (!create) return null; byType = {}; listenerStore.set(target, byType); }
  if (!byType[type]) { if (!create) return null; byType[type] = []; }
  return byType[type];
}
function flags(options) {
  if (typeof options === 'boolean') return { capture: options, once: false, passive: false };
  options = options || {};
  return { capture: !!options.capture, once: !!options.once, passive: !!options.passive };
}
function addListener(type, fn, options) {
  if (fn == null) return;
  var o = flags(options), list = listenersOf(this === undefined ? window : this, String(type), true);
  for (var i = 0; i < list.length; i++) if (list[i].fn === fn && list[i].capture === o.capture) return;
  list.push({ fn: fn, capture: o.capture, once: o.once, passive: o.passive, removed: false });
}
function removeListener(type, fn, options) {
  var o = flags(options), list = listenersOf(this === undefined ? window : this, String(type), false);
  if (!list) return;
  for (var i = 0; i < list.length; i++) {
    if (list[i].fn === fn && list[i].capture === o.capture) { list[i].removed = true; list.splice(i, 1); return; }
  }
}
// Runs the listeners of one target; an exception in one is reported and the others still run, as in browsers.
function invoke(target, event, phase) {
  var list = listenersOf(target, event.type, false);
  event.currentTarget = target;
  if (list) {
    list = list.slice();
    for (var i = 0; i < list.length && !event._stopNow; i++) {
      var l = list[i];
      if (l.removed) continue;
      if (phase === 1 && !l.capture) continue;
      if (phase === 3 && l.capture) continue;
      if (l.once) removeListener.call(target, event.type, l.fn, { capture: l.capture });
      event._passive = l.passive;
      try {
        if (typeof l.fn === 'function') l.fn.call(target, event); else if (l.fn && typeof l.fn.handleEvent === 'function') l.fn.handleEvent(event);
      } catch (e) { H.reportError(e); }
      event._passive = false;
    }
  }
  var handler = phase !== 1 && target['on' + event.type];
  if (typeof handler === 'function' && !event._stopNow) {
    try { var r = handler.call(target, event); if (r === false) event.preventDefault(); } catch (e) { H.reportError(e); }
  }
}
// Capture from the outermost ancestor down, the target, then bubble back up (parentNode chain, then window).
function dispatch(event) {
  if (!(event instanceof Event)) throw new TypeError("Failed to execute 'dispatchEvent': parameter 1 is not of type 'Event'.");
  var target = this === undefined ? window : this, path = [], n = target.parentNode;
  while (n) { path.push(n); n = n.parentNode; }
  if (target !== window && path.length && path[path.length - 1] === document) path.push(window);
  event.target = target;
  for (var i = path.length - 1; i >= 0 && !event._stop; i--) { event.eventPhase = 1; invoke(path[i], event, 1); }
  if (!event._stop) { event.eventPhase = 2; invoke(target, event, 2); }
  if (event.bubbles) for (var j = 0; j < path.length && !event._stop; j++) { event.eventPhase = 3; invoke(path[j], event, 3); }
  event.eventPhase = 0; event.currentTarget = null;
  return !event.defaultPrevented;
}
function EventTarget() {
  if (!(this instanceof EventTarget)) throw new TypeError("Failed to construct 'EventTarget': Please use the 'new' operator");
}
EventTarget.prototype.addEventListener = addListener;
EventTarget.prototype.removeEventListener = removeListener;
EventTarget.prototype.dispatchEvent = dispatch;

window.Event = Event;
window.CustomEvent = CustomEvent;
window.EventTarget = EventTarget;
window.addEventListener = addListener;
window.removeEventListener = removeListener;
window.dispatchEvent = dispatch;
['load', 'pageshow', 'pagehide', 'visibilitychange', 'beforeunload', 'unload', 'popstate', 'hashchange', 'online',
  'offline', 'storage', 'focus', 'blur', 'error', 'message', 'resize', 'scroll'].forEach(function (t) {
  if (!('on' + t in window)) window['on' + t] = null;
});

// Host hook: fire a plain event of `type` at window or document (`target` = 'window' | 'document').
hooks.fire = function (target, type, bubbles, cancelable) {
  var ev = new Event(type, { bubbles: !!bubbles, cancelable: !!cancelable });
  ev.isTrusted = true;
  return dispatch.call(target === 'document' ? document : window, ev);
};
