// The live password strength meter. It asks the server (POST /password/strength), which uses the
// same estimator and policy that will judge the password on submit: what the meter shows is what
// the server enforces. Without JavaScript the form works as before.
(function () {
  'use strict';

  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function valueOf(form, name) {
    var field = name && form.querySelector('[name="' + name + '"]');
    return field ? field.value : '';
  }

  function render(meter, result) {
    meter.dataset.score = result ? String(result.score) : '';
    meter.dataset.level = result ? result.level : '';
    meter.querySelector('.strength-label').textContent = result ? result.label : '–';
    var bars = meter.querySelectorAll('.strength-bars span');
    bars.forEach(function (bar, index) {
      bar.className = result && index <= result.score ? 'on level-' + result.score : '';
    });
    var list = meter.querySelector('.strength-problems');
    list.replaceChildren();
    (result ? result.problems : []).forEach(function (problem) {
      var item = document.createElement('li');
      item.textContent = problem;
      list.appendChild(item);
    });
  }

  function attach(input) {
    var meter = document.querySelector('.strength-meter[data-for="' + input.id + '"]');
    if (!meter) {
      return;
    }
    var timer = null;
    var sequence = 0;
    function update() {
      var password = input.value;
      if (!password) {
        render(meter, null);
        return;
      }
      var form = input.form;
      var body = new URLSearchParams();
      body.append('password', password);
      body.append('email', valueOf(form, input.dataset.emailField));
      body.append('firstName', valueOf(form, input.dataset.firstNameField));
      body.append('lastName', valueOf(form, input.dataset.lastNameField));
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
      if (csrfToken && csrfHeader) {
        headers[csrfHeader.content] = csrfToken.content;
      }
      var mine = ++sequence;
      fetch(meter.dataset.endpoint || '/password/strength', {
        method: 'POST', headers: headers, body: body, credentials: 'same-origin'
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (result) {
        if (mine === sequence && result) {
          render(meter, result);
        }
      }).catch(function () { /* the server still checks on submit */ });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 200);
    });
  }

  document.querySelectorAll('input[data-strength-meter]').forEach(attach);
})();
