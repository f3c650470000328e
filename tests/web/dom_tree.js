// DOM tree: the initial document, node creation, insertion and removal, siblings, textContent, cloning.
assertEq(document.nodeType, 9);
assertEq(document.documentElement.tagName, 'HTML');
assertEq(document.head.nodeName, 'HEAD');
assertEq(document.body.parentNode, document.documentElement);
assertEq(document.doctype.name, 'html');
assertEq(document.compatMode, 'CSS1Compat');
assertEq(document.characterSet, 'UTF-8');
assertEq(document.childNodes.length, 2);
assertEq(document.documentElement.outerHTML, '<html><head><title></title></head><body></body></html>');
assert(document instanceof Document && document instanceof HTMLDocument && document instanceof Node, 'document classes');
assert(document.body instanceof HTMLBodyElement && document.body instanceof HTMLElement && document.body instanceof Element, 'body classes');
assert(document.body instanceof EventTarget, 'nodes are event targets');
assertThrows(function () { new HTMLElement(); }, 'TypeError', 'HTMLElement is not constructible');

var div = document.createElement('DIV');
assertEq(div.tagName, 'DIV');
assertEq(div.localName, 'div');
assertEq(div.parentNode, null);
assertEq(div.isConnected, false);
assert(div instanceof HTMLDivElement, 'div class');
assert(document.createElement('x-widget') instanceof HTMLElement, 'unknown tag is an HTMLElement');
assertThrows(function () { document.createElement('1bad'); }, 'InvalidCharacterError');

var a = document.createElement('span'), b = document.createTextNode('hello'), c = document.createElement('i');
div.appendChild(a);
div.appendChild(b);
div.insertBefore(c, b);
assertEq(div.childNodes.length, 3);
assertEq(div.firstChild, a);
assertEq(div.lastChild, b);
assertEq(a.nextSibling, c);
assertEq(b.previousSibling, c);
assertEq(c.previousElementSibling, a);
assertEq(a.nextElementSibling, c);
assertEq(div.children.length, 2);
assertEq(div.firstElementChild, a);
assertEq(div.lastElementChild, c);
assertEq(div.childElementCount, 2);
assertEq(b.parentElement, div);
assertEq(div.textContent, 'hello');
assert(div.contains(b) && div.contains(div) && !a.contains(div), 'contains');
assertEq(div.innerHTML, '<span></span><i></i>hello');

// Moving a node removes it from its old parent.
var other = document.createElement('p');
other.appendChild(a);
assertEq(div.childNodes.length, 2);
assertEq(a.parentNode, other);
assertEq(div.removeChild(c), c);
assertEq(c.parentNode, null);
assertThrows(function () { div.removeChild(c); }, 'NotFoundError');
assertThrows(function () { a.appendChild(other); }, 'HierarchyRequestError', 'cannot insert an ancestor');
assertThrows(function () { div.insertBefore(c, a); }, 'NotFoundError', 'reference must be a child');
assertEq(div.replaceChild(c, b), b);
assertEq(div.firstChild, c);
c.remove();
assertEq(div.childNodes.length, 0);
assertEq(div.firstChild, null);

// Fragments move their children.
var frag = document.createDocumentFragment();
frag.appendChild(document.createElement('b'));
frag.appendChild(document.createTextNode('x'));
div.appendChild(frag);
assertEq(frag.childNodes.length, 0);
assertEq(div.innerHTML, '<b></b>x');

// ParentNode / ChildNode mixins.
div.append('t1', document.createElement('em'));
div.prepend('t0');
assertEq(div.innerHTML, 't0<b></b>xt1<em></em>');
div.firstElementChild.after('after-b');
div.lastChild.before('before-em');
assertEq(div.innerHTML, 't0<b></b>after-bxt1before-em<em></em>');
div.replaceChildren('only');
assertEq(div.innerHTML, 'only');

// textContent, innerHTML (text only), escaping.
div.textContent = '<a> & "b"';
assertEq(div.childNodes.length, 1);
assertEq(div.innerHTML, '&lt;a&gt; &amp; "b"');
div.innerHTML = 'plain';
assertEq(div.textContent, 'plain');
div.textContent = '';
assertEq(div.childNodes.length, 0);
div.setAttribute('title', 'a"b&c');
assertEq(div.outerHTML, '<div title="a&quot;b&amp;c"></div>');
var img = document.createElement('img');
assertEq(img.outerHTML, '<img>');
var script = document.createElement('script');
script.text = 'if (a < b) {}';
assertEq(script.outerHTML, '<script>if (a < b) {}</script>');

// Cloning.
div.appendChild(document.createElement('span')).setAttribute('id', 's1');
var shallow = div.cloneNode(), deep = div.cloneNode(true);
assertEq(shallow.childNodes.length, 0);
assertEq(shallow.getAttribute('title'), 'a"b&c');
assertEq(deep.outerHTML, div.outerHTML);
assert(deep.firstChild !== div.firstChild, 'deep clone copies children');

// Connecting to the document.
document.body.appendChild(div);
assert(div.isConnected, 'connected');
assertEq(div.ownerDocument, document);
assertEq(document.getElementById('s1'), div.firstChild);
assertEq(div.getRootNode(), document);
// Comments, template content.
var com = document.createComment('note');
assertEq(com.nodeType, 8);
div.appendChild(com);
assert(div.innerHTML.indexOf('<!--note-->') >= 0, 'comment serialised');
var tpl = document.createElement('template');
tpl.innerHTML = 'in template';
assertEq(tpl.childNodes.length, 0);
assertEq(tpl.content.textContent, 'in template');
assert(tpl.content instanceof DocumentFragment, 'template content');
assertEq(new Text('t').data, 't');
assertEq(Node.ELEMENT_NODE, 1);
assertEq(div.TEXT_NODE, 3);
