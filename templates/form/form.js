// Saves the answers of this form as a small file the person sends back by e-mail or chat.
// Everything it needs is in the JSON block above (no network: the page's CSP allows none).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('form-data').textContent);
  var form = document.getElementById('answers');
  var send = document.getElementById('send');
  var button = document.getElementById('save');
  var status = document.getElementById('save-status');
  send.hidden = false;

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }
  // Two people who answer the same day send files that must not share a name: the coordinator
  // saves both attachments in one folder.
  function clock() {
    var d = new Date();
    return pad(d.getHours()) + pad(d.getMinutes()) + pad(d.getSeconds());
  }
  // The name in the file's name: letters and digits only, so any system accepts it.
  function slug(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  }
  function answers() {
    var found = {};
    var fields = form.querySelectorAll('input, textarea');
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (field.type === 'radio') {
        if (field.checked) found[field.name] = field.hasAttribute('data-number') ? Number(field.value) : field.value;
      } else {
        var text = field.value.trim();
        if (text) found[field.name] = text;
      }
    }
    return found;
  }
  function say(message, problem) {
    status.textContent = message;
    status.className = problem ? 'problem' : '';
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); });
  button.addEventListener('click', function () {
    var given = answers();
    for (var i = 0; i < data.required.length; i++) {
      var code = data.required[i];
      if (!(code in given)) {
        say(data.messages.missing, true);
        var first = form.querySelector('input[name="' + code + '"]');
        if (first) first.focus();
        return;
      }
    }
    var saved = today();
    var who = given[data.whoCode];
    var name = data.form + '-' + saved + '-' + clock() + (who && slug(who) ? '-' + slug(who) : '') + '.adopt-response.json';
    var response = { adopt: 'response', version: 1, form: data.form, project: data.project, questions: data.questions, saved: saved, answers: given };
    var url = URL.createObjectURL(new Blob([JSON.stringify(response, null, 2) + '\n'], { type: 'application/json' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    say(data.messages.saved.split('{file}').join(name), false);
  });
})();
