// PerformanceObserver, ResizeObserver and IntersectionObserver on a page without layout (src/web/js/observers.js),
// and console format directives as Chrome prints them.
// advance: 50
// expect: styled text, 42 and 1.5 then rest
// expect: 100% -1 NaN %s
// expect: The entry type(s) largest-contentful-paint are not supported by this host; they will never be observed.
// expect: navigation entry navigation https://shop.example/page?x=1#h 0 navigate true
// expect: intersection 1 false 0 1280 true
assertJson(PerformanceObserver.supportedEntryTypes, ['navigation']);
assert(Object.isFrozen(PerformanceObserver.supportedEntryTypes), 'supportedEntryTypes is frozen');
assertThrows(function () { new PerformanceObserver(); }, 'TypeError');
assertThrows(function () { new PerformanceObserver(function () {}).observe({}); }, 'TypeError');
assertThrows(function () { new PerformanceEntry(); }, 'TypeError');
console.log('%cstyled%c text, %d and %f then', 'color: red', 'font-weight: bold', '42.9px', '1.5em', 'rest');
console.log('100%% %i %d %s', -1.5, Symbol('s'));
new PerformanceObserver(function () { throw new Error('never called'); }).observe({ type: 'largest-contentful-paint', buffered: true });
var po = new PerformanceObserver(function (list, observer) {
  var e = list.getEntries()[0];
  console.log('navigation entry', e.entryType, e.name, e.startTime, e.type, observer === po && e instanceof PerformanceNavigationTiming);
});
po.observe({ type: 'navigation', buffered: true });

var ro = new ResizeObserver(function () { throw new Error('no layout: never called'); });
ro.observe(document.body);
assertThrows(function () { ro.observe({}); }, 'TypeError');

assertThrows(function () { new IntersectionObserver(function () {}, { threshold: 2 }); }, 'RangeError');
var io = new IntersectionObserver(function (entries, observer) {
  var e = entries[0];
  console.log('intersection', entries.length, e.isIntersecting, e.intersectionRatio, e.rootBounds.width, e.target === document.body && observer === io && e.time >= 0);
}, { threshold: [0, 0.5] });
assertJson(io.thresholds, [0, 0.5]);
io.observe(document.body);
io.observe(document.body);
var unobserved = new IntersectionObserver(function () { throw new Error('unobserved before delivery'); });
unobserved.observe(document.body);
unobserved.unobserve(document.body);
