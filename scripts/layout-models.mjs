#!/usr/bin/env node
// Recomputes the diagram interchange (BPMNDI: shapes, edges, labels, lanes) of processes/*.bpmn from their
// semantic model, so the diagrams stay readable (at most 1920 px wide) after any change to the flow.
// Usage: npm run layout:models   (or: node scripts/layout-models.mjs [file.bpmn ...])
//
// Only the <bpmndi:BPMNDiagram> element of each file is rewritten; the semantic part stays byte for byte as it was.
// The output is deterministic: running it twice gives the same file.
//
// How a diagram is laid out:
// - Flow nodes are put in stages (LAYOUT below names a few nodes per stage; a node not named takes the stage of the
//   node before it). Stages are grouped into bands; each band is laid out left to right (longest-path columns),
//   and bands sit one under the other, so a long process wraps instead of growing wider.
// - With lanes, each lane holds the rows of its nodes, band by band; rows of different bands share a line where
//   their nodes do not overlap. Event sub-processes take a free place in their lane's rows (or a row of their own).
// - Sequence flows are orthogonal; they run between rows (in channels) and between columns, and never through a
//   shape or an event sub-process. Labels are put where they touch no shape and no other label.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { BpmnModdle } = require('bpmn-moddle');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Per process: the stages (first nodes of each; the rest follow their predecessors) and how stages form bands.
const LAYOUT = {
  'complaint-lifecycle': {
    stages: {
      intake: ['StartEvent_ComplaintReceived'],
      evidence: ['Gateway_JoinEvidenceRequest'],
      investigation: ['Gateway_JoinInvestigation'],
      department: ['Gateway_JoinConsultation'],
      approval: ['Gateway_JoinProposal'],
      settlement: ['Task_NegotiateSettlement'],
      closure: ['Gateway_JoinFinalResponse', 'Gateway_JoinClosure'],
    },
    bands: [['intake', 'evidence', 'investigation'], ['department', 'approval'], ['settlement', 'closure']],
  },
  'legal-proceedings': {
    stages: {
      filing: ['StartEvent_LegalActionStarted'],
      outcome: ['Task_RecordMediation', 'Task_RecordDecision'],
    },
    bands: [['filing'], ['outcome']],
  },
  'regulator-referral': {
    stages: {
      response: ['StartEvent_ReferralToAnswer'],
      decision: ['Gateway_JoinDecision'],
    },
    bands: [['response'], ['decision']],
    minLaneHeight: 150,
  },
};

const SIZE = {
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
  event: { width: 36, height: 36 },
};
const H_GAP = 34; // horizontal space between columns
const ROW_HEIGHT = 84; // a row of tasks, with room for gateway labels above and event labels below
const CHANNEL = 18; // vertical space between rows, where flows run
const LANE_HEADER = 30;
const POOL_HEADER = 30;
const PAD = 20;
const LABEL_LINE = 14;
const LABEL_MAX_WIDTH = 90;

const isGateway = (e) => /Gateway$/.test(e.$type);
const isEvent = (e) => /Event$/.test(e.$type);
const isEventSubProcess = (e) => e.$type === 'bpmn:SubProcess' && e.triggeredByEvent;
const isBoundary = (e) => e.$type === 'bpmn:BoundaryEvent';
const kindOf = (e) => (isGateway(e) ? 'gateway' : isEvent(e) ? 'event' : 'task');

// ---------------------------------------------------------------------------------------------- text measures
function charWidth(ch) {
  const code = ch.codePointAt(0);
  if (code > 0x2e80) return 11.5; // CJK at 11 px
  if (/[A-Z]/.test(ch)) return 7.5;
  if (/[mwMW]/.test(ch)) return 9;
  if (/[il.,;:'!|()]/.test(ch)) return 3.5;
  if (ch === ' ') return 3.2;
  return 6.4;
}
const textWidth = (text) => [...text].reduce((sum, ch) => sum + charWidth(ch), 0);

/** Wraps a label the way bpmn-js does (words, then characters), returns its box size. */
function labelSize(text, maxWidth = LABEL_MAX_WIDTH) {
  const words = text.split(/\s+/).filter(Boolean).flatMap((word) => {
    // CJK runs break anywhere; split them into single characters so they can wrap
    if ([...word].some((ch) => ch.codePointAt(0) > 0x2e80) && textWidth(word) > maxWidth) return [...word];
    return [word];
  });
  const lines = [];
  let line = '';
  for (const word of words) {
    const joiner = line && !(isCjk(line.at(-1)) && isCjk(word[0])) ? ' ' : '';
    const candidate = line + joiner + word;
    if (line && textWidth(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  const width = Math.ceil(Math.min(maxWidth, Math.max(...lines.map(textWidth))) + 8);
  return { width, height: lines.length * LABEL_LINE };
}
const isCjk = (ch) => ch !== undefined && ch.codePointAt(0) > 0x2e80;

// ---------------------------------------------------------------------------------------------- geometry
const overlaps = (a, b, margin = 0) => a.x < b.x + b.width + margin && b.x < a.x + a.width + margin
  && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
const segmentHits = (p, q, box, margin = 0) => {
  const minX = Math.min(p.x, q.x);
  const maxX = Math.max(p.x, q.x);
  const minY = Math.min(p.y, q.y);
  const maxY = Math.max(p.y, q.y);
  return minX < box.x + box.width + margin && box.x - margin < maxX
    && minY < box.y + box.height + margin && box.y - margin < maxY;
};

// ---------------------------------------------------------------------------------------------- the layout
/**
 * Lays out one container (a process or an event sub-process): returns shapes (bounds per element id, relative
 * to the container's top left), lanes, edges and labels.
 */
class ContainerLayout {
  constructor(container, { lanes = null, pool = false, config = null, maxWidth = 1880 } = {}) {
    this.container = container;
    this.pool = pool;
    this.rowHeight = container.$type === 'bpmn:SubProcess' ? 76 : ROW_HEIGHT;
    this.channelHeight = container.$type === 'bpmn:SubProcess' ? 8 : CHANNEL;
    this.config = config;
    this.maxWidth = maxWidth;
    const elements = container.flowElements || [];
    this.flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    this.nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow' && !isBoundary(e)
      && !isEventSubProcess(e) && e.$instanceOf('bpmn:FlowNode'));
    this.boundaries = elements.filter(isBoundary);
    this.eventSubProcesses = elements.filter(isEventSubProcess);
    this.lanes = lanes; // [{ lane, nodes: Set of ids }] in the order to draw, or null
    this.shapes = new Map(); // id -> { x, y, width, height }
    this.edges = new Map(); // id -> [points]
    this.labels = new Map(); // id -> bounds
    this.inner = new Map(); // event sub-process id -> ContainerLayout
  }

  laneOf(node) {
    if (!this.lanes) return 0;
    const index = this.lanes.findIndex((l) => l.nodes.has(node.id));
    if (index >= 0) return index;
    const before = this.predecessors(node).find((p) => this.lanes.some((l) => l.nodes.has(p.id)));
    if (before) {
      console.warn(`layout: ${node.id} is in no lane; drawn in the lane of ${before.id}`);
      return this.laneOf(before);
    }
    console.warn(`layout: ${node.id} is in no lane; drawn in the first lane`);
    return 0;
  }

  /** The node a flow leaves in layout terms: a boundary event counts as its host. */
  sourceNode(flow) {
    return isBoundary(flow.sourceRef) ? flow.sourceRef.attachedToRef : flow.sourceRef;
  }

  predecessors(node) {
    return this.flows.filter((f) => f.targetRef === node).map((f) => this.sourceNode(f));
  }

  run() {
    for (const sub of this.eventSubProcesses) {
      const inner = new ContainerLayout(sub, { maxWidth: 900 });
      inner.run();
      this.inner.set(sub.id, inner);
    }
    this.assignBands();
    this.assignColumns();
    this.assignTracks();
    this.placeRows();
    this.routeEdges();
    this.placeLabels();
    return this;
  }

  // ---- stages and bands
  assignBands() {
    const stageOf = new Map();
    const stages = this.config ? Object.keys(this.config.stages) : ['main'];
    if (this.config) {
      for (const [stage, ids] of Object.entries(this.config.stages)) {
        for (const id of ids) stageOf.set(id, stage);
      }
    }
    // nodes not named take the stage of a predecessor (in document order), repeated until nothing changes
    let changed = true;
    while (changed) {
      changed = false;
      for (const node of this.nodes) {
        if (stageOf.has(node.id)) continue;
        const before = this.predecessors(node).find((p) => stageOf.has(p.id));
        if (before) {
          stageOf.set(node.id, stageOf.get(before.id));
          changed = true;
        }
      }
    }
    for (const node of this.nodes) {
      if (!stageOf.has(node.id)) stageOf.set(node.id, stages[0]);
    }
    const bands = this.config ? this.config.bands : [['main']];
    this.band = new Map(this.nodes.map((n) => [n.id, bands.findIndex((b) => b.includes(stageOf.get(n.id)))]));
    for (const node of this.nodes) {
      if (this.band.get(node.id) < 0) throw new Error(`layout: stage ${stageOf.get(node.id)} is in no band`);
    }
    this.bandCount = bands.length;
  }

  // ---- columns: longest path inside each band, back edges found by depth-first search
  assignColumns() {
    this.layer = new Map();
    this.bandNodes = [];
    for (let band = 0; band < this.bandCount; band++) {
      const nodes = this.nodes.filter((n) => this.band.get(n.id) === band);
      this.bandNodes.push(nodes);
      const ids = new Set(nodes.map((n) => n.id));
      const out = new Map(nodes.map((n) => [n.id, []]));
      for (const flow of this.flows) {
        const s = this.sourceNode(flow);
        if (ids.has(s.id) && ids.has(flow.targetRef.id) && s !== flow.targetRef) out.get(s.id).push(flow.targetRef.id);
      }
      const hasIn = new Set([...out.values()].flat());
      const starts = nodes.filter((n) => !hasIn.has(n.id)).map((n) => n.id);
      const forward = new Map(nodes.map((n) => [n.id, []]));
      const state = new Map();
      const visit = (id) => {
        state.set(id, 'open');
        for (const next of out.get(id)) {
          if (state.get(next) === 'open') continue; // back edge
          forward.get(id).push(next);
          if (!state.has(next)) visit(next);
        }
        state.set(id, 'done');
      };
      for (const id of [...starts, ...nodes.map((n) => n.id)]) {
        if (!state.has(id)) visit(id);
      }
      // longest path from the starts
      const order = [];
      const seen = new Set();
      const topo = (id) => {
        if (seen.has(id)) return;
        seen.add(id);
        for (const next of forward.get(id)) topo(next);
        order.push(id);
      };
      for (const n of nodes) topo(n.id);
      order.reverse();
      for (const id of order) {
        if (!this.layer.has(id)) this.layer.set(id, 0);
        for (const next of forward.get(id)) {
          this.layer.set(next, Math.max(this.layer.get(next) ?? 0, this.layer.get(id) + 1));
        }
      }
      // the forward edges of every band, for the tails below
      this.forward = this.forward || new Map();
      for (const [k, v] of forward) this.forward.set(k, v);
    }
    // tail: how long the path after a node is (the main line keeps the top track)
    this.tail = new Map();
    const tailOf = (id) => {
      if (this.tail.has(id)) return this.tail.get(id);
      this.tail.set(id, 0);
      const value = Math.max(0, ...(this.forward.get(id) || []).map((n) => tailOf(n) + 1));
      this.tail.set(id, value);
      return value;
    };
    for (const n of this.nodes) tailOf(n.id);
  }

  sizeOf(node) {
    if (node.$type === 'bpmn:SubProcess') return { width: 100, height: 80 };
    const size = { ...SIZE[kindOf(node)] };
    const attached = this.boundaries.filter((b) => b.attachedToRef === node);
    const top = attached.filter((b) => this.onTop(b)).length;
    const most = Math.max(top, attached.length - top);
    if (most >= 2) size.width = Math.max(120, 40 * most + 20);
    return size;
  }

  /** A boundary event whose flows go on along its task's row sits on the top edge; the others on the bottom. */
  onTop(boundary) {
    const host = boundary.attachedToRef;
    const targets = this.flows.filter((f) => f.sourceRef === boundary).map((f) => f.targetRef);
    return this.boundaries.filter((b) => b.attachedToRef === host).length > 1 && targets.length > 0
      && targets.every((t) => this.laneOf(t) === this.laneOf(host) && this.band.get(t.id) === this.band.get(host.id)
        && this.track.get(t.id) === this.track.get(host.id) && this.layer.get(t.id) > this.layer.get(host.id));
  }

  // ---- tracks: rows inside a lane and band; the longest continuation keeps its predecessor's track
  assignTracks() {
    this.track = new Map();
    const taken = new Set();
    const key = (lane, band, layer, track) => `${lane}/${band}/${layer}/${track}`;
    const nodes = [...this.nodes].sort((a, b) => this.band.get(a.id) - this.band.get(b.id)
      || this.layer.get(a.id) - this.layer.get(b.id)
      || this.tail.get(b.id) - this.tail.get(a.id)
      || this.nodes.indexOf(a) - this.nodes.indexOf(b));
    for (const node of nodes) {
      const lane = this.laneOf(node);
      const band = this.band.get(node.id);
      let preferred = 0;
      for (const flow of this.flows.filter((f) => f.targetRef === node)) {
        const source = this.sourceNode(flow);
        if (this.track.has(source.id) && this.laneOf(source) === lane && this.band.get(source.id) === band) {
          preferred = this.track.get(source.id) + (isBoundary(flow.sourceRef) ? 1 : 0);
          break;
        }
      }
      let track = preferred;
      while (taken.has(key(lane, band, this.layer.get(node.id), track))) track++;
      this.track.set(node.id, track);
      taken.add(key(lane, band, this.layer.get(node.id), track));
    }
  }

  // ---- rows (lane, band, track) packed into lines; x by columns, y by lines
  placeRows() {
    const left = (this.pool ? POOL_HEADER : 0) + (this.lanes ? LANE_HEADER : 0) + PAD + (this.pool || this.lanes || this.container.$type === 'bpmn:SubProcess' ? 0 : 30);
    // column widths per band
    const colX = [];
    for (let band = 0; band < this.bandCount; band++) {
      const widths = [];
      for (const n of this.bandNodes[band]) {
        const l = this.layer.get(n.id);
        widths[l] = Math.max(widths[l] || 0, this.sizeOf(n).width);
      }
      const xs = [];
      let x = left;
      for (let l = 0; l < widths.length; l++) {
        xs.push({ x, width: widths[l] || 36 });
        x += (widths[l] || 36) + H_GAP;
      }
      colX.push(xs);
    }
    const laneCount = this.lanes ? this.lanes.length : 1;
    // rows
    const rows = new Map();
    for (const n of this.nodes) {
      const k = `${this.laneOf(n)}/${this.band.get(n.id)}/${this.track.get(n.id)}`;
      if (!rows.has(k)) {
        rows.set(k, { lane: this.laneOf(n), band: this.band.get(n.id), track: this.track.get(n.id), nodes: [] });
      }
      rows.get(k).nodes.push(n);
    }
    for (const row of rows.values()) {
      row.spans = row.nodes.map((n) => {
        const c = colX[row.band][this.layer.get(n.id)];
        const size = this.sizeOf(n);
        const x = c.x + (c.width - size.width) / 2;
        return { x: x - H_GAP / 2 - 30, width: size.width + H_GAP + 60 };
      });
    }
    // lines per lane: a row goes into the first line below its band's previous track where it overlaps nothing
    this.lines = []; // { lane, height, items: [{ x, width }], rows: [] }
    const linesOfLane = Array.from({ length: laneCount }, () => []);
    const sortedRows = [...rows.values()].sort((a, b) => a.lane - b.lane || a.band - b.band || a.track - b.track);
    const lineOfRow = new Map();
    for (const row of sortedRows) {
      const lines = linesOfLane[row.lane];
      // a band's second track goes below its first, and so on; track 0 takes the first line where it fits
      const previous = row.track === 0 ? -1 : (lineOfRow.get(`${row.lane}/${row.band}/${row.track - 1}`) ?? -1);
      let index = previous + 1;
      while (index < lines.length && lines[index].spans.some((s) => row.spans.some((r) => overlaps(
        { x: s.x, y: 0, width: s.width, height: 1 }, { x: r.x, y: 0, width: r.width, height: 1 })))) index++;
      while (lines.length <= index) lines.push({ lane: row.lane, height: this.rowHeight, spans: [], rows: [], subs: [] });
      lines[index].spans.push(...row.spans);
      lines[index].rows.push(row);
      lineOfRow.set(`${row.lane}/${row.band}/${row.track}`, index);
    }
    // event sub-processes: a free place in a line of their lane (from the right), else a line of their own
    const right = Math.max(left + 200, ...[...colX.flat()].map((c) => c.x + c.width));
    this.width = right + PAD;
    for (const sub of this.eventSubProcesses) {
      const inner = this.inner.get(sub.id);
      const lane = this.lanes ? this.laneOf(sub) : 0;
      const lines = linesOfLane[lane];
      const w = inner.width;
      let placed = false;
      const limit = Math.max(this.maxWidth, right);
      const need = inner.height + 12;
      const free = (line, span) => !line.spans.some((o) => o.x < span.x + span.width && span.x < o.x + o.width);
      for (let i = 0; i < lines.length && !placed; i++) {
        for (let x = limit - w - PAD; x >= left; x -= 10) {
          const span = { x: x - 30, width: w + 60 };
          if (!free(lines[i], span)) continue;
          // reach down into the next lines of the lane where they are free there too; grow the last one if need be
          let j = i;
          let room = lines[i].height;
          while (room < need && j + 1 < lines.length && free(lines[j + 1], span)) {
            j++;
            room += this.channelHeight + lines[j].height;
          }
          if (room < need) lines[j].height += need - room;
          for (let k = i; k <= j; k++) lines[k].spans.push(span);
          lines[i].subs.push({ sub, x });
          placed = true;
          break;
        }
      }
      if (!placed) {
        const x = left;
        lines.push({ lane, height: need, spans: [{ x: x - 30, width: w + 60 }], rows: [], subs: [{ sub, x }] });
      }
      this.width = Math.max(this.width, ...lines.flatMap((l) => l.subs.map((s) => s.x + this.inner.get(s.sub.id).width + PAD)));
    }
    // y positions
    let y = PAD / 2;
    this.laneBounds = [];
    this.lineList = [];
    for (let lane = 0; lane < laneCount; lane++) {
      const top = y;
      y += this.channelHeight / 2;
      for (const line of linesOfLane[lane]) {
        // room above for the labels of boundary events on the top edge of a task
        if (line.rows.some((r) => r.nodes.some((n) => this.boundaries.some((b) => b.attachedToRef === n && this.onTop(b))))) {
          y += 44;
        }
        line.top = y;
        line.bottom = y + line.height;
        this.lineList.push(line);
        y = line.bottom + this.channelHeight;
      }
      y -= this.channelHeight / 2;
      if (this.lanes) y = Math.max(y, top + (this.config?.minLaneHeight || 0)); // room for the lane's name
      this.laneBounds.push({ top, bottom: y });
    }
    // room below the last line for the labels of its events
    const last = this.lineList.at(-1);
    const labelled = this.container.$type !== 'bpmn:SubProcess' && last && last.rows.some((r) => r.nodes.some((n) => isEvent(n) && n.name));
    this.height = y + PAD / 2 + (labelled ? 30 : 0);
    // shapes
    for (const line of this.lineList) {
      const cy = line.top + this.rowHeight / 2;
      for (const row of line.rows) {
        for (const n of row.nodes) {
          const c = colX[row.band][this.layer.get(n.id)];
          const size = this.sizeOf(n);
          this.shapes.set(n.id, {
            x: Math.round(c.x + (c.width - size.width) / 2), y: Math.round(cy - size.height / 2), ...size,
          });
          this.lineOfNode = this.lineOfNode || new Map();
          this.lineOfNode.set(n.id, line);
        }
      }
      for (const { sub, x } of line.subs) {
        const inner = this.inner.get(sub.id);
        const bounds = { x, y: line.top + 6, width: inner.width, height: inner.height };
        this.shapes.set(sub.id, bounds);
        this.obstacleSubs = this.obstacleSubs || [];
        this.obstacleSubs.push(bounds);
      }
    }
    // boundary events on the bottom edge of their host, or on the top edge (see onTop)
    for (const host of this.nodes) {
      const hb = this.shapes.get(host.id);
      for (const top of [false, true]) {
        const attached = this.boundaries.filter((b) => b.attachedToRef === host && this.onTop(b) === top);
        attached.forEach((b, i) => {
          const cx = attached.length === 1 ? hb.x + hb.width - 30
            : hb.x + 25 + i * ((hb.width - 50) / (attached.length - 1));
          const y = top ? hb.y - 18 : hb.y + hb.height - 18;
          this.shapes.set(b.id, { x: Math.round(cx - 18), y, width: 36, height: 36 });
          this.lineOfNode.set(b.id, this.lineOfNode.get(host.id));
        });
      }
    }
  }

  // ---- edges
  obstacles() {
    return [...this.nodes.map((n) => this.shapes.get(n.id)), ...(this.obstacleSubs || [])];
  }

  verticalFree(x, y1, y2, except = []) {
    const p = { x, y: Math.min(y1, y2) };
    const q = { x, y: Math.max(y1, y2) };
    return !this.obstacles().some((b) => !except.includes(b) && segmentHits(p, q, b, 6));
  }

  horizontalFree(y, x1, x2, except = []) {
    const p = { x: Math.min(x1, x2), y };
    const q = { x: Math.max(x1, x2), y };
    return !this.obstacles().some((b) => !except.includes(b) && segmentHits(p, q, b, 2));
  }

  /** The channel y just above or below a line. */
  channel(line, below) {
    return below ? line.bottom + this.channelHeight / 2 : line.top - this.channelHeight / 2;
  }

  freeX(preferred, y1, y2, lo, hi, except) {
    for (let d = 0; d < 2000; d += 4) {
      for (const x of [preferred + d, preferred - d]) {
        if (x >= lo && x <= hi && this.verticalFree(x, y1, y2, except)) return x;
      }
    }
    return preferred;
  }

  routeEdges() {
    this.channelUse = new Map();
    for (const flow of this.flows) {
      const s = this.shapes.get(flow.sourceRef.id);
      const t = this.shapes.get(flow.targetRef.id);
      const sLine = this.lineOfNode.get(flow.sourceRef.id);
      const tLine = this.lineOfNode.get(flow.targetRef.id);
      const boundary = isBoundary(flow.sourceRef);
      const sGateway = isGateway(flow.sourceRef);
      const tGateway = isGateway(flow.targetRef);
      const sc = { x: s.x + s.width / 2, y: s.y + s.height / 2 };
      const tc = { x: t.x + t.width / 2, y: t.y + t.height / 2 };
      const hostBox = boundary ? this.shapes.get(flow.sourceRef.attachedToRef.id) : null;
      const except = [s, t, ...(hostBox ? [hostBox] : [])];
      let points;
      if (!boundary && sLine === tLine && Math.abs(sc.y - tc.y) < 1 && t.x > s.x + s.width
        && this.horizontalFree(sc.y, s.x + s.width, t.x, except)) {
        points = [{ x: s.x + s.width, y: sc.y }, { x: t.x, y: tc.y }];
      } else {
        const below = tLine.top > sLine.top || (tLine === sLine && !(t.x > s.x + s.width));
        const sameLine = sLine === tLine;
        const downwards = (tLine.top > sLine.top || sameLine) && !(boundary && this.onTop(flow.sourceRef));
        // leaving the source
        let start;
        let x1;
        const startPoints = [];
        if (boundary && this.onTop(flow.sourceRef)) {
          start = { x: sc.x, y: s.y };
          x1 = sc.x;
          startPoints.push(start);
        } else if (boundary) {
          start = { x: sc.x, y: s.y + s.height };
          x1 = sc.x;
          startPoints.push(start);
        } else if (sGateway) {
          start = downwards ? { x: sc.x, y: s.y + s.height } : { x: sc.x, y: s.y };
          x1 = sc.x;
          startPoints.push(start);
        } else {
          start = { x: s.x + s.width, y: sc.y };
          x1 = this.freeX(s.x + s.width + 12, sc.y, sc.y, s.x + s.width + 6, s.x + s.width + H_GAP - 6, except);
          startPoints.push(start, { x: x1, y: sc.y });
        }
        const ySource = this.channel(sLine, downwards);
        // arriving at the target
        const yTarget = sameLine ? ySource : this.channel(tLine, !below ? true : false);
        let endPoints;
        let x2;
        if (tGateway) {
          x2 = tc.x;
          endPoints = [{ x: tc.x, y: yTarget < tc.y ? t.y : t.y + t.height }];
        } else {
          x2 = this.freeX(t.x - 12, tc.y, tc.y, t.x - H_GAP + 6, t.x - 6, except);
          endPoints = [{ x: x2, y: tc.y }, { x: t.x, y: tc.y }];
        }
        const middle = [];
        if (ySource === yTarget) {
          middle.push({ x: x1, y: ySource }, { x: x2, y: ySource });
        } else if (this.verticalFree(x1, sc.y, yTarget, except) && !boundary) {
          middle.push({ x: x1, y: yTarget }, { x: x2, y: yTarget });
        } else if (this.verticalFree(x2, ySource, tc.y, except)) {
          middle.push({ x: x1, y: ySource }, { x: x2, y: ySource });
        } else {
          const x3 = this.freeX((x1 + x2) / 2, ySource, yTarget, 0, this.width, except);
          middle.push({ x: x1, y: ySource }, { x: x3, y: ySource }, { x: x3, y: yTarget }, { x: x2, y: yTarget });
        }
        points = simplify([...startPoints, ...middle, ...endPoints]);
      }
      this.edges.set(flow.id, points.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })));
    }
    this.spreadChannels();
  }

  /** Flows sharing a stretch of a channel are moved apart a little, so each can be followed. */
  spreadChannels() {
    const horizontal = [];
    for (const [id, points] of this.edges) {
      for (let i = 1; i < points.length - 2; i++) {
        const p = points[i];
        const q = points[i + 1];
        if (p.y === q.y && i > 0) horizontal.push({ id, i, y: p.y, lo: Math.min(p.x, q.x), hi: Math.max(p.x, q.x) });
      }
    }
    const byY = new Map();
    for (const h of horizontal) {
      if (!byY.has(h.y)) byY.set(h.y, []);
      byY.get(h.y).push(h);
    }
    for (const [y, list] of [...byY.entries()].sort((a, b) => a[0] - b[0])) {
      list.sort((a, b) => a.lo - b.lo || a.hi - b.hi || a.id.localeCompare(b.id));
      const slots = [];
      for (const h of list) {
        let slot = 0;
        while ((slots[slot] || []).some((o) => o.lo < h.hi + 8 && h.lo < o.hi + 8 && o.id !== h.id)) slot++;
        (slots[slot] = slots[slot] || []).push(h);
        const offsets = [0, -7, 7, -14, 14, -21, 21];
        const dy = offsets[slot % offsets.length];
        if (dy !== 0) {
          const points = this.edges.get(h.id);
          points[h.i].y = y + dy;
          points[h.i + 1].y = y + dy;
        }
      }
    }
  }

  // ---- labels
  placeLabels() {
    const taken = [];
    const blocked = (box) => taken.some((b) => overlaps(b, box, 2))
      || this.obstacleShapes().some((b) => overlaps(b, box, 2));
    const outside = (box) => box.x < 2 || box.y < 2 || box.x + box.width > this.width - 2
      || box.y + box.height > this.height - 2;
    const place = (id, candidates) => {
      // a free place inside the diagram, else a free place just outside it, else the first (the test will say)
      const box = candidates.find((c) => !blocked(c) && !outside(c)) || candidates.find((c) => !blocked(c))
        || candidates[0];
      const rounded = { x: Math.round(box.x), y: Math.round(box.y), width: box.width, height: box.height };
      this.labels.set(id, rounded);
      taken.push(rounded);
    };
    // element labels first (events and gateways), then flow labels
    const external = [...this.nodes, ...this.boundaries].filter((n) => n.name && (isEvent(n) || isGateway(n)));
    for (const n of external) {
      const b = this.shapes.get(n.id);
      const size = labelSize(n.name);
      const cx = b.x + b.width / 2;
      const below = { x: cx - size.width / 2, y: b.y + b.height + 4, ...size };
      const above = { x: cx - size.width / 2, y: b.y - size.height - 4, ...size };
      const rightOf = { x: b.x + b.width + 4, y: b.y + b.height, ...size };
      const leftOf = { x: b.x - size.width - 4, y: b.y + b.height, ...size };
      const candidates = isGateway(n) ? [above, below, leftOf, rightOf] : [below, rightOf, leftOf, above];
      if (isBoundary(n)) {
        const top = this.onTop(n);
        const siblings = this.boundaries.filter((o) => o.attachedToRef === n.attachedToRef && this.onTop(o) === top);
        const y = top ? b.y - size.height - 2 : b.y + b.height + 2;
        const right = { x: b.x + b.width + 2, y, ...size };
        const leftSide = { x: b.x - size.width - 2, y, ...size };
        candidates.unshift(...(siblings.length > 1 && siblings.indexOf(n) === 0 ? [leftSide, right] : [right, leftSide]));
      }
      for (let d = 8; d <= 64; d += 8) {
        candidates.push({ ...below, y: below.y + d }, { ...above, y: above.y - d },
          { ...below, x: below.x + d * 1.5 }, { ...below, x: below.x - d * 1.5 },
          { ...above, x: above.x + d * 1.5 }, { ...above, x: above.x - d * 1.5 },
          { ...rightOf, y: rightOf.y + d }, { ...leftOf, y: leftOf.y + d });
      }
      candidates.push(...around(b.x + b.width / 2, b.y + b.height / 2, size));
      place(n.id, candidates);
    }
    for (const flow of this.flows.filter((f) => f.name)) {
      const points = this.edges.get(flow.id);
      const size = labelSize(flow.name);
      const candidates = [];
      // near the start of the flow first, then along it; further off the line when close places are taken
      for (const away of [3, 12, 24, 36, 50, 66]) {
        for (let i = 0; i < points.length - 1; i++) {
          const p = points[i];
          const q = points[i + 1];
          if (p.y === q.y) {
            for (const t of [0.5, 0.25, 0.75, 0.05, 0.95]) {
              const x = p.x + (q.x - p.x) * t;
              candidates.push({ x: x - size.width / 2, y: p.y - size.height - away, ...size },
                { x: x - size.width / 2, y: p.y + away, ...size });
            }
            candidates.push({ x: Math.min(p.x, q.x) + 4, y: p.y - size.height - away, ...size },
              { x: Math.max(p.x, q.x) - size.width - 4, y: p.y - size.height - away, ...size });
          } else {
            for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
              const y = p.y + (q.y - p.y) * t;
              candidates.push({ x: p.x + away, y: y - size.height / 2, ...size },
                { x: p.x - size.width - away, y: y - size.height / 2, ...size });
            }
          }
        }
      }
      // last resort: anywhere close to the middle of the first segment
      candidates.push(...around((points[0].x + points[1].x) / 2, (points[0].y + points[1].y) / 2, size));
      place(flow.id, candidates);
    }
  }

  obstacleShapes() {
    return [...this.nodes, ...this.boundaries].map((n) => this.shapes.get(n.id)).concat(this.obstacleSubs || []);
  }
}

/** Label boxes of this size on circles around a point, nearest first. */
function around(cx, cy, size) {
  const boxes = [];
  for (let r = 10; r <= 240; r += 8) {
    for (let k = 0; k < 16; k++) {
      const angle = (Math.PI * 2 * k) / 16;
      boxes.push({ x: cx + r * Math.cos(angle) - size.width / 2, y: cy + r * Math.sin(angle) - size.height / 2, ...size });
    }
  }
  return boxes;
}

function simplify(points) {
  const out = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.x === p.x && last.y === p.y) continue;
    out.push({ ...p });
  }
  // drop points in the middle of a straight run
  for (let i = out.length - 2; i > 0; i--) {
    const a = out[i - 1];
    const b = out[i];
    const c = out[i + 1];
    if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) out.splice(i, 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- writing DI
function diagramXml(definitions, existing) {
  const collaboration = definitions.rootElements.find((e) => e.$type === 'bpmn:Collaboration');
  const process = definitions.rootElements.find((e) => e.$type === 'bpmn:Process');
  const laneSet = (process.laneSets || [])[0];
  const lanes = laneSet ? laneSet.lanes.map((lane) => ({
    lane, nodes: new Set((lane.flowNodeRef || []).map((n) => n.id)),
  })) : null;
  const participant = collaboration ? collaboration.participants.find((p) => p.processRef === process) : null;
  const layout = new ContainerLayout(process, { lanes, pool: !!participant, config: LAYOUT[process.id] || null }).run();

  const lines = [];
  const originX = 100;
  const originY = 60;
  const f = (n) => String(Math.round(n));
  const bounds = (b, dx = originX, dy = originY) => `<dc:Bounds x="${f(b.x + dx)}" y="${f(b.y + dy)}" width="${f(b.width)}" height="${f(b.height)}" />`;
  if (participant) {
    lines.push(`<bpmndi:BPMNShape id="${participant.id}_di" bpmnElement="${participant.id}" isHorizontal="true">${bounds({ x: 0, y: 0, width: layout.width, height: layout.height })}</bpmndi:BPMNShape>`);
  }
  if (lanes) {
    const laneLeft = participant ? POOL_HEADER : 0;
    layout.lanes.forEach(({ lane }, i) => {
      const lb = layout.laneBounds[i];
      const top = i === 0 ? 0 : lb.top;
      const bottom = i === layout.lanes.length - 1 ? layout.height : layout.laneBounds[i + 1].top;
      lines.push(`<bpmndi:BPMNShape id="${lane.id}_di" bpmnElement="${lane.id}" isHorizontal="true">${bounds({ x: laneLeft, y: top, width: layout.width - laneLeft, height: bottom - top })}</bpmndi:BPMNShape>`);
    });
  }
  const writeContainer = (c, dx, dy) => {
    const elements = [...c.nodes];
    for (const n of elements) {
      const b = c.shapes.get(n.id);
      const marker = n.$type === 'bpmn:ExclusiveGateway' ? ' isMarkerVisible="true"' : '';
      const label = c.labels.get(n.id);
      const labelXml = label ? `<bpmndi:BPMNLabel>${bounds(label, dx, dy)}</bpmndi:BPMNLabel>` : '';
      if (isEventSubProcess(n)) continue;
      lines.push(`<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${marker}>${bounds(b, dx, dy)}${labelXml}</bpmndi:BPMNShape>`);
    }
    for (const b of c.boundaries) {
      const label = c.labels.get(b.id);
      const labelXml = label ? `<bpmndi:BPMNLabel>${bounds(label, dx, dy)}</bpmndi:BPMNLabel>` : '';
      lines.push(`<bpmndi:BPMNShape id="${b.id}_di" bpmnElement="${b.id}">${bounds(c.shapes.get(b.id), dx, dy)}${labelXml}</bpmndi:BPMNShape>`);
    }
    for (const sub of c.eventSubProcesses) {
      const b = c.shapes.get(sub.id);
      lines.push(`<bpmndi:BPMNShape id="${sub.id}_di" bpmnElement="${sub.id}" isExpanded="true">${bounds(b, dx, dy)}</bpmndi:BPMNShape>`);
      writeContainer(c.inner.get(sub.id), dx + b.x, dy + b.y);
    }
    for (const flow of c.flows) {
      const points = c.edges.get(flow.id).map((p) => `<di:waypoint x="${f(p.x + dx)}" y="${f(p.y + dy)}" />`).join('');
      const label = c.labels.get(flow.id);
      const labelXml = label ? `<bpmndi:BPMNLabel>${bounds(label, dx, dy)}</bpmndi:BPMNLabel>` : '';
      lines.push(`<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}">${points}${labelXml}</bpmndi:BPMNEdge>`);
    }
  };
  writeContainer(layout, originX, originY);
  const diagramId = /<bpmndi:BPMNDiagram id="([^"]+)"/.exec(existing)?.[1] || `BPMNDiagram_${process.id}`;
  const planeId = /<bpmndi:BPMNPlane id="([^"]+)"/.exec(existing)?.[1] || `BPMNPlane_${process.id}`;
  const planeElement = (collaboration || process).id;
  return {
    xml: `<bpmndi:BPMNDiagram id="${diagramId}">\n    <bpmndi:BPMNPlane id="${planeId}" bpmnElement="${planeElement}">\n${lines.map((l) => `      ${l}`).join('\n')}\n    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>`,
    width: layout.width,
    height: layout.height,
    layout,
  };
}

// event sub-process inner layouts are containers too: give them a title row and padding
const baseRun = ContainerLayout.prototype.run;
ContainerLayout.prototype.run = function run() {
  baseRun.call(this);
  if (this.container.$type === 'bpmn:SubProcess') {
    // move everything down for the title, right for a margin
    const dy = 26;
    const dx = 4;
    for (const b of this.shapes.values()) { b.x += dx; b.y += dy; }
    for (const b of this.labels.values()) { b.x += dx; b.y += dy; }
    for (const points of this.edges.values()) for (const p of points) { p.x += dx; p.y += dy; }
    this.width += dx * 2;
    this.height += dy + 14;
  }
  return this;
};

async function layoutFile(file) {
  const xml = await readFile(file, 'utf8');
  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
  if (warnings.length > 0) {
    console.warn(`${path.basename(file)}: ${warnings.map((w) => w.message).join('; ')}`);
  }
  const match = /<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/.exec(xml);
  const { xml: diagram, width, height } = diagramXml(definitions, match ? match[0] : '');
  const out = match
    ? xml.slice(0, match.index) + diagram + xml.slice(match.index + match[0].length)
    : xml.replace('</bpmn:definitions>', `  ${diagram}\n</bpmn:definitions>`);
  if (out !== xml) await writeFile(file, out);
  console.log(`${path.relative(root, file)}: ${Math.round(width)} x ${Math.round(height)} px${out === xml ? ' (unchanged)' : ''}`);
}

const args = process.argv.slice(2);
const files = args.length > 0
  ? args.map((f) => path.resolve(f))
  : (await readdir(path.join(root, 'processes'))).filter((f) => f.endsWith('.bpmn')).sort()
    .map((f) => path.join(root, 'processes', f));
for (const file of files) {
  await layoutFile(file);
}
