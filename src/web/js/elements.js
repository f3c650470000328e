// HTML element classes beyond the document's own (MDN: /en-US/docs/Web/API/HTMLElement#interfaces), a lazy module
// loaded by `document.createElement` for their tags or by their names: div, span, p, style, meta, link, button,
// select, textarea, iframe, frame, form, input, a, area, template, img, picture, audio, video, source, track, embed
// and object with their reflected attributes, `new Image()` and `new Audio()`. What they request is the `loads`
// module. Members of these classes that few pages use (form and input values, URL parts of `<a>`, ...) are the
// `html` module.
var dom = I.load('dom'), elementClass = dom.elementClass, fireElement = dom.fireElement, lazy = I.lazy;
var NS = dom.NS, ns = dom.ns, parseUrl = I.parseUrl, expose = I.expose, createElement = dom.createElement;
elementClass('HTMLDivElement', 'div', 'align');
elementClass('HTMLSpanElement', 'span');
elementClass('HTMLParagraphElement', 'p', 'align');
elementClass('HTMLStyleElement', 'style', 'media type');
elementClass('HTMLMetaElement', 'meta', 'name content httpEquiv=http-equiv charset');
elementClass('HTMLLinkElement', 'link', 'href:u rel as type media crossOrigin=crossorigin:c hreflang integrity');
elementClass('HTMLButtonElement', 'button', 'name value type disabled:b formAction=formaction:u ' +
  'formMethod=formmethod formEnctype=formenctype formTarget=formtarget');
elementClass('HTMLSelectElement', 'select', 'name disabled:b multiple:b');
lazy(elementClass('HTMLTextAreaElement', 'textarea', 'name placeholder disabled:b').prototype, 'value', 'html');
lazy(elementClass('HTMLIFrameElement', 'iframe', 'src:u name width height allow referrerPolicy=referrerpolicy loading')
  .prototype, 'contentWindow contentDocument', 'html');
lazy(elementClass('HTMLFormElement', 'form', 'name target enctype acceptCharset=accept-charset noValidate=novalidate:b')
  .prototype, 'action method elements submit requestSubmit reset', 'html');
lazy(elementClass('HTMLInputElement', 'input', 'name placeholder disabled:b required:b readOnly=readonly:b ' +
  'defaultValue=value autocomplete min max step pattern src:u alt formAction=formaction:u formMethod=formmethod ' +
  'formEnctype=formenctype formTarget=formtarget').prototype, 'value type checked', 'html');
lazy(elementClass('HTMLAnchorElement', 'a', 'target rel download hreflang type referrerPolicy=referrerpolicy ping')
  .prototype, B.join(I.urlParts, ' ') + ' text toString', 'html');
lazy(elementClass('HTMLTemplateElement', 'template').prototype, 'content', 'html');
var HTMLImageElement = elementClass('HTMLImageElement', 'img', 'src:u alt width:n height:n ' +
  'crossOrigin=crossorigin:c referrerPolicy=referrerpolicy loading decoding srcset sizes useMap=usemap isMap=ismap:b');
H.mixin(HTMLImageElement.prototype, {
  get complete() { return !this.getAttribute('src') || !!ns(this).done; },
  get naturalWidth() { return ns(this).ok ? 1 : 0; },
  get naturalHeight() { return ns(this).ok ? 1 : 0; },
  get currentSrc() { return ns(this).cur || ''; },
  decode() { return Promise.resolve(); }
});
function Image(width, height) {
  if (!new.target) throw new TypeError("Failed to construct 'Image': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  var img = createElement('img');
  if (width !== undefined) img.width = width;
  if (height !== undefined) img.height = height;
  return img;
}
Image.prototype = HTMLImageElement.prototype;
expose(Image);
elementClass('HTMLPictureElement', 'picture');
elementClass('HTMLSourceElement', 'source', 'src:u type srcset sizes media');
elementClass('HTMLTrackElement', 'track', 'src:u kind srclang label default:b');
elementClass('HTMLEmbedElement', 'embed', 'src:u type width height');
elementClass('HTMLObjectElement', 'object', 'data:u type name width height');
elementClass('HTMLFrameElement', 'frame', 'src:u name');
elementClass('HTMLAreaElement', 'area', 'href:u alt coords shape target download ping rel ' +
  'referrerPolicy=referrerpolicy');
// Media elements: no decoding or playback; `play()` loads (a `preload="none"` element loads only then) and resolves.
class HTMLMediaElement extends window.HTMLElement {
  constructor() { I.illegal(); }
  play() { I.load('loads').loadMedia(this, true); return B.resolve(); }
  pause() {}
  load() { ns(this).media = null; I.load('loads').loadMedia(this); }
  canPlayType() { return ''; }
  get paused() { return true; }
  get currentSrc() { return ns(this).media || ''; }
}
expose(HTMLMediaElement);
var media = 'src:u preload autoplay:b controls:b loop:b muted:b crossOrigin=crossorigin:c';
B.forEach([elementClass('HTMLAudioElement', 'audio', media), elementClass('HTMLVideoElement', 'video',
  media + ' poster:u width:n height:n')], function (C) {
  B.setPrototypeOf(C, HTMLMediaElement);
  B.setPrototypeOf(C.prototype, HTMLMediaElement.prototype);
});
function Audio(src) {
  if (!new.target) throw new TypeError("Failed to construct 'Audio': Please use the 'new' operator, this DOM object constructor cannot be called as a function.");
  var el = createElement('audio');
  el.setAttribute('preload', 'auto');
  if (src !== undefined) el.setAttribute('src', String(src));
  return el;
}
Audio.prototype = window.HTMLAudioElement.prototype;
expose(Audio);
