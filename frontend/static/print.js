// A "print this page" button or link (inline handlers are not allowed by the content security policy). Without
// JavaScript a link still leads to the page, which the browser's own menu prints.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function (event) {
    event.preventDefault();
    window.print();
  });
});
