// Error objects: properties, names, causes, stacks (shape only) and toString.
var e = new Error('msg', { cause: 'why' });
print('basic', e.name, e.message, e.cause, String(e), e instanceof Error, Object.keys(e).join('|'), Object.prototype.hasOwnProperty.call(e, 'message'));
print('stack shape', typeof e.stack, Object.prototype.hasOwnProperty.call(e, 'stack') || 'stack' in e);
print('own property names', Object.getOwnPropertyNames(new Error('x')).filter(n => n !== 'stack' && n !== 'line' && n !== 'column').sort().join(','));
print('no message', String(new Error()), new Error().message === '', Object.prototype.hasOwnProperty.call(new Error(), 'message'), String(new Error(undefined)));
[TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError].forEach(C => { var x = new C('m'); print(C.name, x.name, x instanceof Error, Object.getPrototypeOf(C) === Error, String(x)); });
var agg = new AggregateError([new Error('a'), 'b'], 'many'); print('AggregateError', agg.name, agg.message, agg.errors.length, String(agg.errors[1]));
try { null.x; } catch (err) { print('null property', err.name, err instanceof TypeError); }
try { undefinedVariable; } catch (err) { print('reference', err.name); }
try { (1).toFixed(200); } catch (err) { print('range', err.name); }
try { new Array(-1); } catch (err) { print('array length', err.name); }
try { decodeURIComponent('%'); } catch (err) { print('uri', err.name); }
try { eval('{'); } catch (err) { print('syntax', err.name); }
try { throw 'str'; } catch (err) { print('thrown string', typeof err, err); }
try { throw { code: 1 }; } catch (err) { print('thrown object', err.code); }
class AppError extends Error { constructor(m) { super(m); this.name = 'AppError'; this.extra = 1; } }
var ae = new AppError('boom'); print('subclass', ae.name, String(ae), ae instanceof AppError, ae instanceof Error, ae.constructor.name, Object.keys(ae).join());
function Legacy(m) { this.message = m; } Legacy.prototype = Object.create(Error.prototype); Legacy.prototype.name = 'Legacy';
print('legacy subclass', String(new Legacy('old')), new Legacy('x') instanceof Error);
print('toString generic', Error.prototype.toString.call({ name: 'N', message: 'M' }), Error.prototype.toString.call({}), Error.prototype.toString.call({ name: '', message: 'only' }));
var writable = new Error('w'); writable.message = 'changed'; print('message writable', String(writable), Object.getOwnPropertyDescriptor(Error.prototype, 'name').enumerable);
print('Error called as function', Error('f') instanceof Error, TypeError('t').name);
print('captureStackTrace', typeof Error.captureStackTrace, typeof Error.stackTraceLimit);
print('error in promise', typeof Promise.reject(new Error('r')).catch(x => x));
print('cause absent', 'cause' in new Error('x'), 'cause' in new Error('x', {}), new Error('x', { cause: undefined }).hasOwnProperty('cause'));
print('JSON of error', JSON.stringify(new Error('j')), JSON.stringify({ e: new TypeError('t') }));
// Last: sdkhost's recursion limit (1,000 frames) ends the script with an uncatchable error, where V8 throws RangeError.
try { (function f() { f(); })(); } catch (err) { print('recursion', err.name); }
