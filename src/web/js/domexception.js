// DOMException (MDN: /en-US/docs/Web/API/DOMException), a lazy module: `name`, `message` and the legacy `code` of the known names;
// instances are Error objects (engine error data, stack) whose prototype chain is DOMException.prototype ->
// Error.prototype, as in browsers. Deviation: no legacy `*_ERR` constants.
var domExceptionCodes = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18,
  NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
  InvalidNodeTypeError: 24, DataCloneError: 25 };
function DOMException(message, name) {
  if (!new.target) throw new TypeError("Failed to construct 'DOMException': Please use the 'new' operator");
  // An Error object (with the engine's error data: stack, location) whose prototype is DOMException.prototype.
  var e = Reflect.construct(Error, [message === undefined ? '' : String(message)], new.target);
  name = name === undefined ? 'Error' : String(name);
  B.defineProperties(e, {
    __proto__: null,
    name: { value: name, configurable: true, writable: true },
    code: { value: domExceptionCodes[name] || 0, configurable: true, writable: true }
  });
  return e;
}
DOMException.prototype = B.create(Error.prototype, {
  constructor: { value: DOMException, configurable: true, writable: true },
  [Symbol.toStringTag]: { value: 'DOMException', configurable: true }
});
I.expose(DOMException);
