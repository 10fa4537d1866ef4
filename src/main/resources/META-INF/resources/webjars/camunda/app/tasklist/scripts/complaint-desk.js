// Complaint Desk's additions to Camunda Tasklist 7.24, loaded through config.js `customScripts` (a plain ES module,
// no build). What Tasklist's configuration cannot do (see docs/tasklist.md):
//  1. after Start, the new complaint's number is shown with a link to its first task;
//  2. a correction always frees Complete: Tasklist keeps Complete disabled while form-js's errors have any key, and
//     form-js keeps the key of a corrected field (value undefined) and the error of a field a later choice hides;
//     cleared keys are dropped and the shown fields validated again after each change;
//  3. form-js's validation messages in Chinese with English, never a regular expression; the server's refusals
//     without the engine's codes and class names, naming the field by its label;
//  4. dates typed and shown in the forms as yyyy-mm-dd, whatever the browser's language;
//  5. relative times ("2 天后", "in 2 days") in the language Tasklist speaks;
//  6. the task list's priority in words;
//  7. a task that is not the clerk's (another department's, by URL) named plainly, and out of the way of the next;
//  8. a Complete refused by the form itself named as such (not as a failed submission), and gone once corrected.

const ZH = (navigator.languages && navigator.languages[0] || navigator.language || '').toLowerCase().startsWith('zh');

// ---- 4. yyyy-mm-dd in form-js date fields ----
// form-js derives its date pattern from `new Intl.DateTimeFormat('default')` (the browser's locale: m/d/yyyy in
// en-US, yyyy/m/d in zh-CN); that one call, without options, gets a locale that writes ISO dates
const NativeDateTimeFormat = Intl.DateTimeFormat;
function IsoDateTimeFormat(locales, options) {
  const iso = (locales === undefined || locales === 'default') && options === undefined;
  return new NativeDateTimeFormat(iso ? 'sv-SE' : locales, options);
}
IsoDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
IsoDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = IsoDateTimeFormat;

// ---- 3. form-js's messages ----
const MESSAGES = [
  [/^Field is required\.$/, () => '请填写此项 This field is required.'],
  [/^Field must match pattern .*$/s, () => '格式不正确，请按提示填写 The format is not valid: see the hint.'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]} Must be at least ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]} Must be at most ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, m => `至少 ${m[1]} 个字符 At least ${m[1]} characters.`],
  [/^Field must have maximum length of (.+)\.$/, m => `最多 ${m[1]} 个字符 At most ${m[1]} characters.`],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮件地址 Enter a valid e-mail address.'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的国际电话号码，如 +8613800138000 Enter an international phone number.'],
  [/^Value is not a number\.$/, () => '请填写数字 Enter a number.'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数 Enter a whole number.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `最多 ${m[1]} 位小数 At most ${m[1]} decimal places.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `请选择有效的值，最接近的是 ${m[1]} 或 ${m[2]} Choose a valid value: the nearest are ${m[1]} and ${m[2]}.`]
];

export function translateValidation(message) {
  for (const [pattern, words] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) {
      return words(match);
    }
  }
  return message;
}

// ---- Tasklist's webpack modules ----
function webpackRequire() {
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let require = null;
  chunks.push([[`complaint-desk-${Date.now()}-${Math.random()}`], {}, r => { require = r; }]);
  return require;
}

// ---- 5. relative times in Tasklist's language ----
// Tasklist gives moment.js the date words of each locale file it loads: the browser's language and the fallback (en).
// moment's defineLocale and updateLocale also make that locale the global one, so whichever file arrives last decides
// the language of "2 天后" / "in 2 days". The global locale is kept to the one Tasklist chose (its rule: the browser's
// first language, when available, else en).
export const UI_LOCALE = ZH ? 'zh' : 'en';

function keepMomentLocale() {
  const require = webpackRequire();
  if (!require) {
    return false;
  }
  let found = false;
  for (const id of Object.keys(require.m)) {
    const source = String(require.m[id]);
    if (!source.includes('.updateLocale=') || !source.includes('.defineLocale=') || !source.includes('relativeTimeRounding')) {
      continue;
    }
    const moment = require(id);
    if (typeof moment !== 'function' || typeof moment.updateLocale !== 'function' || moment.__complaintDesk) {
      continue;
    }
    const keep = result => {
      if (moment.locales().includes(UI_LOCALE)) {
        moment.locale(UI_LOCALE);
      }
      return result;
    };
    const defineLocale = moment.defineLocale;
    const updateLocale = moment.updateLocale;
    moment.defineLocale = (...args) => keep(defineLocale.apply(moment, args));
    moment.updateLocale = (...args) => keep(updateLocale.apply(moment, args));
    moment.__complaintDesk = true;
    keep();
    found = true;
  }
  return found;
}

try {
  if (!keepMomentLocale()) {
    console.warn('Complaint Desk: moment.js not found in Tasklist; relative times follow the last locale file loaded');
  }
} catch (e) {
  console.warn('Complaint Desk: could not keep the locale of relative times', e);
}

// ---- 2. and 3.: form-js's Form, found in Tasklist's webpack modules ----
function formJsFormClass() {
  const require = webpackRequire();
  if (!require) {
    return null;
  }
  for (const id of Object.keys(require.m)) {
    if (!String(require.m[id]).includes('importSchema(e,t={})')) {
      continue;
    }
    const exports = require(id);
    const found = Object.values(exports).find(value => typeof value === 'function'
      && value.prototype && typeof value.prototype.importSchema === 'function' && typeof value.prototype.validate === 'function');
    if (found) {
      return found;
    }
  }
  return null;
}

function translateMessagesOf(form) {
  const validator = form.get('validator');
  if (validator && !validator.__complaintDesk) {
    const validateFieldInstance = validator.validateFieldInstance.bind(validator);
    validator.validateFieldInstance = (...args) => validateFieldInstance(...args).map(translateValidation);
    validator.__complaintDesk = true;
  }
}

// form-js clears a corrected field's error by setting it to undefined, keeping the key; Tasklist counts keys
function withoutClearedErrors(errors) {
  const kept = {};
  Object.entries(errors || {}).forEach(([key, value]) => {
    const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0)
      || (typeof value === 'object' && !Array.isArray(value) && Object.keys(withoutClearedErrors(value)).length === 0);
    if (!empty) {
      kept[key] = value;
    }
  });
  return kept;
}

function patchForms(Form) {
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    translateMessagesOf(this);
    const next = state && state.errors ? { ...state, errors: withoutClearedErrors(state.errors) } : state;
    setState.call(this, next);
    const errors = this._getState().errors || {};
    if (next && next.data && Object.keys(errors).length) {
      // once the fields a choice hides have left the form (after the next render), validate again and keep only
      // the errors still due among those shown: a hidden field's error goes, no new error appears
      clearTimeout(this.__complaintDeskRevalidation);
      this.__complaintDeskRevalidation = setTimeout(() => {
        const before = this._getState().errors || {};
        const fresh = withoutClearedErrors(this.validate());
        const kept = {};
        Object.keys(fresh).filter(key => key in before).forEach(key => { kept[key] = fresh[key]; });
        setState.call(this, { errors: kept });
      }, 50);
    }
  };
}

// looked up once Tasklist shows its first form: by then Tasklist has loaded form-js itself, and nothing of its
// bundle runs earlier or twice because of this script
let formsPatched = false;
function patchFormsOnce() {
  if (formsPatched || !document.querySelector('.fjs-container')) {
    return;
  }
  formsPatched = true;
  try {
    const Form = formJsFormClass();
    if (Form) {
      patchForms(Form);
    } else {
      console.warn('Complaint Desk: form-js not found in Tasklist; forms keep their own messages');
    }
  } catch (e) {
    console.warn('Complaint Desk: could not extend form-js', e);
  }
}

// ---- what Tasklist asks the engine, watched ----
const engineApi = () => {
  const base = document.querySelector('base');
  return `${(base && base.getAttribute('engine-api')) || '/camunda/api/engine/'}engine/default`;
};
const labelsByKey = {};

function rememberLabels(components) {
  (components || []).forEach(component => {
    if (component.key && component.label) {
      labelsByKey[component.key] = component.label.replace(/\s*\*$/, '');
    }
    rememberLabels(component.components);
  });
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.__complaintDesk = { method: String(method).toUpperCase(), url: String(url) };
  return open.call(this, method, url, ...rest);
};
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  this.addEventListener('load', () => {
    const { method, url } = this.__complaintDesk || {};
    if (!url || this.status >= 300) {
      return;
    }
    try {
      if (method === 'GET' && /\/(deployed-start-form|deployed-form)(\?|$)/.test(url)) {
        rememberLabels(JSON.parse(this.responseText).components);
      } else if (method === 'POST' && /\/process-definition\/[^/]+\/submit-form(\?|$)/.test(url)) {
        showStarted(JSON.parse(this.responseText));
      }
    } catch (e) {
      console.warn('Complaint Desk: could not read', url, e);
    }
  });
  return send.apply(this, args);
};

// ---- 1. the number at once ----
async function getJson(path) {
  const response = await fetch(engineApi() + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

async function showStarted(instance) {
  let number = instance.businessKey;
  if (!number) {
    number = (await getJson(`/process-instance/${instance.id}`)).businessKey;
  }
  const tasks = await getJson(`/task?processInstanceId=${encodeURIComponent(instance.id)}&sortBy=created&sortOrder=asc`);
  const task = tasks[0];
  // not opened by itself: a change of Tasklist's route would clear its own "The process has been started."
  banner(number, task);
}

function banner(number, task) {
  let box = document.getElementById('complaint-desk-started');
  if (!box) {
    box = document.createElement('div');
    box.id = 'complaint-desk-started';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  box.replaceChildren();
  const text = document.createElement('span');
  text.append('投诉已登记，编号 Complaint registered, number ');
  const strong = document.createElement('strong');
  strong.className = 'complaint-number';
  strong.textContent = number || '?';
  text.append(strong);
  if (task) {
    const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
    params.set('task', task.id);
    const link = document.createElement('a');
    link.className = 'open-task';
    link.href = `#/?${params.toString()}`;
    link.textContent = `打开 Open: ${task.name}`;
    text.append(' · ', link);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', '关闭 Close');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
}

// ---- 3. the server's refusals in plain words ----
const ENGINE_TEXT = /^(?:ENGINE-\d+\s+.*?)?(?:[\w$.]+Exception:\s*)+(?:Invalid input:\s*)?/s;

export function plainRefusal(message, labels = labelsByKey) {
  if (!/ENGINE-\d+|Exception:|Invalid input:/.test(message)) {
    return message;
  }
  const rest = message.replace(ENGINE_TEXT, '').replace(/^ENGINE-\d+\s+/, '').replace(/'\s*$/, '');
  return rest.split(/;\s+/).map(part => {
    const match = /^(\w+):\s*(.*)$/s.exec(part);
    if (!match) {
      return part;
    }
    const label = labels[match[1]] || match[1];
    return `「${label}」${match[2]}`;
  }).join('; ');
}

function rewriteNotifications(root) {
  root.querySelectorAll('.notifications .message, .notifications .notification, [notifications-panel] .message')
    .forEach(element => {
      element.childNodes.forEach(node => {
        if (node.nodeType === Node.TEXT_NODE && /ENGINE-\d+|Exception:|Invalid input:/.test(node.data)) {
          node.data = plainRefusal(node.data);
        }
      });
    });
}

// ---- 6. the task list's priority in words ----
// each card shows the engine's task priority as a number (50); the task-local variable priorityLabel, which the
// desk's filters list (identity/TaskFilters), holds the same priority in words: the number cell shows those
function priorityInWords(root) {
  root.querySelectorAll('[cam-tasks] li.task').forEach(card => {
    const cell = card.querySelector('.priority');
    const label = [...card.querySelectorAll('.variable-item')]
      .find(item => item.querySelector('.variable-label[uib-tooltip="priorityLabel"]'));
    const value = label && label.querySelector('.variable-value');
    const words = value && value.textContent.trim();
    if (cell && words && cell.textContent.trim() !== words) {
      const number = cell.textContent.trim();
      cell.textContent = words;
      cell.classList.add('complaint-desk-priority');
      cell.setAttribute('title', number);
    }
  });
}

// ---- 7. a task that is not the clerk's ----
// Tasklist answers a task it cannot read (another department's, opened by URL; or one already done) with the same red
// box as a missing one, "The task does not exist anymore: <task> <- No matching task with id …", which stays over the
// next task's form. It is named plainly, lets clicks through (its close button aside) and closes when another task
// is opened.
export const TASK_NOT_YOURS = '此任务不在您的任务范围内：它已办结、属于其他部门，或您无权查看。'
  + ' This task is not one of yours: it is done, belongs to another department or is not visible to you.';
const TASK_GONE = /No matching task|task is null/;

function taskNotYours(root) {
  root.querySelectorAll('.notifications .alert').forEach(alert => {
    const message = alert.querySelector('.message');
    if (alert.dataset.complaintDesk || !message || !TASK_GONE.test(message.textContent)) {
      return;
    }
    const id = /with id\s+(\S+)/.exec(message.textContent);
    alert.dataset.complaintDesk = 'task-not-yours';
    alert.dataset.task = id ? id[1] : '';
    alert.classList.add('complaint-desk-task-not-yours');
    const status = alert.querySelector('.status');
    if (status) {
      status.textContent = TASK_NOT_YOURS;
    }
    message.textContent = '';
    alert.querySelectorAll('strong:not(.status)').forEach(colon => { colon.textContent = ''; });
  });
}

// ---- 8. a Complete the form refused ----
// When form-js's own validation refuses a Complete (a required field empty, a field shown by a later choice among
// them), nothing is sent: Tasklist's completion handler throws the form's errors, which carry no message, and Tasklist
// shows the red box it shows for a failed submission, "提交任务表单时出错 / An error happened while submitting the task
// form", which stays. The fields are marked on the form; the box says so, lets clicks through and closes once the
// form shows no error (the correction) or another task opens.
export const CORRECT_THE_FIELDS = '请更正表单中标红的字段后再完成。 Please correct the fields marked in red, then complete again.';
const COMPLETE_ERROR = /^(提交任务表单时出错|An error happened while submitting the task form)$/;
const FIELD_ERROR = '[cam-tasklist-task] .fjs-form-field-error li';

function refusedByTheForm(root) {
  const fieldsInError = root.querySelector(FIELD_ERROR) !== null;
  root.querySelectorAll('.notifications .alert').forEach(alert => {
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    if (alert.dataset.complaintDesk || !fieldsInError || !status || !COMPLETE_ERROR.test(status.textContent.trim())
        || (message && message.textContent.trim())) {
      return;
    }
    alert.dataset.complaintDesk = 'form-refused';
    alert.classList.add('complaint-desk-form-refused');
    status.textContent = CORRECT_THE_FIELDS;
    alert.querySelectorAll('strong:not(.status)').forEach(colon => { colon.textContent = ''; });
  });
  if (!fieldsInError) {
    root.querySelectorAll('.notifications .alert.complaint-desk-form-refused').forEach(closeNotice);
  }
}

function closeNotice(alert) {
  const close = alert.querySelector('button.close:not(.ng-hide)');
  if (close) {
    close.click();
  } else {
    alert.remove();
  }
}

window.addEventListener('hashchange', () => {
  document.querySelectorAll('.notifications .alert.complaint-desk-form-refused').forEach(closeNotice);
  const task = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, '')).get('task');
  document.querySelectorAll('.notifications .alert.complaint-desk-task-not-yours').forEach(alert => {
    if (task && task !== alert.dataset.task) {
      const close = alert.querySelector('button.close:not(.ng-hide)');
      if (close) {
        close.click();
      } else {
        alert.remove();
      }
    }
  });
});

new MutationObserver(() => {
  patchFormsOnce();
  rewriteNotifications(document);
  priorityInWords(document);
  taskNotYours(document);
  refusedByTheForm(document);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default [];
