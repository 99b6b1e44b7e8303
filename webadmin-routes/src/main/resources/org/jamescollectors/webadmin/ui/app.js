'use strict';
// The users' collectors page. Every text comes from en.json or fr.json; every value from the
// server is put in the page as text (textContent, never innerHTML). The James login and
// password live in this script's memory only and are forgotten on sign-out or reload.
(function () {
  var API = '/collectors';
  var LANGUAGES = ['en', 'fr'];
  var ACCESS_FIELDS = ['protocol', 'host', 'port', 'security', 'username', 'password'];
  // Which field a failed remote check concerns, by the error's code.
  var FIELD_OF_CODE = {
    authentication: 'password', tls: 'security', connection: 'host', timeout: 'host',
    throttled: 'host', protocol: 'host', 'refused-target': 'host',
    'name-taken': 'name', 'account-taken': 'username'
  };
  var state = { credentials: null, texts: {}, language: 'en', collectors: [], folders: [],
    usage: null, open: {} };

  function $(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) {
        node.setAttribute(name, '');
      } else if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, String(value));
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function t(key, values) {
    var text = state.texts[key];
    if (text === undefined) {
      text = key;
    }
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && values[name] !== undefined ? String(values[name]) : whole;
    });
  }

  function show(id, visible) { $(id).hidden = !visible; }

  // --- Languages -------------------------------------------------------------------------

  function browserLanguage() {
    var wanted = (navigator.languages || [navigator.language || 'en']);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).slice(0, 2).toLowerCase();
      if (LANGUAGES.indexOf(code) >= 0) {
        return code;
      }
    }
    return 'en';
  }

  function loadLanguage(language) {
    return fetch(language + '.json', { credentials: 'omit' })
      .then(function (response) { return response.json(); })
      .then(function (texts) {
        state.texts = texts;
        state.language = language;
        document.documentElement.lang = language;
        $('language').value = language;
        translateStatic();
      });
  }

  function translateStatic() {
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (node) {
      node.textContent = t(node.getAttribute('data-text'));
    });
  }

  function switchLanguage() {
    loadLanguage($('language').value).then(function () {
      if (state.credentials) {
        renderAll();
      }
    });
  }

  // --- Talking to the API ----------------------------------------------------------------

  function api(method, path, body) {
    var headers = {
      'Accept': 'application/json',
      'Authorization': 'Basic ' + state.credentials,
      'X-Requested-With': 'XMLHttpRequest'
    };
    var init = { method: method, headers: headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (response.status === 401 && state.credentials && path !== '/usage') {
          signOut(t('signedOutExpired'));
        }
        return { status: response.status, ok: response.ok, body: json,
          location: response.headers.get('Location') };
      });
    });
  }

  function encodeCredentials(login, password) {
    var bytes = new TextEncoder().encode(login + ':' + password);
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  function errorText(answer) {
    var body = answer.body || {};
    if (body.code && state.texts['error.' + body.code]) {
      return t('error.' + body.code);
    }
    return body.message || t('error.unknown', { status: answer.status });
  }

  // --- Signing in and out ----------------------------------------------------------------

  function signIn(event) {
    event.preventDefault();
    var login = $('login').value.trim();
    var password = $('sign-in-password').value;
    if (!login || !password) {
      showError('sign-in-error', t('signInMissing'));
      return;
    }
    state.credentials = encodeCredentials(login, password);
    api('GET', '/usage').then(function (answer) {
      if (!answer.ok) {
        state.credentials = null;
        showError('sign-in-error', answer.status === 401 ? t('signInWrong') : errorText(answer));
        return;
      }
      $('sign-in-password').value = '';
      showError('sign-in-error', null);
      state.usage = answer.body;
      state.login = login;
      showSignedIn();
    });
  }

  function signOut(message) {
    state.credentials = null;
    state.collectors = [];
    state.open = {};
    $('collectors').textContent = '';
    show('collectors-view', false);
    show('add-view', false);
    show('sign-out', false);
    show('sign-in-view', true);
    showError('sign-in-error', typeof message === 'string' ? message : null);
    $('login').focus();
  }

  function showSignedIn() {
    show('sign-in-view', false);
    show('sign-out', true);
    show('collectors-view', true);
    refresh().then(function () { $('add-button').focus(); });
  }

  function showError(id, text) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
  }

  // --- The list --------------------------------------------------------------------------

  function refresh() {
    return Promise.all([api('GET', ''), api('GET', '/usage'), api('GET', '/folders')])
      .then(function (answers) {
        if (!state.credentials) {
          return;
        }
        if (answers[0].ok) { state.collectors = answers[0].body; }
        if (answers[1].ok) { state.usage = answers[1].body; }
        if (answers[2].ok) { state.folders = answers[2].body; }
        renderAll();
      });
  }

  function renderAll() {
    renderUsage();
    renderList();
  }

  function renderUsage() {
    var usage = state.usage || { used: state.collectors.length, allowed: '?' };
    $('usage').textContent = t('usage', { used: usage.used, allowed: usage.allowed });
    $('add-button').disabled = usage.used >= usage.allowed;
  }

  function renderList() {
    var list = $('collectors');
    list.textContent = '';
    show('empty', state.collectors.length === 0);
    state.collectors.forEach(function (collector) {
      list.appendChild(renderCollector(collector));
    });
  }

  function formatTime(iso) {
    if (!iso) {
      return t('never');
    }
    return new Intl.DateTimeFormat(state.language, { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(iso));
  }

  function stateLine(collector) {
    var status = collector.status;
    var problem = status.problem;
    var text = t('state.' + status.state);
    if (problem) {
      text += ' — ' + problemText(problem);
    }
    return el('p', { 'class': 'state state-' + status.state, 'data-state': status.state },
      [text]);
  }

  function problemText(problem) {
    var key = 'problem.' + problem.code;
    return state.texts[key] ? t(key) : problem.message;
  }

  function runText(run) {
    if (!run) {
      return t('never');
    }
    var when = formatTime(run.startedAt);
    if (run.outcome === 'running') {
      return t('run.running', { when: when });
    }
    var text = t('run.' + run.outcome, { when: when, messages: run.messages });
    if (run.error) {
      text += ' — ' + problemText(run.error);
    }
    return text;
  }

  function fact(label, value, className) {
    return [el('dt', {}, [label]), el('dd', { 'class': className || null }, [value])];
  }

  function renderCollector(collector) {
    var status = collector.status;
    var facts = [].concat(
      fact(t('account'), collector.username + ' — ' + collector.host + ' ('
        + collector.protocol.toUpperCase() + ', ' + collector.port + ')'),
      fact(t('targetFolder'), targetText(collector), 'target'),
      fact(t('lastRun'), runText(status.lastRun), 'last-run'),
      fact(t('nextRun'), status.nextRun ? formatTime(status.nextRun) : '—', 'next-run'));
    var card = el('article', { 'class': 'collector', 'data-id': collector.id,
      'aria-labelledby': 'name-' + collector.id }, [
      el('h2', { id: 'name-' + collector.id, 'class': 'name' }, [collector.name]),
      stateLine(collector),
      el('dl', {}, facts),
      el('p', { 'class': 'result', role: 'status', 'aria-live': 'polite', hidden: true }),
      renderActions(collector)
    ]);
    var open = state.open[collector.id];
    if (open === 'edit') {
      card.appendChild(renderEdit(collector));
    } else if (open === 'history') {
      card.appendChild(renderHistoryPlaceholder(collector));
    } else if (open === 'delete') {
      card.appendChild(renderDeleteConfirmation(collector));
    }
    return card;
  }

  function targetText(collector) {
    if (!collector.targetFolder) {
      return t('inbox');
    }
    if (collector.targetFolderExists === false) {
      return t('folderMissing', { folder: collector.targetFolder });
    }
    return collector.targetFolder;
  }

  function button(textKey, className, onClick, extra) {
    var attributes = Object.assign({ type: 'button', 'class': className }, extra || {});
    var node = el('button', attributes, [t(textKey)]);
    node.addEventListener('click', onClick);
    return node;
  }

  function renderActions(collector) {
    var runnable = collector.status.state === 'active';
    return el('div', { 'class': 'actions' }, [
      button('collectNow', 'collect-now', function (event) {
        collectNow(collector, event.target);
      }, { disabled: !runnable }),
      button('edit', 'secondary edit', function () { toggle(collector, 'edit'); },
        { 'aria-expanded': state.open[collector.id] === 'edit' }),
      button('history', 'secondary history', function () { toggle(collector, 'history'); },
        { 'aria-expanded': state.open[collector.id] === 'history' }),
      button('delete', 'danger delete', function () { toggle(collector, 'delete'); })
    ]);
  }

  function toggle(collector, panel) {
    announce(null);
    state.open[collector.id] = state.open[collector.id] === panel ? null : panel;
    renderList();
    var card = cardOf(collector.id);
    var focus = card && card.querySelector('.panel input, .panel select, .panel button');
    (focus || (card && card.querySelector('.' + panel))).focus();
  }

  function cardOf(id) {
    return document.querySelector('article.collector[data-id="' + id + '"]');
  }

  // --- Collect now -----------------------------------------------------------------------

  function collectNow(collector, trigger) {
    var card = cardOf(collector.id);
    var result = card.querySelector('.result');
    announce(null);
    trigger.disabled = true;
    setResult(result, t('collecting'), 'pending');
    api('POST', '/' + collector.id + '/runs').then(function (answer) {
      if (!answer.ok) {
        setResult(result, errorText(answer), 'failed');
        trigger.disabled = false;
        return;
      }
      awaitRun(collector.id, answer.body.id, 0).then(function (run) {
        refresh().then(function () {
          var fresh = cardOf(collector.id).querySelector('.result');
          setResult(fresh, runResult(run), run.outcome);
        });
      });
    });
  }

  function awaitRun(id, runId, attempt) {
    return api('GET', '/' + id + '/runs/' + runId).then(function (answer) {
      if (answer.ok && answer.body.outcome !== 'running') {
        return answer.body;
      }
      if (attempt > 120) {
        return { outcome: 'running', startedAt: null, messages: 0 };
      }
      return new Promise(function (resolve) { setTimeout(resolve, 1000); })
        .then(function () { return awaitRun(id, runId, attempt + 1); });
    });
  }

  function runResult(run) {
    if (run.outcome === 'running') {
      return t('stillRunning');
    }
    var text = t('result.' + run.outcome, { messages: run.messages, skipped: run.skipped });
    if (run.error) {
      text += ' — ' + problemText(run.error);
    }
    return text;
  }

  function setResult(node, text, outcome) {
    node.textContent = text;
    node.className = 'result result-' + outcome;
    node.hidden = false;
  }

  // --- History ---------------------------------------------------------------------------

  function renderHistoryPlaceholder(collector) {
    var panel = el('section', { 'class': 'panel history-panel' }, [
      el('h3', {}, [t('historyTitle')]), el('p', {}, [t('loading')])]);
    api('GET', '/' + collector.id + '/runs').then(function (answer) {
      panel.removeChild(panel.lastChild);
      panel.appendChild(answer.ok ? historyTable(answer.body) : el('p', { 'class': 'error' },
        [errorText(answer)]));
    });
    return panel;
  }

  function historyTable(runs) {
    if (runs.length === 0) {
      return el('p', {}, [t('noRuns')]);
    }
    var head = el('tr', {}, ['runStarted', 'runTrigger', 'runOutcome', 'runMessages']
      .map(function (key) { return el('th', { scope: 'col' }, [t(key)]); }));
    var rows = runs.map(function (run) {
      var outcome = t('outcome.' + run.outcome) + (run.error ? ' — ' + problemText(run.error)
        : '');
      return el('tr', {}, [
        el('td', { 'data-label': t('runStarted') }, [formatTime(run.startedAt)]),
        el('td', { 'data-label': t('runTrigger') }, [t('trigger.' + run.trigger)]),
        el('td', { 'data-label': t('runOutcome') }, [outcome]),
        el('td', { 'data-label': t('runMessages') }, [String(run.messages)])]);
    });
    return el('div', { 'class': 'table-scroll' }, [el('table', {}, [el('thead', {}, [head]),
      el('tbody', {}, rows)])]);
  }

  // --- Delete ----------------------------------------------------------------------------

  function renderDeleteConfirmation(collector) {
    var message = el('p', { 'class': 'error', role: 'alert', hidden: true });
    var confirm = button('confirmDelete', 'danger confirm-delete', function () {
      api('DELETE', '/' + collector.id).then(function (answer) {
        if (answer.ok) {
          delete state.open[collector.id];
          announce(t('deleted', { name: collector.name }));
          refresh().then(function () { $('add-button').focus(); });
        } else {
          showNode(message, errorText(answer));
        }
      });
    });
    return el('section', { 'class': 'panel delete-panel' }, [
      el('p', {}, [t('deleteQuestion', { name: collector.name })]), message,
      el('div', { 'class': 'actions' }, [confirm,
        button('cancel', 'secondary', function () { toggle(collector, 'delete'); })])
    ]);
  }

  function announce(text) {
    showError('list-message', text);
  }

  function showNode(node, text) {
    node.textContent = text || '';
    node.hidden = !text;
  }

  // --- Forms: fields with their errors ---------------------------------------------------

  var fieldCount = 0;

  function field(name, labelKey, control, help) {
    var id = 'f' + (++fieldCount) + '-' + name;
    control.id = id;
    control.name = name;
    var error = el('p', { id: id + '-error', 'class': 'error field-error', hidden: true,
      'data-field': name });
    control.setAttribute('aria-describedby', id + '-error' + (help ? ' ' + id + '-help' : ''));
    var children = [el('label', { 'for': id }, [t(labelKey)]), control];
    if (help) {
      children.push(el('p', { id: id + '-help', 'class': 'help' }, [help]));
    }
    children.push(error);
    return el('div', { 'class': 'field field-' + name }, children);
  }

  function input(type, value, extra) {
    return el('input', Object.assign({ type: type, value: value }, extra || {}));
  }

  function select(options, value) {
    var node = el('select', {}, options.map(function (option) {
      return el('option', { value: option.value }, [option.label]);
    }));
    node.value = value;
    return node;
  }

  function checkbox(name, labelKey, checked) {
    var id = 'f' + (++fieldCount) + '-' + name;
    var box = el('input', { type: 'checkbox', id: id, name: name });
    box.checked = checked;
    return el('div', { 'class': 'field check field-' + name }, [box,
      el('label', { 'for': id }, [t(labelKey)]),
      el('p', { 'class': 'error field-error', hidden: true, 'data-field': name })]);
  }

  function protocolSelect(value) {
    return select([{ value: 'imap', label: 'IMAP' }, { value: 'pop3', label: 'POP3' }], value);
  }

  function securitySelect(value) {
    return select(['tls', 'starttls', 'none'].map(function (code) {
      return { value: code, label: t('security.' + code) };
    }), value);
  }

  function accessFields(values, passwordHelp) {
    return [
      field('protocol', 'protocol', protocolSelect(values.protocol || 'imap')),
      field('host', 'host', input('text', values.host || '', { autocomplete: 'off',
        spellcheck: 'false', autocapitalize: 'none' })),
      field('port', 'port', input('number', values.port || '', { min: 1, max: 65535,
        inputmode: 'numeric' })),
      field('security', 'security', securitySelect(values.security || 'tls')),
      field('username', 'username', input('text', values.username || '', {
        autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none' })),
      field('password', 'remotePassword', input('password', '', {
        autocomplete: 'new-password' }), passwordHelp)
    ];
  }

  function formValues(form, names) {
    var values = {};
    names.forEach(function (name) {
      var control = form.querySelector('[name="' + name + '"]');
      if (!control) {
        return;
      }
      if (control.type === 'checkbox') {
        values[name] = control.checked;
      } else if (name === 'port') {
        if (control.value !== '') { values.port = Number(control.value); }
      } else if (control.value !== '' || name !== 'password') {
        values[name] = control.value;
      }
    });
    return values;
  }

  function clearErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll('.field-error, .form-error'),
      function (node) { showNode(node, null); });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'),
      function (node) { node.removeAttribute('aria-invalid'); });
  }

  // Puts the answer's message next to the field it concerns, else at the form's foot.
  function showAnswerError(form, answer, formError) {
    var body = answer.body || {};
    var name = body.field || FIELD_OF_CODE[body.code];
    var target = name && form.querySelector('.field-error[data-field="' + name + '"]');
    var text = errorText(answer);
    if (body.hint) {
      text += ' ' + body.hint;
    }
    if (target) {
      showNode(target, text);
      var control = form.querySelector('[name="' + name + '"]');
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    } else {
      showNode(formError, text);
    }
  }

  function busy(form, on) {
    Array.prototype.forEach.call(form.querySelectorAll('button[type="submit"]'),
      function (node) { node.disabled = on; });
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // --- Adding ----------------------------------------------------------------------------

  function openAdd() {
    announce(null);
    show('collectors-view', false);
    show('add-view', true);
    show('lookup-form', true);
    show('create-form', false);
    showError('address-error', null);
    $('address').value = '';
    $('address').focus();
  }

  function closeAdd() {
    show('add-view', false);
    show('collectors-view', true);
    $('add-button').focus();
  }

  function lookup(event) {
    event.preventDefault();
    var address = $('address').value.trim();
    if (!address) {
      showError('address-error', t('addressMissing'));
      return;
    }
    api('GET', '/providers?address=' + encodeURIComponent(address)).then(function (answer) {
      if (answer.ok) {
        showCreateForm(address, answer.body);
      } else if (answer.status === 404) {
        showCreateForm(address, null, t('noPreset'));
      } else {
        showError('address-error', errorText(answer));
      }
    });
  }

  function showCreateForm(address, preset, notice) {
    var best = preset && preset.settings.length ? preset.settings[0] : {};
    var local = address.indexOf('@') > 0 ? address : '';
    var values = { protocol: best.protocol, host: best.host, port: best.port,
      security: best.security, username: local };
    var fields = $('create-fields');
    fields.textContent = '';
    fields.appendChild(field('name', 'name', input('text', defaultName(preset, address),
      { maxlength: 64 })));
    accessFields(values).forEach(function (node) { fields.appendChild(node); });
    var providerText = preset ? t('providerFound', { provider: preset.provider || preset.domain })
      : notice;
    showError('provider', providerText || null);
    showError('provider-hint', preset && preset.hint ? preset.hint : null);
    showError('create-error', null);
    show('lookup-form', false);
    show('create-form', true);
    var focus = preset ? 'password' : (address ? 'host' : 'name');
    $('create-form').querySelector('[name="' + focus + '"]').focus();
  }

  function defaultName(preset, address) {
    if (preset && preset.provider) {
      return preset.provider;
    }
    return address || '';
  }

  function create(event) {
    event.preventDefault();
    var form = $('create-form');
    clearErrors(form);
    showError('create-error', null);
    var body = formValues(form, ['name'].concat(ACCESS_FIELDS));
    busy(form, true);
    $('create-button').textContent = t('checking');
    api('POST', '', body).then(function (answer) {
      busy(form, false);
      $('create-button').textContent = t('create');
      if (answer.ok) {
        announce(t('created', { name: answer.body.name }));
        show('add-view', false);
        show('collectors-view', true);
        refresh().then(function () { $('add-button').focus(); });
      } else {
        showAnswerError(form, answer, $('create-error'));
      }
    });
  }

  // --- Editing ---------------------------------------------------------------------------

  function renderEdit(collector) {
    return el('section', { 'class': 'panel edit-panel' }, [
      el('h3', {}, [t('editTitle')]),
      editForm(collector, 'access', 'editAccess', accessFields(collector, t('passwordUnchanged')),
        ACCESS_FIELDS),
      editForm(collector, 'retention', 'editRetention', retentionFields(collector),
        ['fetchAll', 'deleteAfterFetch']),
      editForm(collector, 'target', 'editTarget', [targetField(collector)], ['targetFolder']),
      editForm(collector, 'enabled', 'editEnabled',
        [checkbox('enabled', 'enabled', collector.enabled)], ['enabled'])
    ]);
  }

  function retentionFields(collector) {
    var all = checkbox('fetchAll', 'fetchAll', collector.fetchAll);
    var keep = checkbox('deleteAfterFetch', 'deleteAfterFetch', collector.deleteAfterFetch);
    var allBox = all.querySelector('input');
    var deleteBox = keep.querySelector('input');
    function follow() {
      if (allBox.checked) {
        deleteBox.checked = true;
      }
      deleteBox.disabled = allBox.checked;
      keep.classList.toggle('disabled', allBox.checked);
    }
    allBox.addEventListener('change', follow);
    follow();
    return [all, keep, el('p', { 'class': 'help' }, [t('fetchAllHelp')])];
  }

  function targetField(collector) {
    var options = [{ value: '', label: t('inbox') }];
    var names = state.folders.slice();
    if (collector.targetFolder && names.indexOf(collector.targetFolder) < 0) {
      names.push(collector.targetFolder);
    }
    names.forEach(function (name) { options.push({ value: name, label: name }); });
    return field('targetFolder', 'targetFolder', select(options, collector.targetFolder || ''));
  }

  function editForm(collector, kind, titleKey, fields, names) {
    var formError = el('p', { 'class': 'error form-error', role: 'alert', hidden: true });
    var submit = el('button', { type: 'submit' }, [t('save')]);
    var form = el('form', { 'class': 'edit-' + kind, novalidate: true }, [
      el('fieldset', {}, [el('legend', {}, [t(titleKey)])].concat(fields,
        [formError, el('div', { 'class': 'actions' }, [submit])]))
    ]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save(collector, form, names, formError, submit);
    });
    return form;
  }

  function patchBody(form, names) {
    var body = formValues(form, names);
    if ('targetFolder' in body && body.targetFolder === '') {
      body.targetFolder = null;
    }
    if (body.fetchAll === true) {
      delete body.deleteAfterFetch;
    }
    return body;
  }

  function save(collector, form, names, formError, submit) {
    clearErrors(form);
    busy(form, true);
    submit.textContent = t('checking');
    api('PATCH', '/' + collector.id, patchBody(form, names)).then(function (answer) {
      busy(form, false);
      submit.textContent = t('save');
      if (answer.ok) {
        state.open[collector.id] = null;
        announce(t('saved', { name: answer.body.name }));
        refresh().then(function () {
          var card = cardOf(collector.id);
          if (card) { card.querySelector('.edit').focus(); }
        });
      } else {
        showAnswerError(form, answer, formError);
      }
    });
  }

  // --- Start -----------------------------------------------------------------------------

  function start() {
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', function () { signOut(); });
    $('language').addEventListener('change', switchLanguage);
    $('add-button').addEventListener('click', openAdd);
    $('lookup-form').addEventListener('submit', lookup);
    $('by-hand').addEventListener('click', function () {
      showCreateForm($('address').value.trim(), null);
    });
    $('create-form').addEventListener('submit', create);
    Array.prototype.forEach.call(document.querySelectorAll('.cancel-add'), function (node) {
      node.addEventListener('click', closeAdd);
    });
    loadLanguage(browserLanguage()).then(function () {
      show('loading', false);
      show('sign-in-view', true);
      $('login').focus();
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
