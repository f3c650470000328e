// HTML element classes beyond the document's own (MDN: /en-US/docs/Web/API/HTMLElement#interfaces), a lazy module
// loaded by `document.createElement` for their tags or by their names: div, span, p, style, meta, link, button,
// select, textarea, iframe, form, input, a, template and img with their reflected attributes, `new Image()`, and what
// an `<img>` does: it requests its `src` whenever `src` is set, in or out of the document, through
// `H.requestImage(absoluteUrl, onload, onerror)`; `load`/`error` fire at the element. `srcset` is ignored.
// Members of these classes that few pages use (form and input values, URL parts of `<a>`, ...) are the `html` module.
var dom = I.load('dom'), elementClass = dom.elementClass, fireElement = dom.fireElement, lazy = I.lazy;
var NS = dom.NS, ns = dom.ns, parseUrl = I.parseUrl, expose = I.expose, createElement = dom.createElement;
elementClass('HTMLDivElement', 'div', 'align');
elementClass('HTMLSpanElement', 'span');
elementClass('HTMLParagraphElement', 'p', 'align');
elementClass('HTMLStyleElement', 'style', 'media type');
elementClass('HTMLMetaElement', 'meta', 'name content httpEquiv=http-equiv charset');
elementClass('HTMLLinkElement', 'link', 'href:u rel as type media crossOrigin=crossorigin:c hreflang integrity');
elementClass('HTMLButtonElement', 'button', 'name value type disabled:b');
elementClass('HTMLSelectElement', 'select', 'name disabled:b multiple:b');
lazy(elementClass('HTMLTextAreaElement', 'textarea', 'name placeholder disabled:b').prototype, 'value', 'html');
lazy(elementClass('HTMLIFrameElement', 'iframe', 'src:u name width height allow referrerPolicy=referrerpolicy loading')
  .prototype, 'contentWindow contentDocument', 'html');
lazy(elementClass('HTMLFormElement', 'form', 'name target enctype acceptCharset=accept-charset noValidate=novalidate:b')
  .prototype, 'action method elements', 'html');
lazy(elementClass('HTMLInputElement', 'input', 'name placeholder disabled:b required:b readOnly=readonly:b ' +
  'defaultValue=value autocomplete min max step pattern').prototype, 'value type checked', 'html');
lazy(elementClass('HTMLAnchorElement', 'a', 'target rel download hreflang type referrerPolicy=referrerpolicy ping')
  .prototype, I.urlParts.join(' ') + ' text toString', 'html');
lazy(elementClass('HTMLTemplateElement', 'template').prototype, 'content', 'html');
var HTMLImageElement = elementClass('HTMLImageElement', 'img', 'src:u alt width:n height:n ' +
  'crossOrigin=crossorigin:c referrerPolicy=referrerpolicy loading decoding srcset sizes useMap=usemap isMap=ismap:b');
Object.defineProperties(HTMLImageElement.prototype, Object.getOwnPropertyDescriptors({
  get complete() { return !this.getAttribute('src') || !!ns(this).done; },
  get naturalWidth() { return ns(this).ok ? 1 : 0; },
  get naturalHeight() { return ns(this).ok ? 1 : 0; },
  get currentSrc() { return ns(this).cur || ''; },
  decode() { return Promise.resolve(); }
}));
function Image(width, height) {
  if (!new.target) throw new TypeError("Failed to construct 'Image': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  var img = createElement('img');
  if (width !== undefined) img.width = width;
  if (height !== undefined) img.height = height;
  return img;
}
Image.prototype = HTMLImageElement.prototype;
expose(Image);

function loadImage(el) {
  var s = el[NS], src = el.getAttribute('src'), p = src ? parseUrl(src, I.url()[0]) : null;
  s.done = s.ok = false;
  s.cur = p ? p[0] : '';
  if (!p || !H.requestImage) return;
  var href = p[0];
  H.requestImage(href,
    function () { if (s.cur === href) { s.done = s.ok = true; fireElement(el, 'load'); } },
    function () { if (s.cur === href) { s.done = true; fireElement(el, 'error'); } });
}
I.loadImage = loadImage;
