/*
 * Live password strength. Next to a password being chosen (tags/field.html, meter=...) the page asks the server,
 * after each pause in typing, what the form would say on submit: the same rule, the same reason, in the page's
 * language. The answer goes into a polite live region the field points to (aria-describedby), and a bar shows
 * weak / good / strong. Without JavaScript nothing changes: the form is judged on submit as always.
 */
(function () {
  'use strict';
  if (!window.fetch || !document.querySelectorAll) { return; }
  var PAUSE_MS = 350;

  function attach(meter) {
    var field = meter.parentNode.querySelector('input[type="password"]');
    var text = meter.querySelector('.password-meter-text');
    if (!field || !text) { return; }
    var form = field.form;
    var others = (meter.getAttribute('data-strength-with') || '').split(' ').filter(Boolean);
    var timer = null;
    var asked = 0;

    function show(level, message) {
      if (level) { meter.setAttribute('data-level', level); } else { meter.removeAttribute('data-level'); }
      if (text.textContent !== message) { text.textContent = message; }
    }

    function ask() {
      var password = field.value;
      var mine = ++asked;
      if (!password) { show(null, ''); return; }
      var body = { password: password };
      var token = meter.getAttribute('data-strength-token');
      if (token) { body.token = token; }
      others.forEach(function (name) {
        var other = form && form.elements[name];
        if (other && other.value) { body[name] = other.value; }
      });
      fetch(meter.getAttribute('data-strength-url'), {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'Accept-Language': document.documentElement.lang || 'fi',
          'X-Requested-With': 'fetch'
        },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        // An older answer arriving after a newer question says nothing about what is in the field now.
        if (mine !== asked || field.value !== password) { return; }
        if (answer) { show(answer.level, answer.message); } else { show(null, ''); }
      }).catch(function () {
        if (mine === asked) { show(null, ''); }
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(ask, PAUSE_MS);
    }

    field.addEventListener('input', later);
    others.forEach(function (name) {
      var other = form && form.elements[name];
      if (other) { other.addEventListener('change', function () { if (field.value) { later(); } }); }
    });
    if (field.value) { later(); }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.password-meter[data-strength-url]'), attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
