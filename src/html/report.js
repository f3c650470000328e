// Filters, and a self-check: the rows shown agree with the counts taken from the documents. The result is written
// on #self-check (data-ok, data-problems and the totals) for tests that load the page in a headless browser.
(function () {
  'use strict';
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  all('section.session').forEach(function (section) {
    all('input[data-lane]', section).forEach(function (box) {
      box.addEventListener('change', function () {
        section.classList.toggle('hide-' + box.getAttribute('data-lane'), !box.checked);
      });
    });
  });
  var only = document.getElementById('only-problems');
  if (only) {
    only.addEventListener('change', function () {
      document.body.classList.toggle('only-problems', only.checked);
    });
  }

  var problems = [];
  var totals = { sessions: 0, requests: 0, blocked: 0, jsErrors: 0, expectFailed: 0, checks: 0, checksFailed: 0 };
  function compare(section, what, shown, recorded) {
    if (shown !== recorded) {
      problems.push(section.id + ': ' + shown + ' ' + what + ' shown, ' + recorded + ' recorded');
    }
  }
  all('section.session').forEach(function (s) {
    var d = s.dataset;
    compare(s, 'requests', all('tr.req.allowed, tr.req.blocked', s).length, Number(d.requests));
    compare(s, 'blocked requests', all('tr.req.blocked', s).length, Number(d.blocked));
    compare(s, 'JS errors', all('tr.err:not(.stepfail)', s).length, Number(d.jsErrors));
    compare(s, 'page errors', all('li.page-error', s).length, Number(d.pageErrors));
    compare(s, 'failed expectations', all('tr.expect.fail', s).length, Number(d.expectFailed));
    compare(s, 'held expectations', all('tr.expect.ok', s).length, Number(d.expectPassed));
    totals.sessions += 1;
    totals.requests += all('tr.req.allowed, tr.req.blocked', s).length;
    totals.blocked += all('tr.req.blocked', s).length;
    totals.jsErrors += all('tr.err:not(.stepfail)', s).length;
    totals.expectFailed += all('tr.expect.fail', s).length;
  });
  all('section.conform').forEach(function (s) {
    var d = s.dataset;
    compare(s, 'checks', all('tr.check', s).length, Number(d.total));
    compare(s, 'passed checks', all('tr.check.pass', s).length, Number(d.passed));
    compare(s, 'failed checks', all('tr.check.fail', s).length, Number(d.failed));
    totals.checks += all('tr.check', s).length;
    totals.checksFailed += all('tr.check.fail', s).length;
  });

  var errors = window.__reportErrors || [];
  var marker = document.getElementById('self-check');
  marker.setAttribute('data-ok', String(problems.length === 0 && errors.length === 0));
  marker.setAttribute('data-problems', problems.concat(errors).join(' | '));
  Object.keys(totals).forEach(function (key) {
    marker.setAttribute('data-' + key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }), String(totals[key]));
  });
  marker.textContent = problems.length === 0 && errors.length === 0 ? 'self-check passed' : 'self-check FAILED';
})();
