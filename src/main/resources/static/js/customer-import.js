// The back office's import of customers, addresses or groups. The upload form shows the rules and
// header of the kind of file chosen only (without the script it shows all three), and refuses a
// file over the server's limit before sending it (the server says the same after the upload). The progress panel asks the
// server every second how far the run got and reloads the page once it has ended, so that the
// server renders the report. Without JavaScript the form works and the panel has a refresh link.
(function () {
  'use strict';

  var kinds = document.getElementById('kinds');
  if (kinds) {
    var showChosenKind = function () {
      var checked = kinds.querySelector('input[name="kind"]:checked');
      var chosen = checked ? checked.value : 'customers';
      kinds.querySelectorAll('[data-kind-help]').forEach(function (help) {
        help.classList.toggle('d-none', help.dataset.kindHelp !== chosen);
      });
      // clear passwords are a customer file's option; the server ignores it for the others
      document.querySelectorAll('[data-only-for]').forEach(function (element) {
        element.classList.toggle('d-none', element.dataset.onlyFor !== chosen);
      });
    };
    kinds.addEventListener('change', showChosenKind);
    window.addEventListener('pageshow', showChosenKind);
    showChosenKind();
  }

  var form = document.getElementById('import-form');
  if (form) {
    var button = form.querySelector('button[type="submit"]');
    var label = button.textContent;
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type="file"]');
      var file = input.files && input.files[0];
      var limit = Number(form.dataset.maxBytes);
      var tooLarge = document.getElementById('too-large');
      if (file && limit && file.size > limit) {
        event.preventDefault();
        tooLarge.classList.remove('d-none');
        return;
      }
      tooLarge.classList.add('d-none');
      // one upload at a time; the button has no name, so disabling it sends the same form
      button.disabled = true;
      button.textContent = button.dataset.busyText || label;
    });
    // back to the form from the next page: the button works again
    window.addEventListener('pageshow', function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  var panel = document.querySelector('[data-import-progress]');
  if (panel) {
    var url = panel.dataset.importProgress;
    var bar = panel.querySelector('progress');
    var text = panel.querySelector('[data-progress-text]');
    var failures = 0;

    var poll = function () {
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          if (!response.ok || type.indexOf('json') < 0) {
            throw new Error('No progress: ' + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          failures = 0;
          bar.value = progress.percent;
          text.textContent = progress.text;
          if (progress.finished) {
            window.location.reload();
          } else {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(function () {
          // signed out, or the import is gone: the page itself then says what happened
          failures += 1;
          if (failures >= 3) {
            window.location.reload();
          } else {
            window.setTimeout(poll, 2000);
          }
        });
    };
    window.setTimeout(poll, 1000);
  }
}());
