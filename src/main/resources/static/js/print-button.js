// A button marked data-print prints the page (the recovery codes); scripts must come from
// our own origin under the Content Security Policy, so no inline onclick.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
