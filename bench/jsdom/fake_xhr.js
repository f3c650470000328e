// A fake XMLHttpRequest for the jsdom side of the benches: records what is sent and answers `200 {}` in a microtask,
// as sdkhost's stub transport does.
module.exports = function installFakeXhr(window, sent) {
  window.XMLHttpRequest = class {
    open(method, url) { this.method = method; this.url = url; this.readyState = 1; }
    setRequestHeader() {}
    send(body) {
      sent.push({ url: this.url, body });
      Promise.resolve().then(() => {
        this.status = 200; this.readyState = 4; this.responseText = '{}';
        if (this.onload) this.onload();
      });
    }
  };
};
