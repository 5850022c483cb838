/**
 * Storage per incident (issue #11, ≤ 3 KB per incident with its events), one migration:
 *
 * - incidents: the document keeps only what the columns do not, and a key to its checklist's
 *   titles, stored once in `checklists` (incidentDoc.ts; converted by the same code through
 *   SQL functions registered before migrating);
 * - audit_log: an entry keeps its event's seq and its hash, not a copy of the event (audit.ts);
 *   an entry that says something its event no longer says (written before events recorded
 *   only what changed) keeps its own copy, so every entry and hash reads back as it was;
 * - events: the creation and routing decisions at intake leave out their empty fields (eventData.ts; after the
 *   audit entries were compared with their events as written); an incident's own events are
 *   read by the incident index (they carry its id as incident_id), so the entity index holds
 *   only the other entities' events;
 * - the open, serious, drill and SLA-due indexes hold only the incidents (and team rows) they list.
 */
import type { Database as Db } from 'better-sqlite3';
import type { IncidentRecord } from '../port.js';
import { encodeEventData } from './eventData.js';
import { checklistKey, encodeIncident } from './incidentDoc.js';

/**
 * The SQL functions this migration converts existing rows with: the same code that stores
 * new rows (registered on every connection before migrating).
 */
export function registerStorageFunctions(db: Db): void {
  // The checklists met while converting documents, by key, until stored by the next statement
  // (one pass over the documents: parsing each whole record twice took a third longer).
  const met = new Map<string, string>();
  // A whole-record document in the stored form.
  db.function('compact_incident_doc', (doc: unknown) => {
    const { doc: stored, checklist } = encodeIncident(JSON.parse(String(doc)) as IncidentRecord);
    if (checklist) met.set(checklistKey(checklist), JSON.stringify(checklist));
    return stored;
  });
  db.function('met_checklist_titles', (key: unknown) => met.get(String(key)) ?? null);
  db.function('forget_met_checklists', () => {
    met.clear();
    return null;
  });
  db.function('compact_event_data', { deterministic: true }, (type: unknown, data: unknown) =>
    encodeEventData(String(type), JSON.parse(String(data)) as Record<string, unknown>),
  );
}

const GENESIS_HASH = '0'.repeat(64);
const HEX_HASH = (column: string) => `(length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`;

export const COMPACT_STORAGE_MIGRATION = `
  CREATE TABLE checklists (key TEXT PRIMARY KEY, titles TEXT NOT NULL) WITHOUT ROWID;
  UPDATE incidents SET doc = compact_incident_doc(doc);
  INSERT OR IGNORE INTO checklists (key, titles)
    SELECT key, met_checklist_titles(key) FROM (SELECT DISTINCT json_extract(doc, '$.tasks.c') AS key FROM incidents)
    WHERE key IS NOT NULL;
  SELECT forget_met_checklists();

  CREATE TABLE audit_log_compact (
    seq INTEGER PRIMARY KEY,
    event_seq INTEGER NOT NULL,
    hash BLOB NOT NULL,
    entry TEXT
  );
  INSERT INTO audit_log_compact (seq, event_seq, hash, entry)
    SELECT a.seq, a.event_seq,
      CASE WHEN ${HEX_HASH('a.hash')} THEN unhex(a.hash) ELSE x'' END,
      CASE WHEN e.seq IS NOT NULL AND e.at = a.at AND e.type = a.type AND e.entity = a.entity AND e.entity_id = a.entity_id
          AND e.incident_id IS a.incident_id AND e.actor_id IS a.actor_id AND e.data = a.data
          AND a.prev_hash = (CASE WHEN a.seq = 1 THEN '${GENESIS_HASH}' ELSE p.hash END) AND ${HEX_HASH('a.hash')}
        THEN NULL
        ELSE json_object('at', a.at, 'type', a.type, 'entity', a.entity, 'entityId', a.entity_id, 'incidentId', a.incident_id,
          'actorId', a.actor_id, 'data', json(a.data), 'prevHash', a.prev_hash, 'hash', a.hash)
      END
    FROM audit_log a
    LEFT JOIN events e ON e.seq = a.event_seq
    LEFT JOIN audit_log p ON p.seq = a.seq - 1;
  DROP TABLE audit_log;
  ALTER TABLE audit_log_compact RENAME TO audit_log;
  CREATE INDEX audit_log_event ON audit_log (event_seq);
  CREATE INDEX audit_log_copies ON audit_log (seq) WHERE entry IS NOT NULL;

  UPDATE events SET data = compact_event_data(type, data) WHERE type IN ('incident.created', 'incident.routed');
  DROP INDEX events_entity;
  CREATE INDEX events_entity ON events (entity, entity_id, seq) WHERE entity <> 'incident';

  DROP INDEX incidents_open_sort;
  CREATE INDEX incidents_open_sort ON incidents (sort_key, id) WHERE is_open = 1;
  DROP INDEX incidents_serious_sort;
  CREATE INDEX incidents_serious_sort ON incidents (sort_key, id) WHERE serious = 1;
  DROP INDEX incidents_drill_sort;
  CREATE INDEX incidents_drill_sort ON incidents (is_drill, sort_key, id) WHERE is_drill = 1;
  DROP INDEX incident_teams_team_open_sort;
  CREATE INDEX incident_teams_team_open_sort ON incident_teams (team_id, incident_sort_key, incident_id) WHERE incident_open = 1;
  DROP INDEX incidents_sla_due;
  CREATE INDEX incidents_sla_due ON incidents (sla_due_at) WHERE sla_due_at IS NOT NULL;
`;
