/*
 * Autosave for exercise steps. Drafts are saved a moment after the client stops typing, and when
 * they leave the page. Until the server has a draft it is kept in this browser (localStorage), so
 * nothing typed is lost when the connection drops; it is sent as soon as the connection is back.
 * Without JavaScript the form's own buttons save everything.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave="on"]');
  if (!form || !window.fetch || !window.localStorage) { return; }
  var status = form.querySelector('[data-autosave-status]');
  var key = form.getAttribute('data-key');
  var savedAt = Number(form.getAttribute('data-saved-at') || 0);
  var msg = function (name) { return form.getAttribute('data-msg-' + name) || ''; };
  var timer = null;
  var sending = false;

  function payload() {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    data.delete('remove-log');
    data.delete('csrf-token');
    return data.toString();
  }

  function say(text) { if (status) { status.textContent = text; } }

  function remember(body) {
    try { localStorage.setItem(key, JSON.stringify({ body: body, at: Date.now() })); } catch (e) { /* storage full or blocked */ }
  }

  function pending() {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  /* The kept draft with this page's own CSRF token (the one it was typed on may be gone). */
  function withToken(body) {
    var data = new URLSearchParams(body);
    var token = form.querySelector('input[name="csrf-token"]');
    if (token) { data.set('csrf-token', token.value); }
    return data.toString();
  }

  function send() {
    var item = pending();
    if (!item || sending) { return; }
    if (navigator.onLine === false) { say(msg('offline')); return; }
    sending = true;
    say(msg('saving'));
    /* form.action would be the buttons named "action": read the attribute. */
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: withToken(item.body),
      credentials: 'same-origin',
      keepalive: true,
      /* A sign-in that has ended is sent to /login: seen as a redirect, not as the login page's 200. */
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Autosave': '1' }
    }).then(function (response) {
      sending = false;
      if (response.status === 204) {
        var now = pending();
        if (now && now.at === item.at) { localStorage.removeItem(key); }
        say(msg('saved'));
      } else if (response.status === 401 || response.status === 303 || response.type === 'opaqueredirect') {
        say(msg('signed-out'));
      } else if (response.status === 400) {
        /* The form's token belongs to a sign-in: once that has ended (idle), it is refused like a wrong one. Ask. */
        signedIn().then(function (yes) { say(msg(yes ? 'invalid' : 'signed-out')); });
      } else if (response.status >= 400 && response.status < 500) {
        say(msg('invalid'));
      } else {
        say(msg('offline'));
      }
    }).catch(function () {
      sending = false;
      say(msg('offline'));
    });
  }

  function signedIn() {
    return fetch('/api/v1/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.status !== 401; })
      .catch(function () { return true; });
  }

  function changed() {
    remember(payload());
    say(msg('unsaved'));
    clearTimeout(timer);
    timer = setTimeout(send, 2000);
  }

  /* Put back a draft this browser kept but the server never got. */
  function restore() {
    var item = pending();
    if (!item) { return; }
    if (item.body === payload() || item.at <= savedAt) { localStorage.removeItem(key); return; }
    var data = new URLSearchParams(item.body);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'csrf-token' || el.type === 'submit' || el.type === 'hidden') { return; }
      var values = data.getAll(el.name);
      if (el.type === 'radio' || el.type === 'checkbox') {
        el.checked = values.indexOf(el.value) !== -1;
      } else if (values.length) {
        el.value = values[0];
      }
    });
    say(msg('restored'));
    send();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () { clearTimeout(timer); remember(payload()); });
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { send(); } });
  window.addEventListener('pagehide', send);
  restore();
})();
