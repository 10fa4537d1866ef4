// Complaint Desk portal: files and follows a complaint through the public API (/api/complaints).
// Text from the server is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  // The page's words come from the server in the page's language (GET /api/portal/words: the message bundles'
  // portal.page.* and portal.field.*, the categories with the enum's labels); this file holds none of its own.
  var words = {};

  // which input a field named in a problem belongs to, per form (ids are the field names unless mapped here)
  var FIELD_INPUTS = {
    file: {
      'transactions[0].reference': 'transactionReference', 'transactions[0].occurredAt': 'transactionTime',
      'transactions[0].amount': 'transactionAmount', 'transactions[0].feeCharged': 'feeCharged'
    },
    upload: { files: 'evidenceFiles', description: 'evidenceDescription', evidenceType: 'evidenceFiles' },
    answer: {},
    survey: { score: 'surveyScore', comment: 'surveyComment' },
    lookup: { 'X-Access-Code': 'lookupCode' }
  };

  function inputFor(field, context) {
    var map = FIELD_INPUTS[context] || {};
    var id = map[field] || (/^files\[\d+\]$/.test(field) ? 'evidenceFiles' : field);
    return (context === 'file' || context === 'answer' || map[field] || id === 'evidenceFiles') ? $(id) : null;
  }

  var lang = localStorage.getItem('portal.lang') === 'en' ? 'en' : 'zh';
  var current = null; // {number, code, view}

  function t(key, arg) {
    var text = (words[key] !== undefined ? words[key] : key);
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function $(id) { return document.getElementById(id); }

  function applyLanguage() {
    return call('GET', '/api/portal/words', {}).then(function (result) {
      if (result.response.status !== 200 || !result.body) { say('error', 'HTTP ' + result.response.status); return; }
      words = result.body.words;
      document.documentElement.lang = result.body.language;
      document.title = t('page.title') + (lang === 'zh' ? ' Complaint Desk' : '');
      document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
      fillCategories(result.body.categories);
      var button = $('language');
      button.textContent = result.body.otherLanguage;
      button.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
      button.setAttribute('aria-label', result.body.switchLabel);
      loadNotice();
      // labels come from the server in the page's language: ask again
      if (current && current.view) { load(current.number, current.code, false); }
    }, function () { say('error', t('page.networkError')); });
  }

  // the categories' options after the "please choose" one, keeping the choice made
  function fillCategories(categories) {
    var select = $('category');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    (categories || []).forEach(function (c) {
      var option = document.createElement('option');
      option.value = c.value;
      option.textContent = c.label;
      select.appendChild(option);
    });
    select.value = chosen;
  }

  function loadNotice() {
    call('GET', '/api/portal/notice', {}).then(function (result) {
      if (result.response.status !== 200 || !result.body) { return; }
      $('contact').textContent = result.body.contact;
      $('privacy').textContent = result.body.privacy;
    }, function () { /* the page works without it */ });
  }

  // ---- messages ----

  function clearMessages() {
    $('messages').replaceChildren();
    document.querySelectorAll('[aria-invalid=true]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  function say(kind, text, details) {
    var box = document.createElement('div');
    box.className = kind;
    if (kind === 'error') { box.setAttribute('role', 'alert'); }
    var p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
    if (details && details.length) {
      var list = document.createElement('ul');
      details.forEach(function (line) {
        var li = document.createElement('li');
        li.textContent = line;
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    $('messages').replaceChildren(box);
    box.scrollIntoView({ block: 'nearest' });
  }

  function problem(response, body, context) {
    if (response.status === 404) { say('error', t('page.notFound')); return; }
    if (response.status === 429) { say('error', t('page.tooMany')); return; }
    var errors = (body && Array.isArray(body.errors)) ? body.errors : [];
    errors.forEach(function (e) {
      var input = inputFor(e.field, context);
      if (input) { input.setAttribute('aria-invalid', 'true'); }
    });
    var detail = body && (body.detail || body.title) ? String(body.detail || body.title) : ('HTTP ' + response.status);
    say('error', errors.length ? t('page.fieldErrors') : detail, errors.map(function (e) {
      var input = inputFor(e.field, context);
      // the server names the field's label in the page's language; else the input's label, else the field's name
      var label = e.label || (input && input.labels && input.labels.length ? input.labels[0].textContent.replace(/\s*\*$/, '') : e.field);
      return label + ': ' + e.message;
    }));
  }

  function call(method, url, options) {
    // the server answers in the page's language: labels, validation messages, the notice
    var init = { method: method, headers: { 'Accept': 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' } };
    if (options.json !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    }
    if (options.form) { init.body = options.form; }
    if (options.code) { init.headers['X-Access-Code'] = options.code; }
    if (options.key) { init.headers['Idempotency-Key'] = options.key; }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (ignored) { body = null; }
        return { response: response, body: body };
      });
    });
  }

  function busy(form, on) {
    form.querySelectorAll('button').forEach(function (b) { b.disabled = on; });
  }

  function value(id) { var v = $(id).value.trim(); return v === '' ? null : v; }

  function number(id) {
    var v = value(id);
    if (v === null) { return null; }
    return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v; // a non-number goes as text: the server names the field
  }

  function path(numberText) { return '/api/complaints/' + encodeURIComponent(numberText); }

  // ---- filing ----

  function fileComplaint(event) {
    event.preventDefault();
    clearMessages();
    var form = event.target;
    var request = {
      complainantName: value('complainantName'), complainantPhone: value('complainantPhone'),
      complainantEmail: value('complainantEmail'), merchantId: value('merchantId'), terminalSerial: value('terminalSerial'),
      category: value('category'), viaSalesPromotion: $('viaSalesPromotion').checked, description: value('description'),
      contractedRatePercent: number('contractedRatePercent')
    };
    var reference = value('transactionReference');
    if (reference || value('transactionAmount') || value('feeCharged')) {
      var time = value('transactionTime');
      request.transactions = [{
        reference: reference, amount: number('transactionAmount'), feeCharged: number('feeCharged'),
        occurredAt: time ? new Date(time).toISOString() : null
      }];
    }
    // the same key on a retry of this same submission: a lost answer never files the complaint twice
    var key = form.dataset.key || (form.dataset.key = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()));
    busy(form, true);
    call('POST', '/api/complaints', { json: request, key: key }).then(function (result) {
      busy(form, false);
      if (result.response.status !== 201) { problem(result.response, result.body, 'file'); return; }
      delete form.dataset.key;
      var filed = result.body;
      $('filed-number').textContent = filed.complaintNumber;
      $('filed-code').textContent = filed.accessCode;
      $('filed-due').textContent = filed.decisionDueDate;
      $('filed').hidden = false;
      form.hidden = true;
      say('ok', t('page.filedOk', filed.complaintNumber));
      $('lookupNumber').value = filed.complaintNumber;
      $('lookupCode').value = filed.accessCode;
      load(filed.complaintNumber, filed.accessCode, false);
      $('filed').focus();
    }, function () { busy(form, false); say('error', t('page.networkError')); });
  }

  // ---- following ----

  function lookup(event) {
    event.preventDefault();
    clearMessages();
    load(value('lookupNumber') || '', value('lookupCode') || '', true);
  }

  function load(numberText, code, focus) {
    return call('GET', path(numberText.toUpperCase()), { code: code }).then(function (result) {
      if (result.response.status !== 200) { $('complaint').hidden = true; problem(result.response, result.body, 'lookup'); return; }
      current = { number: result.body.complaintNumber, code: code, view: result.body };
      showComplaint(result.body);
      if (focus) { $('complaint').focus(); }
    }, function () { say('error', t('page.networkError')); });
  }

  function dateTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function showComplaint(view) {
    $('c-number').textContent = view.complaintNumber;
    $('c-status').textContent = view.statusLabel || view.status;
    $('c-department').textContent = view.departmentName || view.department || t('page.notRouted');
    $('c-registered').textContent = dateTime(view.registeredAt);
    $('c-due').textContent = view.decisionDueDate || '';
    var waiting = view.waitingFor || [];
    $('c-waiting').textContent = waiting.length ? waiting.map(function (w) { return t('page.wait.' + w); }).join('; ') : t('page.nothing');
    // once closed: the outcome and what we wrote, not what we wait for
    var closed = view.status === 'CLOSED';
    $('c-waiting-term').hidden = closed;
    $('c-waiting').hidden = closed;
    $('c-outcome-term').hidden = !closed;
    $('c-outcome').hidden = !closed;
    $('c-outcome').textContent = view.outcomeLabel || '';
    $('c-closing').hidden = !(closed && view.closingSummary);
    $('c-closing').textContent = view.closingSummary || '';

    var offer = view.offer;
    $('offer').hidden = !(offer && waiting.indexOf('SETTLEMENT_RESPONSE') >= 0);
    if (offer) {
      $('offer-remedy').textContent = offer.remedyLabel || offer.remedy;
      $('offer-amount').textContent = offer.amount && Number(offer.amount) > 0 ? ('¥' + offer.amount + ' ' + t('page.yuan')) : '';
      $('offer-reason').textContent = offer.reason || '';
      $('offer-reason-line').hidden = !offer.reason;
      $('offer-by').textContent = offer.answerBy || '';
      $('offer-by-line').hidden = !offer.answerBy;
    }
    $('upload').hidden = view.status === 'CLOSED' || view.filesLeft <= 0;
    $('survey').hidden = !view.surveyOpen;

    var list = $('c-evidence');
    list.replaceChildren();
    (view.evidence || []).forEach(function (e) {
      var li = document.createElement('li');
      var name = document.createElement('strong');
      name.textContent = e.fileName || e.evidenceType;
      li.appendChild(name);
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = [e.contentType, e.sizeBytes != null ? Math.max(1, Math.round(e.sizeBytes / 1024)) + ' KB' : null,
        dateTime(e.addedAt), e.sha256 ? 'SHA-256 ' + e.sha256.substring(0, 16) + '…' : null]
        .filter(function (x) { return x; }).join(' · ');
      li.appendChild(meta);
      list.appendChild(li);
    });
    $('c-evidence-empty').hidden = (view.evidence || []).length > 0;

    var agreements = $('c-agreements');
    agreements.replaceChildren();
    (view.agreements || []).forEach(function (a) {
      var head = document.createElement('p');
      var number = document.createElement('strong');
      number.textContent = a.agreementNumber;
      head.appendChild(number);
      head.appendChild(document.createTextNode(' · ' + (a.signed ? t('page.agreementSigned') + (a.signedOn ? ' ' + a.signedOn : '') : t('page.agreementUnsigned'))));
      agreements.appendChild(head);
      var text = document.createElement('pre');
      text.className = 'agreement';
      text.textContent = a.text;
      agreements.appendChild(text);
      var digest = document.createElement('p');
      digest.className = 'meta';
      digest.textContent = t('page.agreementDigest') + ': ' + a.sha256;
      agreements.appendChild(digest);
    });
    $('c-agreements-block').hidden = !(view.agreements || []).length;

    var timeline = $('c-timeline');
    timeline.replaceChildren();
    (view.timeline || []).forEach(function (entry) {
      var li = document.createElement('li');
      var time = document.createElement('time');
      time.dateTime = entry.at;
      time.textContent = dateTime(entry.at);
      li.appendChild(time);
      var title = document.createElement('strong');
      title.textContent = entry.title || entry.milestone;
      li.appendChild(title);
      if (entry.detail) { li.appendChild(document.createTextNode(' — ' + entry.detail)); }
      timeline.appendChild(li);
    });
    $('complaint').hidden = false;
  }

  function uploadEvidence(event) {
    event.preventDefault();
    clearMessages();
    var input = $('evidenceFiles');
    if (!current || !input.files.length) { input.setAttribute('aria-invalid', 'true'); say('error', t('page.chooseFiles')); return; }
    var form = new FormData();
    Array.prototype.forEach.call(input.files, function (file) { form.append('files', file, file.name); });
    var note = value('evidenceDescription');
    if (note) { form.append('description', note); }
    busy(event.target, true);
    call('POST', path(current.number) + '/evidence', { form: form, code: current.code }).then(function (result) {
      busy(event.target, false);
      if (result.response.status !== 201) { problem(result.response, result.body, 'upload'); return; }
      input.value = '';
      $('evidenceDescription').value = '';
      current.view = result.body;
      showComplaint(result.body);
      say('ok', t('page.uploadedOk'));
    }, function () { busy(event.target, false); say('error', t('page.networkError')); });
  }

  function answerOffer(event) {
    event.preventDefault();
    clearMessages();
    var chosen = document.querySelector('input[name=answer]:checked');
    if (!chosen) { say('error', t('page.chooseAnswer')); return; }
    var answer = { answer: chosen.value, counterAmount: chosen.value === 'COUNTER' ? number('counterAmount') : null,
      counterReason: value('counterReason') };
    busy(event.target, true);
    call('POST', path(current.number) + '/settlement-response', { json: answer, code: current.code }).then(function (result) {
      busy(event.target, false);
      if (result.response.status !== 200) { problem(result.response, result.body, 'answer'); return; }
      current.view = result.body;
      showComplaint(result.body);
      say('ok', t('page.answeredOk'));
    }, function () { busy(event.target, false); say('error', t('page.networkError')); });
  }

  function giveSurvey(event) {
    event.preventDefault();
    clearMessages();
    var survey = { score: Number($('surveyScore').value), comment: value('surveyComment') };
    busy(event.target, true);
    call('POST', path(current.number) + '/survey', { json: survey, code: current.code }).then(function (result) {
      busy(event.target, false);
      if (result.response.status !== 201) { problem(result.response, result.body, 'survey'); return; }
      say('ok', t('page.surveyOk'));
      load(current.number, current.code, false);
    }, function () { busy(event.target, false); say('error', t('page.networkError')); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('language').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('portal.lang', lang);
      applyLanguage();
    });
    $('file-form').addEventListener('submit', fileComplaint);
    $('lookup-form').addEventListener('submit', lookup);
    $('upload-form').addEventListener('submit', uploadEvidence);
    $('answer-form').addEventListener('submit', answerOffer);
    $('survey-form').addEventListener('submit', giveSurvey);
    applyLanguage();
  });
})();
