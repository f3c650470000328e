// Request bodies (MDN: /en-US/docs/Web/API/RequestInit#body), a lazy module shared by `xhr` and `fetch`: the bytes
// and default content type of a string, URLSearchParams, Blob, FormData (multipart, numbered boundaries),
// ArrayBuffer or typed array.
var formBoundaries = 0;
// A multipart/form-data body of [name, value] entries (value a string or a File), with a numbered boundary.
function multipart(entries) {
  var boundary = '----sdkhostFormBoundary' + (++formBoundaries), parts = '';
  for (var i = 0; i < entries.length; i++) {
    parts += '--' + boundary + '\r\nContent-Disposition: form-data; name="' + entries[i][0] + '"\r\n\r\n' + String(entries[i][1]) + '\r\n';
  }
  return { __proto__: null, body: parts + '--' + boundary + '--\r\n', type: 'multipart/form-data; boundary=' + boundary };
}
function extractBody(body) {
  if (body === undefined || body === null) return { __proto__: null, body: null, type: null };
  if (typeof body === 'string') return { __proto__: null, body: body, type: 'text/plain;charset=UTF-8' };
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    return { body: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return { body: body.__bytes, type: body.type || null };
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    return multipart(body.__entries);
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { body: body, type: null };
  return { body: String(body), type: 'text/plain;charset=UTF-8' };
}
B.assign(I, { extractBody: extractBody, multipart: multipart });
