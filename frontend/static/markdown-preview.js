/*
 * Live preview of the module editor's Markdown texts: a moment after the author stops typing, the text is
 * rendered by the service's own safe Markdown renderer (POST /api/v1/authoring/markdown-preview), so the
 * preview is exactly the HTML a client gets. The preview regions are hidden until this script runs;
 * without JavaScript the editor's "Preview as a client" page shows the same after saving.
 * The regions are not live regions: a screen reader is not interrupted while its user types.
 */
(function () {
  'use strict';
  if (!window.fetch) { return; }
  var WAIT_MS = 600;

  function attach(region) {
    var field = document.getElementById(region.getAttribute('data-md-preview-for'));
    var body = region.querySelector('[data-md-preview-body]');
    if (!field || !body) { return; }
    var timer = null;
    var sent = null;
    var latest = 0;

    function render() {
      var text = field.value;
      if (text === sent) { return; }
      sent = text;
      var ticket = ++latest;
      fetch('/api/v1/authoring/markdown-preview', {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'fetch' },
        body: JSON.stringify({ markdown: text })
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (result) {
        /* An answer to an older text than the latest one sent is dropped. */
        if (ticket !== latest) { return; }
        if (result && typeof result.html === 'string') {
          body.innerHTML = result.html; /* sanitised by the service, as the client's page is */
          region.removeAttribute('data-md-preview-failed');
        } else {
          region.setAttribute('data-md-preview-failed', 'true');
        }
      }).catch(function () {
        if (ticket === latest) { region.setAttribute('data-md-preview-failed', 'true'); }
      });
    }

    field.addEventListener('input', function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(render, WAIT_MS);
    });
    region.hidden = false;
    render();
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-md-preview-for]'), attach);
})();
