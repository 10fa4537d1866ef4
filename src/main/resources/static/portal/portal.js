// Complaint Desk portal: files and follows a complaint through the public API (/api/complaints).
// Text from the server is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  var TEXT = {
    zh: {
      title: '商户投诉服务', navFile: '提交投诉', navFollow: '查询进度', fileHeading: '提交投诉',
      fileIntro: '请描述您遇到的 POS 终端问题。带 * 的为必填项。', complainantName: '联系人姓名', complainantPhone: '联系电话',
      complainantEmail: '电子邮箱', merchantId: '商户号', terminalSerial: '终端序列号', category: '问题类别', choose: '请选择',
      cat_TECHNICAL_FAULT: '终端故障', cat_FEE_DISPUTE: '手续费争议', cat_APPLICATION_PROCESS: '申请办理',
      cat_BRAND_MARKETING: '品牌与推广', cat_PRODUCT_QUALITY: '产品质量', cat_SERVICE_QUALITY: '服务质量',
      cat_COMPLIANCE: '合规问题', cat_OTHER: '其他', viaSalesPromotion: '通过促销活动或代理人办理', description: '问题描述',
      descriptionHint: '请勿填写完整卡号；卡号会被自动遮盖。', feeLegend: '手续费争议（可选）',
      contractedRatePercent: '签约费率 (%)', transactionReference: '交易参考号', transactionTime: '交易时间',
      transactionAmount: '交易金额（元）', feeCharged: '收取手续费（元）', submitComplaint: '提交投诉',
      filedHeading: '投诉已提交', complaintNumber: '投诉编号', accessCode: '查询码', decisionDueDate: '答复期限',
      saveCode: '请立即保存投诉编号和查询码：查询码只显示这一次，无法找回。', followHeading: '查询进度', lookup: '查询',
      complaint: '投诉', status: '状态', department: '承办部门', registeredAt: '提交时间', waitingFor: '需要您',
      offerHeading: '处理方案', remedy: '方案', yourAnswer: '您的答复', accept: '接受', reject: '拒绝', counter: '提出还价',
      counterAmount: '期望金额（元，还价时必填）', counterReason: '理由', sendAnswer: '提交答复', uploadHeading: '上传证据',
      uploadHint: '交易记录、故障照片等：PDF、JPEG、PNG、CSV 或 XLSX，每个文件不超过 10 MB。', files: '文件',
      evidenceDescription: '说明（可选）', upload: '上传', surveyHeading: '满意度评价',
      score: '评分（1 很不满意 – 5 很满意）', comment: '意见（可选）', sendSurvey: '提交评价', evidenceHeading: '证据',
      noEvidence: '暂无证据。', timelineHeading: '处理记录',
      footer: '如对处理结果不满意，可拨打中国人民银行金融消费者投诉热线 12363 或市场监管投诉热线 12315。',
      apiLink: '接口文档 (API)', language: 'English', languageLabel: 'Switch to English',
      nothing: '暂无，我们正在处理', wait_EVIDENCE: '请上传证据', wait_SETTLEMENT_RESPONSE: '请答复处理方案',
      notRouted: '待分派', filedOk: '投诉已提交，编号 {0}。', uploadedOk: '证据已上传。', answeredOk: '答复已提交。',
      surveyOk: '感谢您的评价。', chooseFiles: '请选择要上传的文件。', chooseAnswer: '请选择答复。',
      fieldErrors: '请修改以下内容：', networkError: '无法连接服务器，请稍后再试。', tooMany: '请求过于频繁，请稍后再试。',
      notFound: '未找到该投诉，请核对投诉编号和查询码。', yuan: '元',
      outcome: '处理结果', offerReason: '理由', answerBy: '请于此日期前答复', agreementsHeading: '和解协议',
      agreementSigned: '已签署', agreementUnsigned: '待签署', agreementDigest: '文本 SHA-256 校验值'
    },
    en: {
      title: 'Merchant complaints', navFile: 'File a complaint', navFollow: 'Check status', fileHeading: 'File a complaint',
      fileIntro: 'Tell us about the problem with your POS terminal. Fields marked * are required.',
      complainantName: 'Contact name', complainantPhone: 'Phone', complainantEmail: 'E-mail', merchantId: 'Merchant number',
      terminalSerial: 'Terminal serial number', category: 'Kind of problem', choose: 'Please choose',
      cat_TECHNICAL_FAULT: 'Terminal fault', cat_FEE_DISPUTE: 'Fee dispute', cat_APPLICATION_PROCESS: 'Application',
      cat_BRAND_MARKETING: 'Brand and promotion', cat_PRODUCT_QUALITY: 'Product quality', cat_SERVICE_QUALITY: 'Service quality',
      cat_COMPLIANCE: 'Compliance', cat_OTHER: 'Other', viaSalesPromotion: 'Signed up through a promotion or a sales agent',
      description: 'What happened', descriptionHint: 'Do not enter a full card number; card numbers are masked automatically.',
      feeLegend: 'Fee dispute (optional)', contractedRatePercent: 'Contracted rate (%)',
      transactionReference: 'Transaction reference', transactionTime: 'Transaction time', transactionAmount: 'Amount (yuan)',
      feeCharged: 'Fee charged (yuan)', submitComplaint: 'Send complaint', filedHeading: 'Complaint filed',
      complaintNumber: 'Complaint number', accessCode: 'Access code', decisionDueDate: 'Decision due by',
      saveCode: 'Save the complaint number and the access code now: the code is shown only this once and cannot be recovered.',
      followHeading: 'Check status', lookup: 'Look up', complaint: 'Complaint', status: 'Status', department: 'Department',
      registeredAt: 'Filed', waitingFor: 'Waiting for you', offerHeading: 'Our proposal', remedy: 'Remedy',
      yourAnswer: 'Your answer', accept: 'Accept', reject: 'Reject', counter: 'Counter-offer',
      counterAmount: 'Amount you ask for (yuan, for a counter-offer)', counterReason: 'Reason', sendAnswer: 'Send answer',
      uploadHeading: 'Upload evidence',
      uploadHint: 'Transaction records, fault photos: PDF, JPEG, PNG, CSV or XLSX, at most 10 MB each.', files: 'Files',
      evidenceDescription: 'Note (optional)', upload: 'Upload', surveyHeading: 'How did we do?',
      score: 'Score (1 very unhappy – 5 very happy)', comment: 'Comment (optional)', sendSurvey: 'Send',
      evidenceHeading: 'Evidence', noEvidence: 'No evidence yet.', timelineHeading: 'History',
      footer: 'Not satisfied with the outcome? Call the PBoC financial consumer hotline 12363 or the market regulator on 12315.',
      apiLink: 'API documentation', language: '中文', languageLabel: '切换到中文',
      nothing: 'Nothing: we are working on it', wait_EVIDENCE: 'Please upload evidence',
      wait_SETTLEMENT_RESPONSE: 'Please answer our proposal', notRouted: 'not yet assigned',
      filedOk: 'Complaint filed, number {0}.', uploadedOk: 'Evidence uploaded.', answeredOk: 'Answer sent.',
      surveyOk: 'Thank you for your feedback.', chooseFiles: 'Choose the files to upload.', chooseAnswer: 'Choose an answer.',
      fieldErrors: 'Please correct the following:', networkError: 'The server cannot be reached; please try again later.',
      tooMany: 'Too many requests; please wait a moment and try again.',
      notFound: 'No complaint found: check the complaint number and the access code.', yuan: 'yuan',
      outcome: 'Outcome', offerReason: 'Reason', answerBy: 'Please answer by', agreementsHeading: 'Settlement agreement',
      agreementSigned: 'signed', agreementUnsigned: 'awaiting signature', agreementDigest: 'SHA-256 of the text'
    }
  };

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
    var text = (TEXT[lang][key] !== undefined ? TEXT[lang][key] : key);
    return arg === undefined ? text : text.replace('{0}', arg);
  }

  function $(id) { return document.getElementById(id); }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title') + (lang === 'zh' ? ' Complaint Desk' : '');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    var button = $('language');
    button.textContent = t('language');
    button.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    button.setAttribute('aria-label', t('languageLabel'));
    loadNotice();
    // labels come from the server in the page's language: ask again
    if (current && current.view) { load(current.number, current.code, false); }
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
    if (response.status === 404) { say('error', t('notFound')); return; }
    if (response.status === 429) { say('error', t('tooMany')); return; }
    var errors = (body && Array.isArray(body.errors)) ? body.errors : [];
    errors.forEach(function (e) {
      var input = inputFor(e.field, context);
      if (input) { input.setAttribute('aria-invalid', 'true'); }
    });
    var detail = body && (body.detail || body.title) ? String(body.detail || body.title) : ('HTTP ' + response.status);
    say('error', errors.length ? t('fieldErrors') : detail, errors.map(function (e) {
      var input = inputFor(e.field, context);
      var label = input && input.labels && input.labels.length ? input.labels[0].textContent.replace(/\s*\*$/, '') : e.field;
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
      say('ok', t('filedOk', filed.complaintNumber));
      $('lookupNumber').value = filed.complaintNumber;
      $('lookupCode').value = filed.accessCode;
      load(filed.complaintNumber, filed.accessCode, false);
      $('filed').focus();
    }, function () { busy(form, false); say('error', t('networkError')); });
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
    }, function () { say('error', t('networkError')); });
  }

  function dateTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function showComplaint(view) {
    $('c-number').textContent = view.complaintNumber;
    $('c-status').textContent = view.statusLabel || view.status;
    $('c-department').textContent = view.departmentName || view.department || t('notRouted');
    $('c-registered').textContent = dateTime(view.registeredAt);
    $('c-due').textContent = view.decisionDueDate || '';
    var waiting = view.waitingFor || [];
    $('c-waiting').textContent = waiting.length ? waiting.map(function (w) { return t('wait_' + w); }).join('; ') : t('nothing');
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
      $('offer-amount').textContent = offer.amount && Number(offer.amount) > 0 ? ('¥' + offer.amount + ' ' + t('yuan')) : '';
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
      head.appendChild(document.createTextNode(' · ' + (a.signed ? t('agreementSigned') + (a.signedOn ? ' ' + a.signedOn : '') : t('agreementUnsigned'))));
      agreements.appendChild(head);
      var text = document.createElement('pre');
      text.className = 'agreement';
      text.textContent = a.text;
      agreements.appendChild(text);
      var digest = document.createElement('p');
      digest.className = 'meta';
      digest.textContent = t('agreementDigest') + ': ' + a.sha256;
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
    if (!current || !input.files.length) { input.setAttribute('aria-invalid', 'true'); say('error', t('chooseFiles')); return; }
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
      say('ok', t('uploadedOk'));
    }, function () { busy(event.target, false); say('error', t('networkError')); });
  }

  function answerOffer(event) {
    event.preventDefault();
    clearMessages();
    var chosen = document.querySelector('input[name=answer]:checked');
    if (!chosen) { say('error', t('chooseAnswer')); return; }
    var answer = { answer: chosen.value, counterAmount: chosen.value === 'COUNTER' ? number('counterAmount') : null,
      counterReason: value('counterReason') };
    busy(event.target, true);
    call('POST', path(current.number) + '/settlement-response', { json: answer, code: current.code }).then(function (result) {
      busy(event.target, false);
      if (result.response.status !== 200) { problem(result.response, result.body, 'answer'); return; }
      current.view = result.body;
      showComplaint(result.body);
      say('ok', t('answeredOk'));
    }, function () { busy(event.target, false); say('error', t('networkError')); });
  }

  function giveSurvey(event) {
    event.preventDefault();
    clearMessages();
    var survey = { score: Number($('surveyScore').value), comment: value('surveyComment') };
    busy(event.target, true);
    call('POST', path(current.number) + '/survey', { json: survey, code: current.code }).then(function (result) {
      busy(event.target, false);
      if (result.response.status !== 201) { problem(result.response, result.body, 'survey'); return; }
      say('ok', t('surveyOk'));
      load(current.number, current.code, false);
    }, function () { busy(event.target, false); say('error', t('networkError')); });
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
