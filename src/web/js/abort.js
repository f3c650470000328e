// AbortController and AbortSignal (MDN: /en-US/docs/Web/API/AbortSignal) come from boa_runtime; this adds
// `AbortSignal.abort(reason)` and `AbortSignal.timeout(ms)` (on the page's event loop), and makes the default reason
// an AbortError DOMException. Deviations (boa_runtime): abort listeners run as a microtask with no event argument;
// AbortSignal is not an EventTarget (no `onabort`, no `dispatchEvent`); `AbortSignal.any` is absent.
if (typeof AbortController === 'function') {
  var abortNative = AbortController.prototype.abort;
  AbortController.prototype.abort = function abort(reason) {
    return B.apply(abortNative, this, [reason === undefined ? domError('AbortError', 'signal is aborted without reason') : reason]);
  };
  AbortSignal.abort = function abort(reason) { var c = new AbortController(); c.abort(reason); return c.signal; };
  AbortSignal.timeout = function timeout(ms) {
    var c = new AbortController();
    H.queueTask(function () { c.abort(domError('TimeoutError', 'signal timed out')); }, Number(ms));
    return c.signal;
  };
}
