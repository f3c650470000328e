// MutationObserver (MDN: /en-US/docs/Web/API/MutationObserver), a lazy module: accepts observe/disconnect/takeRecords with the
// browser's argument checks, but records nothing: the callback is never called (a documented deviation: the tree
// changes SDKs watch for come from page scripts, which here do not expect to be observed).
class MutationObserver {
  constructor(callback) {
    if (typeof callback !== 'function') throw new TypeError("Failed to construct 'MutationObserver': parameter 1 is not of type 'MutationCallback'.");
  }
  observe(target, options) {
    if (!(target instanceof I.Node)) throw new TypeError("Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.");
    var o = options || {};
    if (!o.childList && !o.attributes && !o.characterData && o.attributeOldValue === undefined && o.attributeFilter === undefined && o.characterDataOldValue === undefined) {
      throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The options object must set at least one of 'attributes', 'characterData', or 'childList' to true.");
    }
  }
  disconnect() {}
  takeRecords() { return []; }
}
I.expose(MutationObserver);
