// A "print this page" button (inline handlers are not allowed by the content security policy).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
