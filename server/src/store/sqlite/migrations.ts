import { searchIndexSql } from './search.js';

/**
 * Versioned schema migrations, applied in order inside one transaction each and recorded
 * in `PRAGMA user_version`. Never edit a shipped migration: add the next one.
 */
import { REPORT_TYPES_MIGRATION } from './reportTypesMigration.js';
import { COMPACT_STORAGE_MIGRATION } from './storageMigration.js';
import { EVENT_SCOPES_MIGRATION } from './eventScopes.js';
import { SCOPED_SEARCH_MIGRATION } from './scopedSearch.js';
import { STATS_AGGREGATES_MIGRATION } from './statsAggregates.js';
import { STORAGE_LIST_ORDER_MIGRATION } from './storageListOrderMigration.js';

/**
 * The statuses migration 4's `is_open` column counts as open (the board's list). Frozen with
 * that migration: the store uses the column only when a query asks for exactly this set.
 */
export const OPEN_COLUMN_STATUSES = ['received', 'triage', 'initial_response', 'containment', 'recovery'] as const;

/**
 * A trigram full-text index over a table's normalised `search_text` (words match in any
 * order, inside words too). The FTS rows are keyed through `<table>_fts_ids`, not by the
 * table's implicit rowid, which VACUUM may renumber.
 */
const searchIndex = (table: string) => `
  CREATE VIRTUAL TABLE ${table}_fts USING fts5(search_text, id UNINDEXED, tokenize = 'trigram');
  CREATE TABLE ${table}_fts_ids (id TEXT PRIMARY KEY, fts_rowid INTEGER NOT NULL);
  INSERT INTO ${table}_fts (search_text, id) SELECT search_text, id FROM ${table};
  INSERT INTO ${table}_fts_ids (id, fts_rowid) SELECT id, rowid FROM ${table}_fts;
  CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${table}_fts (search_text, id) VALUES (new.search_text, new.id);
    INSERT INTO ${table}_fts_ids (id, fts_rowid) VALUES (new.id, last_insert_rowid());
  END;
  CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF search_text ON ${table} WHEN old.search_text IS NOT new.search_text BEGIN
    UPDATE ${table}_fts SET search_text = new.search_text
      WHERE rowid = (SELECT fts_rowid FROM ${table}_fts_ids WHERE id = new.id);
  END;
  CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
    DELETE FROM ${table}_fts WHERE rowid = (SELECT fts_rowid FROM ${table}_fts_ids WHERE id = old.id);
    DELETE FROM ${table}_fts_ids WHERE id = old.id;
  END;
`;

export const MIGRATIONS: string[] = [
  // 1: registry, accounts, sessions, event log
  `
  CREATE TABLE agencies (
    id TEXT PRIMARY KEY,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    type TEXT NOT NULL,
    merged_into_id TEXT,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX agencies_sort ON agencies (sort_key, id);

  CREATE TABLE sectors (code TEXT PRIMARY KEY, doc TEXT NOT NULL);

  CREATE TABLE systems (
    id TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX systems_agency ON systems (agency_id, sort_key, id);
  CREATE INDEX systems_sort ON systems (sort_key, id);

  CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    is_standing INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX teams_sort ON teams (sort_key, id);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    agency_id TEXT,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX users_sort ON users (sort_key, id);
  CREATE INDEX users_agency ON users (agency_id);

  CREATE TABLE user_teams (
    user_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    PRIMARY KEY (user_id, team_id)
  );
  CREATE INDEX user_teams_team ON user_teams (team_id);

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    session_epoch INTEGER NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    rotated_at TEXT,
    revoked_at TEXT,
    user_agent TEXT,
    ip TEXT
  );
  CREATE INDEX sessions_family ON sessions (family_id);
  CREATE INDEX sessions_user ON sessions (user_id);

  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    incident_id TEXT,
    version INTEGER,
    at TEXT NOT NULL,
    actor_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX events_entity ON events (entity, entity_id, seq);
  `,
  // 2: incidents, their attachments and comments, idempotency keys, counters, API keys
  `
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    agency_id TEXT NOT NULL,
    status TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT,
    serious INTEGER NOT NULL,
    is_drill INTEGER NOT NULL,
    reported_at TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX incidents_sort ON incidents (sort_key, id);
  CREATE INDEX incidents_agency ON incidents (agency_id, sort_key);
  CREATE INDEX incidents_status ON incidents (status, sort_key);

  CREATE TABLE incident_teams (
    incident_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    PRIMARY KEY (incident_id, team_id)
  );
  CREATE INDEX incident_teams_team ON incident_teams (team_id);

  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

  CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  );

  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX attachments_incident ON attachments (incident_id, created_at);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL
  );

  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE UNIQUE INDEX comments_incident ON comments (incident_id, position);
  `,
  // 3: response playbooks per incident category
  `
  CREATE TABLE playbooks (category TEXT PRIMARY KEY, doc TEXT NOT NULL);
  `,
  // 4: drills (R4) with the due time of their next inject, and the annual drill plans
  `
  CREATE TABLE drills (
    id TEXT PRIMARY KEY,
    sort_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    next_due_at TEXT,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX drills_year ON drills (year, sort_key, id);
  CREATE INDEX drills_sort ON drills (sort_key, id);
  CREATE INDEX drills_due ON drills (status, next_due_at);
  CREATE TABLE drill_plans (year INTEGER PRIMARY KEY, doc TEXT NOT NULL);
  `,
  // 4: every list query served by an index (issue #11): one index per incident filter ending
  // in the keyset order, the open flag for the board, team rows carrying the incident's
  // order and open flag (a team's board reads its own index range), registry filters, and
  // full-text search.
  `
  DROP INDEX incidents_agency;
  DROP INDEX incidents_status;
  CREATE INDEX incidents_agency_sort ON incidents (agency_id, sort_key, id);
  CREATE INDEX incidents_status_sort ON incidents (status, sort_key, id);
  CREATE INDEX incidents_category_sort ON incidents (category, sort_key, id);
  CREATE INDEX incidents_severity_sort ON incidents (severity, sort_key, id);
  CREATE INDEX incidents_serious_sort ON incidents (serious, sort_key, id);
  CREATE INDEX incidents_drill_sort ON incidents (is_drill, sort_key, id);
  ALTER TABLE incidents ADD COLUMN is_open INTEGER NOT NULL
    GENERATED ALWAYS AS (status IN (${OPEN_COLUMN_STATUSES.map((s) => `'${s}'`).join(', ')})) VIRTUAL;
  CREATE INDEX incidents_open_sort ON incidents (is_open, sort_key, id);

  ALTER TABLE incident_teams ADD COLUMN incident_sort_key TEXT NOT NULL DEFAULT '';
  ALTER TABLE incident_teams ADD COLUMN incident_open INTEGER NOT NULL DEFAULT 0;
  UPDATE incident_teams SET
    incident_sort_key = (SELECT sort_key FROM incidents WHERE incidents.id = incident_teams.incident_id),
    incident_open = (SELECT is_open FROM incidents WHERE incidents.id = incident_teams.incident_id);
  CREATE INDEX incident_teams_team_sort ON incident_teams (team_id, incident_sort_key, incident_id);
  CREATE INDEX incident_teams_team_open_sort ON incident_teams (team_id, incident_open, incident_sort_key, incident_id);

  CREATE INDEX agencies_type_sort ON agencies (type, sort_key, id);
  CREATE INDEX systems_level_sort ON systems (level, sort_key, id);
  CREATE INDEX teams_kind_sort ON teams (kind, sort_key, id);
  DROP INDEX users_agency;
  CREATE INDEX users_agency_sort ON users (agency_id, sort_key, id);
  CREATE INDEX users_role_sort ON users (role, sort_key, id);
  ${['agencies', 'systems', 'teams', 'users', 'incidents'].map(searchIndex).join('')}
  `,
  // routing rules (ordered), on-call rosters, upward notifications of serious incidents
  `
  CREATE TABLE routing_rules (id TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX routing_rules_position ON routing_rules (position, id);
  CREATE TABLE oncall_rosters (team_id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE upward_notifications (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX upward_notifications_incident ON upward_notifications (incident_id, created_at);
  `,
  // 4: leaders' statistics index, the reporting cycle (rounds, submissions) and the assessments register (R3)
  `
  CREATE INDEX incidents_reported ON incidents (is_drill, reported_at);

  CREATE TABLE report_rounds (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    sort_key TEXT NOT NULL,
    remind_at TEXT NOT NULL,
    reminded_at TEXT,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX report_rounds_sort ON report_rounds (sort_key, id);
  CREATE INDEX report_rounds_reminder ON report_rounds (reminded_at, remind_at);

  CREATE TABLE report_round_agencies (
    round_id TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    PRIMARY KEY (round_id, agency_id)
  );
  CREATE INDEX report_round_agencies_agency ON report_round_agencies (agency_id);

  CREATE TABLE report_submissions (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (round_id, agency_id)
  );

  CREATE TABLE assessments (
    id TEXT PRIMARY KEY,
    system_id TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX assessments_system ON assessments (system_id, assessed_at, created_at);
  `,
  // 4: audit chain, notifications (inbox, preferences, webhooks, delivery outbox), SLA policies and timers
  `
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    event_seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    incident_id TEXT,
    actor_id TEXT,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_log_type ON audit_log (type, seq);
  CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
  CREATE INDEX audit_log_incident ON audit_log (incident_id, seq);
  CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
  CREATE INDEX audit_log_at ON audit_log (at);

  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT,
    doc TEXT NOT NULL
  );
  CREATE INDEX notifications_user ON notifications (user_id, created_at, id);
  CREATE INDEX notifications_unread ON notifications (user_id, read_at);

  CREATE TABLE notification_preferences (user_id TEXT PRIMARY KEY, doc TEXT NOT NULL);

  CREATE TABLE webhooks (id TEXT PRIMARY KEY, doc TEXT NOT NULL);

  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
  CREATE INDEX deliveries_created ON deliveries (created_at, id);

  CREATE TABLE sla_policies (scope TEXT PRIMARY KEY, doc TEXT NOT NULL);

  CREATE TABLE sla_timers (
    incident_id TEXT PRIMARY KEY,
    step INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX sla_timers_due ON sla_timers (due_at);

  ALTER TABLE incidents ADD COLUMN sla_due_at TEXT;
  CREATE INDEX incidents_sla_due ON incidents (sla_due_at);
  `,
  // 4: events record what changed, not an incident snapshot (incident.created kept the whole
  // incident, internal fields included); and the catch-up feed reads an incident's events by index.
  `
  UPDATE events SET data = json_object(
    'code', json_extract(data, '$.incident.code'),
    'title', json_extract(data, '$.incident.title'),
    'category', json_extract(data, '$.incident.category'),
    'agencyId', json_extract(data, '$.incident.agencyId'),
    'reportedVia', json_extract(data, '$.incident.reportedVia'),
    'serious', json(CASE WHEN json_extract(data, '$.incident.serious') THEN 'true' ELSE 'false' END),
    'lateReport', json(CASE WHEN json_extract(data, '$.incident.lateReport') THEN 'true' ELSE 'false' END)
  )
  WHERE type = 'incident.created' AND json_type(data, '$.incident') = 'object';
  CREATE INDEX events_incident ON events (incident_id, seq);
  `,
  // files attached to an agency's answer in a reporting round
  `
  CREATE TABLE report_attachments (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX report_attachments_round ON report_attachments (round_id, agency_id, created_at);
  `,
  // report types become stored configuration, seeded with the demo province's types
  REPORT_TYPES_MIGRATION,
  // storage per incident (issue #11): search indexes keep neither a copy of the text nor
  // trigram positions (search.ts; incidents' index rowids in list order); an incident's team
  // rows live in their primary key (WITHOUT ROWID) and lose the plain team index, which the
  // two team-ordered indexes make redundant.
  `
  ${['agencies', 'systems', 'teams', 'users'].map((t) => searchIndexSql(t, { orderedBySortKey: false })).join('')}
  ${searchIndexSql('incidents', { orderedBySortKey: true })}
  CREATE TABLE incident_teams_compact (
    incident_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    incident_sort_key TEXT NOT NULL DEFAULT '',
    incident_open INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_id, team_id)
  ) WITHOUT ROWID;
  INSERT INTO incident_teams_compact (incident_id, team_id, incident_sort_key, incident_open)
    SELECT incident_id, team_id, incident_sort_key, incident_open FROM incident_teams;
  DROP TABLE incident_teams;
  ALTER TABLE incident_teams_compact RENAME TO incident_teams;
  CREATE INDEX incident_teams_team_sort ON incident_teams (team_id, incident_sort_key, incident_id);
  CREATE INDEX incident_teams_team_open_sort ON incident_teams (team_id, incident_open, incident_sort_key, incident_id);
  `,
  // storage per incident (issue #11): compact incident documents, audit entries without event copies, partial indexes
  COMPACT_STORAGE_MIGRATION,
  // reads within a scope (issue #11): the catch-up feed's index — which teams and agencies may
  // see each incident event (eventScopes.ts) — and the search index by scope (scopedSearch.ts)
  `${EVENT_SCOPES_MIGRATION}${SCOPED_SEARCH_MIGRATION}`,
  // statistics aggregates (issue #11): per-day and per-month totals, milestone durations and pending SLA steps,
  // kept with every incident write so the leaders' statistics read days, not incidents
  STATS_AGGREGATES_MIGRATION,
  // storage per incident (issue #11): search indexes numbered densely in list order, statistics
  // rows read along the incidents' list-order index (storageListOrderMigration.ts)
  STORAGE_LIST_ORDER_MIGRATION,
];
