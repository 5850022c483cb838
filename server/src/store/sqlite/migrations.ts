/**
 * Versioned schema migrations, applied in order inside one transaction each and recorded
 * in `PRAGMA user_version`. Never edit a shipped migration: add the next one.
 */
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
];
