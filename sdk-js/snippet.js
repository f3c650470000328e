/* CrossEngage Web Tracking SDK v2: page snippet. Put it in a <script> on every page.
 * Put the web tracking key in place of the placeholder on the last line (it occurs only there). */
(function (w, d, name, src) {
  w.CrossEngageObject = name;
  // Until ce.js has loaded, ce(...) only queues its arguments on ce.q.
  w[name] = w[name] || function () {
    (w[name].q = w[name].q || []).push(arguments);
  };
  var s = d.createElement('script');
  s.async = true;
  s.src = src;
  var first = d.getElementsByTagName('script')[0];
  if (first && first.parentNode) first.parentNode.insertBefore(s, first);
  else (d.head || d.getElementsByTagName('head')[0] || d.documentElement).appendChild(s);
})(window, document, 'ce', 'https://app.crossengage.io/xng/ce.js');

ce({ apiKey: 'YOUR_API_KEY' });
