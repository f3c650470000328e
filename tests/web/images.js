// Images: `new Image().src` and <img src> request through the gate; blocked without consent (error), sent with it
// (load). An image out of the document loads too.
// advance: 1000
// expect: blocked error complete=true
// expect: allowed load 1x1
// expect: in document load
var blocked = new Image();
blocked.onload = function () { console.log('blocked must not load'); };
blocked.onerror = function () { console.log('blocked error complete=' + blocked.complete); };
blocked.src = 'https://pixel.example/p.gif?ev=1';
assertEq(blocked.complete, false);
assertEq(blocked.src, 'https://pixel.example/p.gif?ev=1');
setTimeout(function () {
  document.cookie = 'ce.tracking-opt-in=true; path=/';
  var ok = new Image(1, 1);
  ok.addEventListener('load', function () { console.log('allowed load ' + ok.naturalWidth + 'x' + ok.naturalHeight); });
  ok.onerror = function () { console.log('allowed error'); };
  ok.src = '/pixel.gif';
  setTimeout(function () {
    var img = document.createElement('img');
    img.onload = function () { console.log('in document load'); };
    img.setAttribute('src', 'https://pixel.example/p2.gif');
    document.body.appendChild(img);
  }, 100);
}, 100);
