/**
 * How an incident's JSON document is stored (issue #11: ≤ 3 KB per incident with its events).
 * The document keeps only what its columns do not: no id, code, agency, status, category,
 * severity, serious flag, reporting time, version or SLA due time (the columns hold them);
 * no field at its usual empty value (null, false, [], the untouched seriousness answers); no
 * time equal to the reporting time; no routing list that only repeats the owner and informed teams; and
 * instead of the checklist's text, the key of the checklist (its titles, stored once in
 * `checklists`, shared by every incident filed under the same playbook version) with the
 * tasks' state. Reading puts the record back together exactly, field order included.
 *
 * Keys the store's SQL reads from the document (`assigneeIds`) keep their names.
 */
import crypto from 'node:crypto';
import type { Database as Db } from 'better-sqlite3';
import { checklistTaskId } from '../incidentTasks.js';
import { decodeShape, encodeShape, ROUTING_SHAPE } from './shapes.js';
import type { IncidentRecord, IncidentTask } from '../port.js';

/** The columns a stored incident is put back together from (select them beside `doc`). */
export const INCIDENT_COLUMNS = [
  'id',
  'code',
  'agency_id',
  'status',
  'category',
  'severity',
  'serious',
  'reported_at',
  'version',
  'sla_due_at',
  'doc',
]
  .map((c) => `incidents.${c} AS ${c}`)
  .join(', ');
export type IncidentRow = {
  id: string;
  code: string;
  agency_id: string;
  status: string;
  category: string;
  severity: string | null;
  serious: number;
  reported_at: string;
  version: number;
  sla_due_at: string | null;
  doc: string;
};

/** IncidentRecord's fields in the order intake writes them: a record reads back in this order. */
const FIELD_ORDER = [
  'id',
  'code',
  'agencyId',
  'reporter',
  'reportedVia',
  'contact',
  'systemId',
  'systemName',
  'systemLevel',
  'nationalCritical',
  'sector',
  'title',
  'category',
  'description',
  'detectedAt',
  'detectionMethod',
  'impacts',
  'indicators',
  'actionsTaken',
  'supportRequested',
  'tlp',
  'status',
  'severity',
  'serious',
  'seriousReasons',
  'seriousness',
  'lateReport',
  'reportedAt',
  'routing',
  'assigneeIds',
  'tags',
  'tasks',
  'drill',
  'rejectionReason',
  'closingReport',
  'closureConfirmation',
  'statusChangedAt',
  'version',
  'createdAt',
  'updatedAt',
  'slaDueAt',
] as const;
const USUAL_ORDER = FIELD_ORDER.filter((k) => k !== 'slaDueAt').join();
const COLUMN_FIELDS = new Set(['id', 'code', 'agencyId', 'status', 'category', 'severity', 'serious', 'reportedAt', 'version', 'slaDueAt']);
const SAME_AS_REPORTED = new Set(['detectedAt', 'statusChangedAt', 'createdAt', 'updatedAt']);
/** Fields left out when they hold exactly this value (as JSON text, so order counts): empty or usual. */
const EMPTY: Record<string, string> = Object.fromEntries(
  Object.entries({
    reportedVia: 'agency',
    contact: null,
    systemId: null,
    systemName: null,
    systemLevel: null,
    nationalCritical: false,
    sector: null,
    detectionMethod: null,
    impacts: [],
    indicators: [],
    actionsTaken: null,
    supportRequested: false,
    tlp: 'amber',
    seriousReasons: [],
    seriousness: { meetsCriteria: false, criteria: [], canHandleAlone: null, mayExceedCapacity: false, decision: null },
    lateReport: false,
    assigneeIds: [],
    tags: [],
    tasks: [],
    drill: null,
    rejectionReason: null,
    closingReport: null,
    closureConfirmation: null,
  }).map(([k, v]) => [k, JSON.stringify(v)]),
);

/** The key a checklist's titles are stored under: the same titles, the same key. */
const EMPTY_VALUES: Record<string, unknown> = Object.fromEntries(Object.entries(EMPTY).map(([k, v]) => [k, JSON.parse(v)]));
/** Whether a field holds its empty or usual value (compared without serialising, but for objects). */
function isEmpty(key: string, value: unknown): boolean {
  const empty = EMPTY_VALUES[key];
  if (Array.isArray(empty)) return Array.isArray(value) && value.length === 0;
  if (empty !== null && typeof empty === 'object') return JSON.stringify(value) === EMPTY[key];
  return value === empty;
}
/** A fresh copy of a field's empty value (callers may change the record they get). */
function emptyValue(key: string): unknown {
  const empty = EMPTY_VALUES[key];
  if (Array.isArray(empty)) return [];
  return empty !== null && typeof empty === 'object' ? (JSON.parse(EMPTY[key]!) as unknown) : empty;
}

const keys = new Map<string, string>();
export const checklistKey = (titles: readonly string[]): string => {
  const text = JSON.stringify(titles);
  let key = keys.get(text);
  if (key === undefined) {
    key = crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
    // Playbooks are few: a bounded cache of their keys spares a hash per incident filed.
    if (keys.size >= 1000) keys.clear();
    keys.set(text, key);
  }
  return key;
};

/** A checklist in the stored document: its key, ids unless derived, and the state of tasks not at rest. */
type StoredTasks = { c: string; ids?: string[]; s?: Record<string, [boolean, string | null, string | null]> };

function encodeTasks(incidentId: string, tasks: IncidentTask[]): { stored: StoredTasks; titles: string[] } {
  const titles = tasks.map((t) => t.title);
  const stored: StoredTasks = { c: checklistKey(titles) };
  if (!tasks.every((t, k) => t.id === checklistTaskId(incidentId, k))) stored.ids = tasks.map((t) => t.id);
  tasks.forEach((t, k) => {
    if (t.done !== false || t.doneBy !== null || t.doneAt !== null) (stored.s ??= {})[k] = [t.done, t.doneBy, t.doneAt];
  });
  return { stored, titles };
}

/**
 * The stored document of an incident, and the checklist titles it refers to (the caller
 * stores them under `checklistKey(titles)` in the same transaction).
 */
export function encodeIncident(i: IncidentRecord): { doc: string; checklist: string[] | null } {
  const out: Record<string, unknown> = {};
  let checklist: string[] | null = null;
  for (const [key, value] of Object.entries(i)) {
    // A cleared SLA due time is a null in the document; a set one is only in its column.
    if (key === 'slaDueAt' && value === null) out.slaDueAt = null;
    if (COLUMN_FIELDS.has(key) || value === undefined) continue;
    if (SAME_AS_REPORTED.has(key) && value === i.reportedAt) continue;
    if (key in EMPTY && isEmpty(key, value)) continue;
    if (key === 'tasks') {
      const { stored, titles } = encodeTasks(i.id, value as IncidentTask[]);
      out.tasks = stored;
      checklist = titles;
      continue;
    }
    if (key === 'routing' && value && typeof value === 'object') {
      out.routing = encodeShape(value as Record<string, unknown>, ROUTING_SHAPE);
      continue;
    }
    out[key] = value;
  }
  // A record whose fields are not in the usual order reads back in its own order.
  const keys = Object.keys(i).filter((k) => (i as unknown as Record<string, unknown>)[k] !== undefined);
  const written = keys.join();
  if (written !== USUAL_ORDER && written !== `${USUAL_ORDER},slaDueAt`) out['#'] = keys;
  return { doc: JSON.stringify(out), checklist };
}

function decodeTasks(incidentId: string, stored: StoredTasks, titlesOf: (key: string) => string[]): IncidentTask[] {
  const titles = titlesOf(stored.c);
  return titles.map((title, k) => {
    const state = stored.s?.[k];
    return {
      id: stored.ids?.[k] ?? checklistTaskId(incidentId, k),
      title,
      done: state ? state[0] : false,
      doneBy: state ? state[1] : null,
      doneAt: state ? state[2] : null,
    };
  });
}

/** The record a row holds (`titlesOf` answers a checklist key, see ChecklistTitles). */
export function decodeIncident(row: IncidentRow, titlesOf: (key: string) => string[]): IncidentRecord {
  const stored = JSON.parse(row.doc) as Record<string, unknown>;
  const columns: Record<string, unknown> = {
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    status: row.status,
    category: row.category,
    severity: row.severity,
    serious: row.serious === 1,
    reportedAt: row.reported_at,
    version: row.version,
    slaDueAt: row.sla_due_at,
  };
  const order = (stored['#'] as string[] | undefined) ?? [
    ...FIELD_ORDER,
    ...Object.keys(stored).filter((k) => k !== '#' && !FIELD_ORDER.includes(k as never)),
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) {
    if (key === 'slaDueAt') continue;
    if (key in columns) out[key] = columns[key];
    else if (key === 'tasks')
      out.tasks = Array.isArray(stored.tasks)
        ? stored.tasks
        : stored.tasks
          ? decodeTasks(row.id, stored.tasks as StoredTasks, titlesOf)
          : [];
    else if (key === 'routing') out.routing = decodeShape((stored.routing ?? {}) as Record<string, unknown>, ROUTING_SHAPE);
    else if (key in stored) out[key] = stored[key];
    else if (SAME_AS_REPORTED.has(key)) out[key] = row.reported_at;
    else if (key in EMPTY) out[key] = emptyValue(key);
  }
  // Set by the SLA scheduler after filing (last, as it always was): a record that never had one has none.
  if (row.sla_due_at !== null || 'slaDueAt' in stored || (stored['#'] as string[] | undefined)?.includes('slaDueAt'))
    out.slaDueAt = row.sla_due_at;
  return out as unknown as IncidentRecord;
}

/**
 * Checklist titles by key. A key names one list of titles forever (it is their hash), so the
 * titles are cached for good once read.
 */
export class ChecklistTitles {
  private readonly cache = new Map<string, string[]>();
  constructor(private readonly db: Db) {}
  /** Stores the titles under their key (once; the key is their hash). */
  save(titles: string[]): void {
    this.db.prepare('INSERT OR IGNORE INTO checklists (key, titles) VALUES (?, ?)').run(checklistKey(titles), JSON.stringify(titles));
  }
  titlesOf = (key: string): string[] => {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = this.db.prepare('SELECT titles FROM checklists WHERE key = ?').get(key) as { titles: string } | undefined;
    if (!row) throw new Error(`incident checklist ${key} is missing from the store`);
    const titles = JSON.parse(row.titles) as string[];
    this.cache.set(key, titles);
    return titles;
  };
}
