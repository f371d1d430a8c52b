// Passkeys (WebAuthn) in the storefront: adding one on /customer/passkeys, and signing in with one
// on /login, by its button or by the browser's autofill (conditional mediation). The server makes
// and verifies every challenge; this script only carries options and answers between the server
// and the browser. Without JavaScript or WebAuthn the passkey parts stay hidden and passwords work.
(function () {
  'use strict';

  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  // a sign-in challenge is valid for five minutes on the server: fetch a new one well before
  var OPTIONS_MAX_AGE = 4 * 60 * 1000;

  function supported() {
    return !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
  }

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (each) {
      return { type: each.type, id: toBuffer(each.id), transports: each.transports };
    });
  }

  function fetchOptions(url) {
    var headers = { 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
        throw new Error('No passkey options: ' + response.status);
      }
      return response.json();
    });
  }

  // The answer as WebAuthn's JSON (PublicKeyCredential.toJSON()), written out by hand for
  // browsers without toJSON().
  function answer(credential) {
    var response = credential.response;
    var json = {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response: { clientDataJSON: toBase64url(response.clientDataJSON) }
    };
    if (response.attestationObject) {
      json.response.attestationObject = toBase64url(response.attestationObject);
      json.response.transports = response.getTransports ? response.getTransports() : [];
    } else {
      json.response.authenticatorData = toBase64url(response.authenticatorData);
      json.response.signature = toBase64url(response.signature);
      json.response.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
    }
    return JSON.stringify(json);
  }

  function showProblem(form, error) {
    var key = 'failed';
    if (error && error.name === 'NotAllowedError') {
      key = 'cancelled';
    } else if (error && error.name === 'InvalidStateError' && form.dataset.exists) {
      key = 'exists';
    } else if (error === 'unsupported') {
      key = 'unsupported';
    }
    // what the page said before is out of date now
    document.querySelectorAll('#passkey-problem, [role="status"]').forEach(function (earlier) {
      earlier.classList.add('d-none');
    });
    var box = document.getElementById('passkey-browser-problem');
    box.textContent = form.dataset[key];
    box.classList.remove('d-none');
  }

  // "Chrome on Linux", from what the browser tells of itself; empty if it tells nothing
  function defaultName(form) {
    var agent = navigator.userAgentData;
    if (!agent || !agent.platform || !agent.brands) {
      return '';
    }
    var brand = agent.brands.map(function (each) {
      return each.brand;
    }).filter(function (name) {
      return !/not.?a.?brand/i.test(name) && name !== 'Chromium';
    })[0] || 'Chromium';
    return form.dataset.defaultName.replace('{0}', brand).replace('{1}', agent.platform);
  }

  function attachRegistration(form) {
    var button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!supported()) {
        showProblem(form, 'unsupported');
        return;
      }
      button.disabled = true;
      fetchOptions(form.dataset.options).then(function (options) {
        options.challenge = toBuffer(options.challenge);
        options.user.id = toBuffer(options.user.id);
        options.excludeCredentials = descriptors(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options });
      }).then(function (credential) {
        form.elements.response.value = answer(credential);
        if (!form.elements.name.value.trim()) {
          form.elements.name.value = defaultName(form);
        }
        form.submit();
      }).catch(function (error) {
        button.disabled = false;
        showProblem(form, error);
      });
    });
  }

  function attachSignIn(form) {
    if (!supported()) {
      return;
    }
    form.classList.remove('d-none');
    // One challenge serves the autofill request and the button, so that neither replaces the
    // other's in the session.
    var options = null;
    var fetchedAt = 0;
    var autofill = null;

    function currentOptions() {
      if (!options || Date.now() - fetchedAt > OPTIONS_MAX_AGE) {
        fetchedAt = Date.now();
        options = fetchOptions(form.dataset.options);
      }
      return options;
    }

    function get(mediation, signal) {
      return currentOptions().then(function (json) {
        var publicKey = {
          challenge: toBuffer(json.challenge),
          timeout: json.timeout,
          rpId: json.rpId,
          allowCredentials: descriptors(json.allowCredentials),
          userVerification: json.userVerification
        };
        var request = { publicKey: publicKey };
        if (mediation) {
          request.mediation = mediation;
          request.signal = signal;
        }
        return navigator.credentials.get(request);
      }).then(function (credential) {
        if (credential) {
          form.elements.response.value = answer(credential);
          form.submit();
        }
      });
    }

    document.getElementById('passkey-sign-in').addEventListener('click', function () {
      var settled = Promise.resolve();
      if (autofill) {
        // the browser takes one request at a time: end the autofill one first
        autofill.controller.abort();
        settled = autofill.done;
        autofill = null;
      }
      settled.then(function () {
        return get(null);
      }).catch(function (error) {
        showProblem(form, error);
      });
    });

    if (PublicKeyCredential.isConditionalMediationAvailable) {
      PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
        if (!available) {
          return;
        }
        var controller = new AbortController();
        autofill = {
          controller: controller,
          // aborted for the button, or dismissed: nothing to tell
          done: get('conditional', controller.signal).catch(function () {
          })
        };
      });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var registration = document.getElementById('add-passkey');
    if (registration) {
      attachRegistration(registration);
    }
    var signIn = document.getElementById('passkey-login');
    if (signIn) {
      attachSignIn(signIn);
    }
  });
})();
