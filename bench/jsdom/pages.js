// The jsdom side of `cargo bench --features bench-internals --bench perf -- jsdom`: the bench starts `node pages.js` and drives it over
// stdin/stdout, one line per batch, so both sides run interleaved in one command.
//
//   request:  "<kind> <count>"    kind: empty | ce | mixpanel | amplitude | session
//   answer:   "<ms> <ms> ..."     wall time of each page (each session), in this process
//   request:  "memory <kind> <n>" keeps n pages of <kind> open (after a warm-up) and answers the resident memory
//                                 per page in MB: (RSS with n+10 pages − RSS with 10 pages) / n, after full GCs
//
// A "cold" page is the first page of kind <kind> in a fresh `node pages.js` process (the bench starts one per
// sample). jsdom has no virtual clock: the fake XMLHttpRequest answers at once, so neither side waits in real time.
'use strict';
const { JSDOM, CookieJar } = require('jsdom');
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const root = path.resolve(__dirname, '..', '..');
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');
const sdk = read('sdk-js/ce.js');
const snippet = read('sdk-js/snippet.js').replace("'YOUR_API_KEY'", "'bench-key'");
const optional = (rel) => { try { return read(rel); } catch (e) { return null; } };
const npm = 'tests/fixtures/npm/node_modules/';
const mixpanel = optional(npm + 'mixpanel-browser/dist/mixpanel.min.js');
const amplitude = optional(npm + '@amplitude/analytics-browser/lib/scripts/amplitude-min.js');
const MIXPANEL_STUB = 'window.mixpanel = []; mixpanel._i = []; mixpanel.__SV = 1.2;';

const installFakeXhr = require('./fake_xhr.js');

function dom(url, title, referrer, jar, sent) {
  const d = new JSDOM(`<!doctype html><html><head><title>${title}</title><script></script></head><body></body></html>`,
    { url, referrer, cookieJar: jar || new CookieJar(), runScripts: 'outside-only', pretendToBeVisual: true });
  installFakeXhr(d.window, sent || []);
  return d;
}

// One page of each kind, the same work as the sdkhost side (benches/perf.rs, `PageKind`).
const pages = {
  empty: () => dom('https://shop.example/', 'Shop'),
  ce: () => {
    const sent = [];
    const d = dom('https://shop.example/', 'Shop', undefined, undefined, sent);
    d.window.eval(snippet);
    d.window.eval(sdk); // jsdom does not load the snippet's async script: evaluated directly
    d.window.eval("ce({trackingOptIn: true}); ce('track', 'Viewed Page');");
    return d;
  },
  mixpanel: () => {
    const d = dom('https://shop.example/', 'Shop');
    d.window.eval(MIXPANEL_STUB);
    d.window.eval(mixpanel);
    return d;
  },
  amplitude: () => {
    const d = dom('https://shop.example/', 'Shop');
    d.window.eval(amplitude);
    return d;
  },
};

async function page(kind) {
  const d = pages[kind]();
  await new Promise((r) => setImmediate(r)); // the microtasks and the fake XHR answers
  return d;
}

// bench/jsdom/session.json: snippet + ce.js, opt-in, ten commands, one navigation (as compare.js).
async function session() {
  const jar = new CookieJar();
  const sent = [];
  const open = (url, title, referrer) => {
    const d = dom(url, title, referrer, jar, sent);
    d.window.eval(snippet);
    d.window.eval(sdk);
    return d;
  };
  let d = open('https://shop.example/', 'Shop');
  d.window.eval("ce({trackingOptIn: true}); for (var i = 0; i < 5; i++) ce('track', 'Event ' + i, {i: i});");
  await new Promise((r) => setImmediate(r));
  d.window.dispatchEvent(new d.window.Event('pagehide'));
  d.window.close();
  d = open('https://shop.example/cart', 'Cart', 'https://shop.example/');
  d.window.eval("for (var i = 0; i < 4; i++) ce('track', 'Cart ' + i, {i: i}); ce('identify', 'customer-42');");
  await new Promise((r) => setImmediate(r));
  d.window.close();
  if (sent.length !== 10) throw new Error(`jsdom session sent ${sent.length} requests, expected 10`);
}

async function timeOne(kind) {
  const t = process.hrtime.bigint();
  if (kind === 'session') await session();
  else (await page(kind)).window.close();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const rssMb = () => process.memoryUsage().rss / 1048576;
function collect() { for (let i = 0; i < 4; i++) global.gc(); }

async function memory(kind, n) {
  for (let i = 0; i < 3; i++) (await page(kind)).window.close();
  const open = [];
  for (let i = 0; i < 10; i++) open.push(await page(kind));
  collect();
  const base = rssMb();
  for (let i = 0; i < n; i++) open.push(await page(kind));
  collect();
  const per = (rssMb() - base) / n;
  open.forEach((d) => d.window.close());
  return per;
}

async function main() {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [a, b, c] = line.trim().split(/\s+/);
    if (!a) continue;
    if (a === 'memory') {
      process.stdout.write(`${(await memory(b, Number(c))).toFixed(3)}\n`);
      continue;
    }
    if (a !== 'session' && (!pages[a] || (a === 'mixpanel' && !mixpanel) || (a === 'amplitude' && !amplitude))) {
      process.stdout.write('unavailable\n');
      continue;
    }
    const times = [];
    for (let i = 0; i < Number(b || 1); i++) times.push(await timeOne(a));
    process.stdout.write(times.map((t) => t.toFixed(3)).join(' ') + '\n');
  }
}

main().catch((e) => { console.error(e.stack || e.message); process.exit(1); });
