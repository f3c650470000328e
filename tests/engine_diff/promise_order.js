// async/await and promise job ordering against timers.
var out = [];
var log = x => out.push(x);
setTimeout(() => log('timeout 0'), 0);
Promise.resolve().then(() => log('then 1')).then(() => log('then 2'));
queueMicrotask(() => log('microtask'));
(async () => { log('async start'); await null; log('after await 1'); await new Promise(r => setTimeout(r, 5)); log('after timer await'); })();
async function thenable() { await { then(r) { log('thenable then'); r(1); } }; log('after thenable'); }
thenable();
var p = new Promise((res, rej) => { log('executor'); res('v'); rej('ignored'); });
p.then(v => log('resolved ' + v));
Promise.reject(new Error('x')).catch(e => log('caught ' + e.message)).finally(() => log('finally'));
Promise.all([1, Promise.resolve(2), new Promise(r => setTimeout(() => r(3), 1))]).then(v => log('all ' + v));
Promise.allSettled([Promise.reject(1), 2]).then(v => log('allSettled ' + JSON.stringify(v)));
Promise.race([new Promise(r => setTimeout(() => r('slow'), 20)), new Promise(r => setTimeout(() => r('fast'), 2))]).then(v => log('race ' + v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => log('any ' + e.constructor.name + ' ' + e.errors));
async function returnsPromise() { return Promise.resolve('rp'); }
returnsPromise().then(v => log('async returning promise ' + v));
Promise.resolve().then(() => log('tick a1')).then(() => log('tick a2')).then(() => log('tick a3'));
log('sync end');
setTimeout(() => { out.forEach((x, i) => print(i, x)); }, 50);
async function* agen() { yield 1; await null; yield 2; }
(async () => { var got = []; for await (var v of agen()) got.push(v); setTimeout(() => print('for await', got.join(',')), 60); })();
