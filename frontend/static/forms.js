// A form that came back refused: the first field with a problem takes the focus, so a keyboard or screen-reader
// user hears its label and the problem (aria-describedby) at once, instead of starting again from the top.
document.addEventListener('DOMContentLoaded', function () {
  if (document.activeElement && document.activeElement !== document.body) { return; } // autofocus chose already
  var first = document.querySelector('main [aria-invalid="true"]');
  if (first) { first.focus(); }
});
