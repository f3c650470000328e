// Red-team exercise (tests/redteam_internals.rs): touch every lazy module and the paths where the prelude works with
// its private objects, as an SDK would. Runs with the traps of traps.js installed before or after the modules load.
(function () {
  var log = function () {};
  history.length; history.state; history.scrollRestoration = 'manual';
  history.pushState({ a: 1 }, '', '/pushed?x=1');
  history.replaceState({ b: 2 }, '', '/replaced#h');
  location.hash = '#frag';
  history.back(); history.go(1);
  String(location); location.pathname; document.URL; document.referrer; document.title;
  document.cookie = 'exercise=1; Path=/';
  log(document.cookie);
  var u = new URL('https://shop.example/a?b=c'); u.searchParams.append('d', 'e'); u.hash = 'x'; log(u.href);
  log(new URLSearchParams({ q: 1 }).toString());
  localStorage.setItem('k', 'v'); localStorage.k; Object.keys(localStorage); sessionStorage.setItem('s', '1');
  var el = document.createElement('div');
  el.id = 'x'; el.className = 'a b'; el.classList.add('c'); el.dataset.fooBar = '1'; el.style.color = 'red';
  el.setAttribute('title', 't'); el.innerHTML = '<b>hi</b>'; log(el.outerHTML);
  document.body.appendChild(el);
  el.addEventListener('click', { handleEvent: function (e) { log(e.type); } }, { once: true, capture: false });
  el.addEventListener('click', function (e) { e.preventDefault(); });
  el.onclick = function () { return false; };
  el.click();
  el.dispatchEvent(new CustomEvent('x', { detail: { y: 1 }, bubbles: true }));
  document.querySelector('#x'); document.querySelectorAll('div.a'); el.matches('div'); el.closest('body');
  var w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, { acceptNode: function () { return 1; } });
  w.nextNode();
  var a = document.createElement('a'); a.href = '/link?x=1'; a.pathname; a.search = '?y=2';
  var img = new Image(); img.src = 'https://t.example/pixel.gif';
  var s = document.createElement('script'); s.src = 'https://t.example/s.js'; document.head.appendChild(s);
  new Blob(['a', new Uint8Array([1])], { type: 'text/plain' }).text();
  var f = new FormData(); f.append('a', 'b');
  new MutationObserver(function () {}).observe(document.body, { childList: true });
  matchMedia('(min-width: 1px)').matches; screen.width; getComputedStyle(el);
  var x = new XMLHttpRequest(); x.open('POST', 'https://t.example/xhr'); x.setRequestHeader('Content-Type', 'text/plain');
  x.onload = x.onerror = function () { log(x.status); }; x.send(f);
  fetch('https://t.example/fetch', { method: 'POST', body: new URLSearchParams('a=b'), headers: { 'X-A': '1' } })
    .then(function (r) { return r.text(); }, function () {});
  fetch(new Request('https://t.example/req', { method: 'POST', body: new Blob(['z']) })).catch(function () {});
  navigator.sendBeacon('https://t.example/beacon', 'x');
  var ac = new AbortController(); ac.abort(); AbortSignal.timeout(5);
  try { new URL('not a url'); } catch (e) { log(e.stack); }
  try { document.createElement('bad name'); } catch (e) { log(e.stack); }
  try { history.pushState(null, '', 'https://elsewhere.example/'); } catch (e) { log(e.name); }
  try { localStorage.setItem(); } catch (e) { log(e.message); }
  new DOMException('m', 'AbortError');
  new MouseEvent('click', { clientX: 1 }); new KeyboardEvent('keydown', { key: 'a' }); new Event('e');
  window.addEventListener('popstate', function () {}); window.addEventListener('hashchange', function () {});
  document.addEventListener('visibilitychange', function () {});
  Promise.resolve({ then: function (ok) { ok(1); } }).then(function () {});
  console.log('exercised');
})();
