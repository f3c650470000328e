// Request bodies (MDN: /en-US/docs/Web/API/RequestInit#body), a lazy module shared by `xhr` and `fetch`: the bytes
// and default content type of a string, URLSearchParams, Blob, FormData (multipart, numbered boundaries),
// ArrayBuffer or typed array.
var formBoundaries = 0;
function extractBody(body) {
  if (body === undefined || body === null) return { body: null, type: null };
  if (typeof body === 'string') return { body: body, type: 'text/plain;charset=UTF-8' };
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    return { body: body.toString(), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return { body: body.__bytes, type: body.type || null };
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    var boundary = '----sdkhostFormBoundary' + (++formBoundaries), parts = '';
    body.__entries.forEach(function (e) {
      parts += '--' + boundary + '\r\nContent-Disposition: form-data; name="' + e[0] + '"\r\n\r\n' + String(e[1]) + '\r\n';
    });
    return { body: parts + '--' + boundary + '--\r\n', type: 'multipart/form-data; boundary=' + boundary };
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return { body: body, type: null };
  return { body: String(body), type: 'text/plain;charset=UTF-8' };
}
I.extractBody = extractBody;
