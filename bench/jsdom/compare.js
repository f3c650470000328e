// Side by side: the same CrossEngage session (bench/jsdom/session.json: snippet + sdk-js/ce.js, opt-in, ten commands,
// one navigation) in jsdom and in sdkhost, alternating batches, printing both medians and the ratio.
//
//   cargo build --release && cd bench/jsdom && npm ci && node compare.js [rounds] [sessions-per-batch]
//
// jsdom runs in this process (its time per session excludes Node's start); sdkhost runs as the release binary on a
// batch of identical sessions (`sdkhost replay` with the file repeated), so its process start is amortised over the
// batch. jsdom has no virtual clock: the fake XMLHttpRequest below answers at once, so neither side waits in real
// time. Both sides send the same ten requests.
'use strict';
const { JSDOM, CookieJar } = require('jsdom');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const sdk = fs.readFileSync(path.join(root, 'sdk-js', 'ce.js'), 'utf8');
const snippet = fs.readFileSync(path.join(root, 'sdk-js', 'snippet.js'), 'utf8').replace("'YOUR_API_KEY'", "'bench-key'");
const binary = path.join(root, 'target', 'release', 'sdkhost');
const sessionFile = path.join(__dirname, 'session.json');
const rounds = Number(process.argv[2] || 5);
const batch = Number(process.argv[3] || 20);

const installFakeXhr = require('./fake_xhr.js');

// One page: a fresh document with the snippet and ce.js (evaluated directly: jsdom does not load the async script).
function page(url, title, referrer, jar, sent) {
  const dom = new JSDOM(`<!doctype html><html><head><title>${title}</title><script></script></head><body></body></html>`,
    { url, referrer, cookieJar: jar, runScripts: 'outside-only', pretendToBeVisual: true });
  installFakeXhr(dom.window, sent);
  dom.window.eval(snippet);
  dom.window.eval(sdk);
  return dom;
}

async function jsdomSession() {
  const jar = new CookieJar();
  const sent = [];
  let dom = page('https://shop.example/', 'Shop', undefined, jar, sent);
  dom.window.eval("ce({trackingOptIn: true}); for (var i = 0; i < 5; i++) ce('track', 'Event ' + i, {i: i});");
  await new Promise((r) => setImmediate(r));
  dom.window.dispatchEvent(new dom.window.Event('pagehide'));
  dom.window.close();
  dom = page('https://shop.example/cart', 'Cart', 'https://shop.example/', jar, sent);
  dom.window.eval("for (var i = 0; i < 4; i++) ce('track', 'Cart ' + i, {i: i}); ce('identify', 'customer-42');");
  await new Promise((r) => setImmediate(r));
  dom.window.close();
  if (sent.length !== 10) throw new Error(`jsdom session sent ${sent.length} requests, expected 10`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  if (!fs.existsSync(binary)) throw new Error(`${binary} is missing: run cargo build --release first`);
  const args = ['replay', '--jobs', '1', ...Array(batch).fill(sessionFile)];
  const perSession = { sdkhost: [], jsdom: [] };
  await jsdomSession(); // warm up both
  execFileSync(binary, args.slice(0, 4));
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint();
    const out = execFileSync(binary, args, { encoding: 'utf8' });
    perSession.sdkhost.push(Number(process.hrtime.bigint() - t) / 1e6 / batch);
    if (!out.includes(`${batch} passed, 0 failed`)) throw new Error(`sdkhost session failed:\n${out}`);
    t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await jsdomSession();
    perSession.jsdom.push(Number(process.hrtime.bigint() - t) / 1e6 / batch);
  }
  const s = median(perSession.sdkhost), j = median(perSession.jsdom);
  const fmt = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
  console.log(`session: ${path.relative(root, sessionFile)}; ${rounds} rounds of ${batch} sessions, alternating`);
  console.log(`sdkhost: median ${s.toFixed(1)} ms per session (rounds: ${fmt(perSession.sdkhost)})`);
  console.log(`jsdom:   median ${j.toFixed(1)} ms per session (rounds: ${fmt(perSession.jsdom)})`);
  console.log(`ratio jsdom / sdkhost: ${(j / s).toFixed(2)}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
