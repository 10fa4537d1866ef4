// Complaint Desk's Cockpit plugin: a plain ES module (no build). Two plugins:
//  - cockpit.dashboard: the KPI panel (complaint managers and administrators; for anyone else the backend answers 403
//    and the panel renders nothing);
//  - cockpit.processDefinition.diagram.plugin: where complaints wait, an overlay on each activity with its open count
//    and its median and 90th-percentile waiting time over a chosen period, coloured cool (blue) to hot (red).
// Data: /camunda/api/cockpit/plugin/complaint-desk-reporting/{engine}/... (com.complaintdesk.reporting).

const PLUGIN = 'complaint-desk-reporting';

function base(api) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}`;
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.status === 403) {
    return null;
  }
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`${response.status}: ${text}`);
  }
  return response.json();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`;
}

function duration(hours) {
  if (hours === null || hours === undefined) {
    return '–';
  }
  return hours < 48 ? `${hours} 小时 h` : `${(hours / 24).toFixed(1)} 天 d`;
}

function millis(ms) {
  if (ms === null || ms === undefined) {
    return '–';
  }
  const minutes = ms / 60000;
  if (minutes < 60) {
    return `${Math.round(minutes)}m`;
  }
  if (minutes < 48 * 60) {
    return `${(minutes / 60).toFixed(1)}h`;
  }
  return `${(minutes / 1440).toFixed(1)}d`;
}

// ---- charts: plain SVG ----

function columnChart(days) {
  const width = Math.max(640, 12 * days.length), height = 160, pad = 24;
  const max = Math.max(1, ...days.map(d => Math.max(d.opened, d.closed)));
  const step = (width - pad) / Math.max(1, days.length);
  const chart = svg('svg', {viewBox: `0 0 ${width} ${height + 20}`, width: width, height: height + 20, role: 'img',
    'aria-label': '每日受理与办结 Opened and closed per day', 'data-chart': 'per-day'});
  days.forEach((day, i) => {
    const x = pad + i * step;
    const bar = (value, offset, colour, label) => {
      const h = (height - 10) * value / max;
      const rect = svg('rect', {x: x + offset, y: height - h, width: Math.max(1, step / 2 - 1), height: h, fill: colour});
      rect.append(svg('title', {}, `${day.date} ${label}: ${value}`));
      chart.append(rect);
    };
    bar(day.opened, 0, '#1f78b4', '受理 opened');
    bar(day.closed, step / 2, '#33a02c', '办结 closed');
    if (i % Math.ceil(days.length / 12) === 0) {
      chart.append(svg('text', {x: x, y: height + 14, 'font-size': 9, fill: '#555'}, day.date.slice(5)));
    }
  });
  chart.append(svg('text', {x: 0, y: 10, 'font-size': 10, fill: '#555'}, String(max)));
  return chart;
}

function barList(title, counts, labels) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(e => e[1]));
  const list = el('div', {class: 'cd-bars'}, el('h4', {}, title));
  entries.forEach(([code, n]) => {
    list.append(el('div', {class: 'cd-bar-row', 'data-code': code},
      el('span', {class: 'cd-bar-label'}, labels[code] || code),
      el('span', {class: 'cd-bar', style: `width:${Math.round(160 * n / max)}px`}),
      el('span', {class: 'cd-bar-value'}, n)));
  });
  if (!entries.length) {
    list.append(el('p', {class: 'text-muted'}, '无 None'));
  }
  return list;
}

function tile(label, value, key) {
  return el('div', {class: 'cd-tile', 'data-kpi': key}, el('div', {class: 'cd-tile-value'}, value), el('div', {class: 'cd-tile-label'}, label));
}

const STYLE = `
.cd-panel{margin:10px 0 20px;padding:12px;border:1px solid #ddd;border-radius:4px;background:#fff}
.cd-panel h3{margin-top:0}.cd-filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin-bottom:10px}
.cd-filters label{display:flex;flex-direction:column;font-size:12px;font-weight:600}
.cd-tiles{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.cd-tile{flex:1 1 130px;border:1px solid #e3e3e3;border-radius:4px;padding:6px 8px;background:#fafafa}
.cd-tile-value{font-size:20px;font-weight:700}.cd-tile-label{font-size:11px;color:#555}
.cd-grid{display:flex;flex-wrap:wrap;gap:24px}.cd-bars h4{font-size:13px;margin:8px 0 4px}
.cd-bar-row{display:flex;align-items:center;gap:6px;font-size:12px}.cd-bar-label{width:190px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cd-bar{display:inline-block;height:10px;background:#6a3d9a}.cd-table{font-size:12px;margin-top:6px}.cd-table td,.cd-table th{padding:2px 8px}
.cd-downloads a{margin-right:12px}`;

function filterForm(state, labels, onChange) {
  const options = (codes, selected) => [el('option', {value: ''}, '全部 All'),
    ...codes.map(code => el('option', code === selected ? {value: code, selected: 'selected'} : {value: code}, labels[code] || code))];
  const codes = prefix => Object.keys(labels).filter(prefix);
  const form = el('form', {class: 'cd-filters', name: 'complaint-kpi-filters'},
    el('label', {}, '从 From', el('input', {type: 'date', name: 'from', value: state.from})),
    el('label', {}, '至 To', el('input', {type: 'date', name: 'to', value: state.to})),
    el('label', {}, '部门 Department', el('select', {name: 'department'}, options(codes(c => c.includes('-')), state.department))),
    el('label', {}, '类别 Category', el('select', {name: 'category'},
      options(['TECHNICAL_FAULT', 'FEE_DISPUTE', 'APPLICATION_PROCESS', 'BRAND_MARKETING', 'PRODUCT_QUALITY', 'SERVICE_QUALITY', 'COMPLIANCE', 'OTHER'], state.category))),
    el('label', {}, '渠道 Channel', el('select', {name: 'channel'}, options(['HOTLINE', 'ONLINE', 'WALK_IN', 'REGULATOR'], state.channel))),
    el('button', {type: 'submit', class: 'btn btn-default'}, '刷新 Refresh'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const data = new FormData(form);
    onChange(Object.fromEntries(['from', 'to', 'department', 'category', 'channel'].map(name => [name, data.get(name) || ''])));
  });
  return form;
}

function query(state) {
  return new URLSearchParams(Object.entries(state).filter(([, value]) => value)).toString();
}

function renderKpis(container, kpis, state, api, reload) {
  const labels = kpis.labels;
  const d = kpis.decisions, dl = kpis.deadlines, ex = kpis.external, s = kpis.satisfaction;
  const paid = kpis.settlements.reduce((sum, row) => sum + Number(row.amountPaid), 0);
  const opened = kpis.days.reduce((sum, day) => sum + day.opened, 0);
  const closed = kpis.days.reduce((sum, day) => sum + day.closed, 0);
  container.replaceChildren(
    el('style', {}, STYLE),
    el('h3', {}, '投诉处理指标 Complaint handling KPIs'),
    filterForm(state, labels, reload),
    el('div', {class: 'cd-tiles'},
      tile('在办投诉 Open now', kpis.open.total, 'open'),
      tile('在办已超期 Open and breached', kpis.open.breached, 'open-breached'),
      tile('期间受理 Opened', opened, 'opened'),
      tile('期间办结 Closed', closed, 'closed'),
      tile('按时决定率 Decided within the deadline', percent(d.inTimeShare), 'in-time'),
      tile('决定用时中位数 Median time to decision', duration(d.medianHours), 'median'),
      tile('决定用时P90 90th percentile', duration(d.p90Hours), 'p90'),
      tile('延期 Extensions', dl.extended, 'extended'),
      tile('超期 Breaches', dl.breached, 'breached'),
      tile('升级（监管/诉讼） Escalations', dl.escalatedToRegulator + dl.escalatedToCourt, 'escalations'),
      tile('已支付 Paid (¥)', paid.toFixed(2), 'paid'),
      tile('满意度 Satisfaction (1–5)', s.averageScore === null ? '–' : s.averageScore, 'satisfaction'),
      tile('回访率 Survey response rate', percent(s.responseRate), 'response-rate'),
      tile('监管转办 在办/新收/办结 Referrals open/received/concluded', `${ex.referralsOpen} / ${ex.referralsReceived} / ${ex.referralsConcluded}`, 'referrals'),
      tile('诉讼仲裁 在办/新增/结案 Legal cases open/opened/concluded', `${ex.legalCasesOpen} / ${ex.legalCasesOpened} / ${ex.legalCasesConcluded}`, 'legal')),
    el('h4', {}, '每日受理（蓝）与办结（绿） Opened (blue) and closed (green) per day'),
    el('div', {style: 'overflow-x:auto'}, columnChart(kpis.days)),
    el('table', {class: 'cd-table table', 'data-table': 'weeks'},
      el('tr', {}, el('th', {}, '周 Week'), el('th', {}, '受理 Opened'), el('th', {}, '办结 Closed')),
      kpis.weeks.map(w => el('tr', {}, el('td', {}, w.week), el('td', {}, w.opened), el('td', {}, w.closed)))),
    el('div', {class: 'cd-grid'},
      barList('在办：按部门 Open by department', kpis.open.byDepartment, labels),
      barList('在办：按类别 Open by category', kpis.open.byCategory, labels),
      barList('在办：按优先级 Open by priority', kpis.open.byPriority, labels),
      barList('在办：按阶段 Open by stage', kpis.open.byStage, labels),
      barList('办结：按结果 Closed by outcome', kpis.closedByOutcome, labels)),
    el('h4', {}, '和解：按补救方式 Settlements by remedy'),
    el('table', {class: 'cd-table table', 'data-table': 'settlements'},
      el('tr', {}, el('th', {}, '补救 Remedy'), el('th', {}, '接受 Accepted'), el('th', {}, '支付笔数 Payments'), el('th', {}, '支付金额 Paid (¥)')),
      kpis.settlements.map(row => el('tr', {}, el('td', {}, labels[row.remedy] || row.remedy), el('td', {}, row.accepted),
        el('td', {}, row.payments), el('td', {}, Number(row.amountPaid).toFixed(2))))),
    el('p', {class: 'cd-downloads'}, '监管报表 For the regulator: ',
      ['statistics', 'register'].flatMap(report => ['xlsx', 'csv'].map(format =>
        el('a', {href: `${base(api)}/${report}.${format}?${query(state)}`, download: '', 'data-download': `${report}.${format}`},
          `${report === 'statistics' ? '统计 Statistics' : '登记簿 Register'} (${format.toUpperCase()})`)))));
}

const dashboard = {
  id: 'complaint-desk.kpis',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, {api}) => {
    const today = new Date();
    const state = {from: isoDay(new Date(today.getTime() - 29 * 86400000)), to: isoDay(today), department: '', category: '', channel: ''};
    const container = el('section', {class: 'cd-panel', id: 'complaint-desk-kpis'});
    const load = async next => {
      Object.assign(state, next || {});
      try {
        const kpis = await getJson(`${base(api)}/kpis?${query(state)}`);
        if (kpis === null) {
          container.remove(); // not a complaint manager: nothing at all
          return;
        }
        if (!container.isConnected) {
          node.append(container);
        }
        renderKpis(container, kpis, state, api, load);
      } catch (error) {
        node.append(container);
        container.replaceChildren(el('p', {class: 'text-danger'}, `指标加载失败 KPIs could not be loaded: ${error.message}`));
      }
    };
    load();
  }
};

// ---- the diagram: where complaints wait ----

function heatColour(heat) {
  const hue = Math.round(220 - 220 * Math.min(1, Math.max(0, heat))); // 220 blue (cool) to 0 red (hot)
  return `hsl(${hue}, 75%, 45%)`;
}

const diagram = {
  id: 'complaint-desk.waiting-times',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 10,
  render: (viewer, {api: given, processDefinitionId}) => {
    // Cockpit 7.24 hands diagram plugins an api without the engine (its engineApi ends in 'undefined'): take the engine
    // from the address, /camunda/app/cockpit/{engine}/
    const engine = (window.location.pathname.match(/\/app\/cockpit\/([^/]+)/) || [])[1] || 'default';
    const api = {...given, engine, engineApi: `${given.baseApi}/engine/${engine}`};
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const container = viewer.get('canvas').getContainer();
    const today = new Date();
    const state = {from: isoDay(new Date(today.getTime() - 89 * 86400000)), to: isoDay(today)};
    let key = null;

    const controls = el('form', {class: 'cd-waiting-controls', style: 'position:absolute;top:6px;left:6px;z-index:10;background:rgba(255,255,255,.9);'
      + 'padding:4px 6px;border:1px solid #ccc;border-radius:3px;font-size:11px'},
      el('strong', {}, '等待时间 Waiting times '),
      el('input', {type: 'date', name: 'from', value: state.from, style: 'font-size:11px'}), ' – ',
      el('input', {type: 'date', name: 'to', value: state.to, style: 'font-size:11px'}), ' ',
      el('button', {type: 'submit', class: 'btn btn-xs btn-default'}, '刷新 Refresh'),
      el('span', {class: 'cd-legend', style: 'margin-left:6px'}, el('span', {style: `color:${heatColour(0)}`}, '■ 快 fast'), ' ',
        el('span', {style: `color:${heatColour(1)}`}, '■ 慢 slow')));

    const status = el('span', {class: 'cd-waiting-status text-danger', style: 'margin-left:6px'});
    controls.append(status);
    // the page passes the definition's id; where it does not, the address names it (#/process-definition/{id}/runtime)
    const definitionId = processDefinitionId
      || decodeURIComponent((window.location.hash.match(/process-definition\/([^/?]+)/) || [])[1] || '');

    const draw = async () => {
      try {
        if (!key) {
          const definition = await getJson(`${api.engineApi}/process-definition/${encodeURIComponent(definitionId)}`);
          key = definition && definition.key;
        }
        const data = key && await getJson(`${base(api)}/waiting?${new URLSearchParams({processDefinitionKey: key, from: state.from, to: state.to})}`);
        overlays.remove({type: 'complaint-desk-waiting'});
        if (!data) {
          controls.remove(); // not a complaint manager: nothing at all
          return;
        }
        if (!controls.isConnected) {
          container.style.position = container.style.position || 'relative';
          container.append(controls);
        }
        status.textContent = '';
        data.activities.filter(a => registry.get(a.activityId)).forEach(activity => {
          const colour = heatColour(activity.heat);
          overlays.add(activity.activityId, 'complaint-desk-waiting', {
            position: {top: -22, left: 0},
            html: `<div class="cd-waiting" data-activity="${activity.activityId}" data-open="${activity.open}" `
              + `title="在此等待 ${activity.open} open · 完成 ${activity.completed} done · 中位数 median ${millis(activity.medianMillis)} · P90 ${millis(activity.p90Millis)}" `
              + `style="background:${colour};color:#fff;font-size:10px;line-height:14px;padding:1px 4px;border-radius:3px;white-space:nowrap">`
              + `${activity.open} · ${millis(activity.medianMillis)} / ${millis(activity.p90Millis)}</div>`
          });
        });
      } catch (error) {
        if (!controls.isConnected) {
          container.append(controls);
        }
        status.textContent = `等待时间加载失败 Waiting times could not be loaded: ${error.message}`;
      }
    };
    controls.addEventListener('submit', event => {
      event.preventDefault();
      state.from = controls.elements.from.value;
      state.to = controls.elements.to.value;
      draw();
    });
    draw();
  }
};

export default [dashboard, diagram];
