/*!
 * CrossEngage Web Tracking SDK v2: clean-room reference build for sdkhost.
 * One plain browser script (ES5 plus typed arrays); the contract is spec/ce-sdk-v2.md.
 * The page snippet (snippet.js) queues calls on window[CrossEngageObject].q; this file
 * takes them over, installs the real dispatcher and replays them in order.
 */
(function (w) {
  'use strict';

  var NAME = typeof w.CrossEngageObject === 'string' && w.CrossEngageObject || 'ce';
  var old = w[NAME];
  if (old && old.loaded) return; // ce.js loaded twice: the first dispatcher stays

  var OPT = 'ce.tracking-opt-in';
  var SID = 'ce.sid';
  var GUID = 'ce.guid';
  var PROBE = 'ce.probe';
  var LIFETIME = 39446190; // 15 months (15 x 30.436875 days), in seconds
  var RETRY_DELAYS = [1000, 4000]; // ms before the 1st and the 2nd retry

  var config = {
    apiKey: null,
    apiUrl: 'https://trk-api.crossengage.io/api/v1',
    globalEventProperties: {},
    globalUserId: null,
    trackingOptIn: false,
    silentLogs: false,
    rootDomain: null,
    sessionId: null,
    forceEnablePolling: false
  };

  // Validators of the configuration keys, in the order in which a config call applies them
  // (so that rootDomain and the ids are in place before trackingOptIn writes cookies).
  var CHECKS = {
    silentLogs: isBool,
    apiKey: isId,
    apiUrl: isId,
    rootDomain: function (v) { return v === true || isId(v); },
    globalEventProperties: function (v) { return isObj(v) && canClone(v); },
    globalUserId: function (v) { return v === null || isId(v); },
    sessionId: isId,
    forceEnablePolling: isBool,
    trackingOptIn: isBool
  };

  var TRIGGERS = { identify: identify, update: update, track: track, page: page };

  var saved = {};         // the ids as this page last read or wrote them in ce.sid / ce.guid
  var domain;             // the detected cookie domain (rootDomain: true), once probed
  var pageHidden = false; // set by pagehide: send with sendBeacon from then on
  var pending;            // commands waiting to run, in call order
  var busy = false;

  function isBool(v) { return typeof v === 'boolean'; }
  function isId(v) { return typeof v === 'string' && v !== ''; }
  function isObj(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function canClone(v) { try { clone(v); return true; } catch (e) { return false; } }
  function fail(text) { throw new Error(text); }

  function log(level, text) {
    if (config.silentLogs) return;
    try {
      if (typeof text !== 'string') text = text && text.message || String(text);
      console[level]('[ce] ' + text);
    } catch (e) { /* no console: stay quiet */ }
  }

  // ---- dispatcher -------------------------------------------------------------------------

  function ce() {
    pending.push(arguments);
    drain();
  }

  // Runs every pending command once, in order; a call made from inside a command (e.g. from a
  // callback) is appended and runs after it. Nothing is ever thrown into the page.
  function drain() {
    if (busy) return;
    busy = true;
    for (var i = 0; i < pending.length; i++) {
      try {
        run(pending[i]);
      } catch (e) {
        log('error', e);
      }
    }
    pending = [];
    busy = false;
  }

  function run(args) {
    var cmd = args[0];
    if (typeof cmd === 'function') return callback(cmd);
    if (isObj(cmd)) return configure(cmd);
    if (typeof cmd !== 'string' || !own(TRIGGERS, cmd)) fail('unknown command: ' + String(cmd));
    if (!config.apiKey) fail(cmd + ' dropped: no apiKey configured');
    TRIGGERS[cmd](args[1], args[2]);
  }

  function callback(fn) {
    var copy = deepFreeze(clone(config));
    try {
      fn(copy);
    } catch (e) {
      log('error', 'callback failed: ' + e);
    }
  }

  function deepFreeze(o) {
    for (var k in o) if (o[k] && typeof o[k] === 'object') deepFreeze(o[k]);
    return Object.freeze(o);
  }

  // ---- configuration ----------------------------------------------------------------------

  function configure(o) {
    for (var k in CHECKS) {
      if (!own(o, k)) continue;
      var v = o[k];
      if (!CHECKS[k](v)) {
        log('warn', 'invalid value for ' + k + ' ignored');
        continue;
      }
      if (k === 'globalEventProperties') v = clone(v); // replaced whole, later page edits don't leak in
      if (k === 'apiUrl') v = v.replace(/\/+$/, '');
      if (k === 'rootDomain') domain = undefined;
      config[k] = v;
      if (k === 'trackingOptIn') {
        store(OPT, String(v)); // every explicit choice is stored, opt-out included
        if (v) persist(true);
      }
    }
    for (var key in o) {
      if (own(o, key) && !own(CHECKS, key)) log('warn', 'unknown configuration key ' + key + ' ignored');
    }
    persist(false);
  }

  // Keeps ce.sid and ce.guid in step with the ids, and only ever while opted in.
  // force: rewrite them even if unchanged (an explicit opt-in renews their lifetime).
  function persist(force) {
    var on = config.trackingOptIn;
    var sid = config.sessionId;
    var guid = config.globalUserId;
    if (on && (force || saved.sid !== sid)) {
      store(SID, sid);
      saved.sid = sid;
    }
    if (on && guid !== null && (force || saved.guid !== guid)) {
      store(GUID, guid);
      saved.guid = guid;
    }
    if (on && guid === null && saved.guid) {
      store(GUID, '', 0); // globalUserId: null forgets the stored id
      saved.guid = null;
    }
  }

  // ---- cookies ----------------------------------------------------------------------------

  function readCookies() {
    var jar = {};
    try {
      var parts = String(w.document.cookie || '').split(';');
      for (var i = 0; i < parts.length; i++) {
        var eq = parts[i].indexOf('=');
        if (eq < 0) continue;
        var name = parts[i].slice(0, eq).replace(/^\s+|\s+$/g, '');
        if (!own(jar, name)) jar[name] = decode(parts[i].slice(eq + 1).replace(/^\s+|\s+$/g, ''));
      }
    } catch (e) { /* cookies unavailable (sandboxed frame) */ }
    return jar;
  }

  function decode(v) {
    try { return decodeURIComponent(v); } catch (e) { return v; }
  }

  function setCookie(name, value, maxAge, dom) {
    var c = name + '=' + encodeURIComponent(value) + '; path=/; SameSite=Lax; Max-Age=' + maxAge;
    if (w.location.protocol === 'https:') c += '; Secure';
    if (dom) c += '; domain=' + dom;
    try { w.document.cookie = c; } catch (e) { /* cookies unavailable */ }
  }

  function store(name, value, maxAge) {
    setCookie(name, value, maxAge === undefined ? LIFETIME : maxAge, cookieDomain());
  }

  // rootDomain: a string is used as given; true means "find the registrable domain" (probed
  // lazily, on the first cookie write, so an opted-out page that writes nothing probes nothing).
  function cookieDomain() {
    if (config.rootDomain !== true) return config.rootDomain;
    if (domain === undefined) domain = detectDomain();
    return domain;
  }

  // Writes a probe cookie on ever longer suffixes of the host, from the last two labels on,
  // keeps the first the browser accepts and deletes the probe again.
  function detectDomain() {
    var host = String(w.location.hostname || '');
    if (/^[\d.]+$|:/.test(host)) return null; // IP address: host-only cookies
    var labels = host.split('.');
    for (var i = 2; i <= labels.length; i++) {
      var candidate = labels.slice(-i).join('.');
      setCookie(PROBE, '1', 60, candidate);
      if (readCookies()[PROBE] === '1') {
        setCookie(PROBE, '', 0, candidate);
        return candidate;
      }
    }
    return null;
  }

  // ---- trigger commands -------------------------------------------------------------------

  function identify(id, traits) {
    var head = {};
    if (isId(id)) {
      head.userId = id;
    } else if (isObj(id) && isId(id.email)) {
      var bu = id.businessUnit == null ? '' : id.businessUnit;
      if (typeof bu !== 'string') fail('identify: businessUnit must be a string');
      head.email = id.email;
      head.businessUnit = bu;
    } else {
      fail('identify needs an id string or an {email, businessUnit} object');
    }
    send('identify', head, optional(traits, 'identify traits'));
  }

  function update(traits) {
    if (!isObj(traits)) fail('update needs a traits object');
    send('update', {}, traits);
  }

  function track(event, props) {
    if (!isId(event)) fail('track needs an event name');
    send('track', { event: event }, null, optional(props, 'track properties'));
  }

  function page(props) {
    track('Viewed Page', props);
  }

  function optional(v, what) {
    if (v == null) return {};
    if (!isObj(v)) fail(what + ' must be an object');
    return v;
  }

  // Builds the request body (all of it, consent or not) and hands it to the transport.
  function send(type, head, traits, props) {
    var body = { type: type };
    for (var k in head) body[k] = head[k];
    if (traits) body.traits = traits;
    body.properties = Object.assign({}, config.globalEventProperties, props);
    body.xngGlobalUserId = config.globalUserId;
    body.sessionId = config.sessionId;
    body.context = context();
    body.timestamp = new Date().toISOString();
    body.messageId = uuid();
    attempt({
      type: type,
      url: config.apiUrl + '/web/' + encodeURIComponent(config.apiKey) + '/' + type,
      body: JSON.stringify(body)
    }, 0);
  }

  // The page as it is now (read at send time, never cached).
  function context() {
    var loc = w.location || {};
    var doc = w.document || {};
    var nav = w.navigator || {};
    var scr = w.screen || {};
    return {
      page: {
        url: loc.href || '',
        path: loc.pathname || '',
        search: loc.search || '',
        title: doc.title || '',
        referrer: doc.referrer || ''
      },
      language: nav.language || '',
      userAgent: nav.userAgent || '',
      screen: { width: scr.width || 0, height: scr.height || 0 }
    };
  }

  // Lowercase UUID v4 from crypto.getRandomValues (Math.random only where crypto is missing).
  function uuid() {
    var b = new Uint8Array(16);
    var c = w.crypto;
    var i;
    if (c && c.getRandomValues) c.getRandomValues(b);
    else for (i = 0; i < 16; i++) b[i] = Math.random() * 256;
    b[6] = b[6] & 0x0f | 0x40; // version 4
    b[8] = b[8] & 0x3f | 0x80; // variant 10xx
    var s = '';
    for (i = 0; i < 16; i++) {
      s += (b[i] + 0x100).toString(16).slice(1);
      if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
    }
    return s;
  }

  // ---- transport --------------------------------------------------------------------------

  function hidden() {
    return pageHidden || (w.document && w.document.visibilityState) === 'hidden';
  }

  // One try to deliver a request. n = retries so far.
  function attempt(req, n) {
    try {
      if (!config.trackingOptIn) return; // consent gate: checked at every try, so opt-out stops retries too
      persist(false);
      var nav = w.navigator;
      if (hidden() && nav && nav.sendBeacon) {
        if (!nav.sendBeacon(req.url, req.body)) log('warn', req.type + ' beacon was not queued');
        return;
      }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', req.url, true);
      xhr.withCredentials = false;
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.onload = function () { settle(req, n, xhr.status, xhr); };
      xhr.onerror = function () { settle(req, n, 0, xhr); };
      xhr.send(req.body);
    } catch (e) {
      log('warn', e);
    }
  }

  // 2xx: adopt the id the API assigned. Network error or 5xx: retry after 1 s, then 4 s more.
  // Anything else (4xx) is final at once.
  function settle(req, n, status, xhr) {
    try {
      if (status >= 200 && status < 300) return adopt(xhr.responseText);
      if ((status === 0 || status >= 500) && n < RETRY_DELAYS.length) {
        setTimeout(function () { attempt(req, n + 1); }, RETRY_DELAYS[n]);
        return;
      }
      log('warn', req.type + ' request failed (' + (status || 'network error') + ')');
    } catch (e) {
      log('warn', e);
    }
  }

  function adopt(text) {
    var res;
    try { res = JSON.parse(text); } catch (e) { return; } // not JSON: nothing to adopt
    var id = res && res.xngGlobalUserId;
    if (isId(id) && id !== config.globalUserId) {
      config.globalUserId = id;
      persist(false);
    }
  }

  // ---- load -------------------------------------------------------------------------------

  // Stored state first, then the queue.
  var jar = readCookies();
  config.trackingOptIn = jar[OPT] === 'true';
  config.globalUserId = jar[GUID] || null;
  config.sessionId = jar[SID] || uuid();
  saved.sid = jar[SID];
  saved.guid = jar[GUID] || null;

  if (w.addEventListener) {
    w.addEventListener('pagehide', function () { pageHidden = true; });
    w.addEventListener('pageshow', function () { pageHidden = false; }); // back/forward cache
  }

  pending = old && old.q ? [].slice.call(old.q) : [];
  ce.loaded = true;
  w[NAME] = ce;
  drain();
})(window);
