/*
 * Idle sign-out warning. The page knows how many seconds its sign-in has left if nothing more is done
 * (data-idle-seconds, from the server); a minute before the end it shows a notice with a "stay signed in"
 * button, which counts as activity. When the time is up it says so and offers to sign in again; typed
 * exercise answers stay in this browser (autosave.js) and are sent after signing in.
 */
(function () {
  'use strict';
  var box = document.querySelector('.idle-warning');
  if (!box || !window.fetch) { return; }
  var remaining = Number(box.getAttribute('data-idle-seconds') || 0);
  if (!remaining) { return; }
  var stay = box.querySelector('[data-idle-stay]');
  var signIn = box.querySelector('[data-idle-signin]');
  var text = box.querySelector('#idle-text');
  var WARN_SECONDS = 60;
  var warnTimer = null;
  var endTimer = null;
  var returnFocus = null;

  function schedule(seconds) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(warn, Math.max(0, seconds - WARN_SECONDS) * 1000);
    endTimer = setTimeout(ended, Math.max(0, seconds) * 1000);
  }

  function warn() {
    returnFocus = document.activeElement;
    box.hidden = false;
    stay.focus();
  }

  function hide() {
    box.hidden = true;
    if (returnFocus && returnFocus.focus) { returnFocus.focus(); }
  }

  function ended() {
    clearTimeout(warnTimer);
    text.textContent = box.getAttribute('data-msg-ended');
    stay.hidden = true;
    signIn.hidden = false;
    box.hidden = false;
    signIn.focus();
  }

  stay.addEventListener('click', function () {
    stay.disabled = true;
    fetch('/api/v1/auth/keep-alive', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'fetch' }
    }).then(function (response) {
      stay.disabled = false;
      if (!response.ok) { ended(); return null; }
      return response.json().then(function (body) {
        hide();
        schedule(Number(body.idleSeconds || 0));
      });
    }).catch(function () {
      stay.disabled = false;
    });
  });

  // Other scripts that keep the sign-in alive (a video call) say so, and the countdown starts again.
  document.addEventListener('askel:active', function (event) {
    var seconds = event.detail && event.detail.idleSeconds;
    if (seconds > 0 && !stay.hidden) {
      if (!box.hidden) { hide(); }
      schedule(seconds);
    }
  });

  box.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !stay.hidden) { stay.click(); }
  });

  schedule(remaining);
})();
