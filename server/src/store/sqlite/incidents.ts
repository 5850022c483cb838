/**
 * SQLite repository of incidents. Besides the document, each incident has one row per team
 * that may see it (incident_teams) carrying the incident's order and open flag, so a team's
 * board is one index range; test/store-query-plans.test.ts holds every list query to an index.
 */
import type { Database as Db } from 'better-sqlite3';
import type { IncidentListQuery, IncidentRecord, IncidentRepository } from '../port.js';
import { incidentKeys, incidentSortKeyAt } from '../searchKeys.js';
import { OPEN_COLUMN_STATUSES } from './migrations.js';
import { countRows, getDoc, inList, keysetPage, searchClause, selectDocs, type PageKeys, type Params } from './table.js';
import { searchIncidentsPage, searchTerms } from './search.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor.js';
import { statsOnIncidentWritten } from './statsAggregates.js';

const isOpenColumn = (status: string) => (OPEN_COLUMN_STATUSES as readonly string[]).includes(status);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

export class SqliteIncidents implements IncidentRepository {
  constructor(private readonly db: Db) {}
  /** Team rows carry the incident's order and open flag so a team's board is one index range. */
  private writeTeams(i: IncidentRecord) {
    this.db.prepare('DELETE FROM incident_teams WHERE incident_id = ?').run(i.id);
    const add = this.db.prepare('INSERT INTO incident_teams (incident_id, team_id, incident_sort_key, incident_open) VALUES (?, ?, ?, ?)');
    const sortKey = incidentKeys(i).sortKey;
    const open = isOpenColumn(i.status) ? 1 : 0;
    for (const teamId of new Set(i.routing.teamIds)) add.run(i.id, teamId, sortKey, open);
  }
  private columns(i: IncidentRecord) {
    const k = incidentKeys(i);
    return [
      i.agencyId,
      i.status,
      i.category,
      i.severity,
      i.serious ? 1 : 0,
      i.drill ? 1 : 0,
      i.reportedAt,
      k.sortKey,
      k.searchText,
      i.version,
      JSON.stringify(i),
      i.slaDueAt ?? null,
    ];
  }
  async insert(i: IncidentRecord) {
    this.db
      .prepare(
        `INSERT INTO incidents (id, code, agency_id, status, category, severity, serious, is_drill, reported_at, sort_key, search_text, version, doc, sla_due_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(i.id, i.code, ...this.columns(i));
    this.writeTeams(i);
    statsOnIncidentWritten(this.db, i);
  }
  async update(i: IncidentRecord, expectedVersion: number) {
    const r = this.db
      .prepare(
        `UPDATE incidents SET agency_id=?, status=?, category=?, severity=?, serious=?, is_drill=?, reported_at=?, sort_key=?, search_text=?, version=?, doc=?, sla_due_at=?
         WHERE id=? AND version=?`,
      )
      .run(...this.columns(i), i.id, expectedVersion);
    if (r.changes === 1) this.writeTeams(i);
    if (r.changes === 1) statsOnIncidentWritten(this.db, i);
    return r.changes === 1;
  }
  async get(id: string) {
    return getDoc<IncidentRecord>(this.db, 'incidents', id);
  }
  async list(query: IncidentListQuery) {
    const where: string[] = [];
    const params: Params = [];
    // A search walks the text index in list order (search.ts); the other filters apply to what it finds.
    const terms = searchTerms(query.q);
    const search = terms.match === null ? null : { ...terms, match: terms.match };
    if (!search) searchClause('incidents', query.q, where, params);
    if (query.agencyIds) {
      if (query.agencyIds.length === 0) return { items: [], nextCursor: null };
      inList(where, params, 'agency_id', query.agencyIds);
    }
    const openOnly = query.statuses !== undefined && sameSet(query.statuses, OPEN_COLUMN_STATUSES);
    let from = 'incidents';
    let keys: PageKeys | undefined;
    if (query.teamIds) {
      const teamIds = [...new Set(query.teamIds)];
      if (teamIds.length === 0) return { items: [], nextCursor: null };
      if (teamIds.length === 1 && !search) {
        // One team (a responder's usual case): walk that team's rows in board order.
        from = 'incident_teams CROSS JOIN incidents ON incidents.id = incident_teams.incident_id';
        keys = { sort: 'incident_teams.incident_sort_key', id: 'incident_teams.incident_id' };
        where.push('incident_teams.team_id = ?');
        params.push(teamIds[0]!);
        if (openOnly) where.push('incident_teams.incident_open = 1');
      } else if (search) {
        // Each incident the search finds is checked by its own team rows (primary key): listing
        // the teams' incidents first would cost as much as the teams' whole history.
        where.push(
          `EXISTS (SELECT 1 FROM incident_teams WHERE incident_teams.incident_id = incidents.id AND incident_teams.team_id IN (${teamIds.map(() => '?').join(',')}))`,
        );
        params.push(...teamIds);
      } else {
        where.push(`incidents.id IN (SELECT incident_id FROM incident_teams WHERE team_id IN (${teamIds.map(() => '?').join(',')}))`);
        params.push(...teamIds);
      }
    }
    const equal = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('status', query.status);
    if (query.statuses) {
      if (query.statuses.length === 0) return { items: [], nextCursor: null };
      if (openOnly) where.push('is_open = 1');
      else inList(where, params, 'status', query.statuses);
    }
    if (query.assigneeId) {
      where.push(`EXISTS (SELECT 1 FROM json_each(incidents.doc, '$.assigneeIds') WHERE value = ?)`);
      params.push(query.assigneeId);
    }
    equal('category', query.category);
    equal('severity', query.severity);
    equal('serious', query.serious === undefined ? undefined : query.serious ? 1 : 0);
    equal('is_drill', query.drill === undefined ? undefined : query.drill ? 1 : 0);
    // The sort key counts reporting time down, so a date range is a sort-key range (one index).
    if (query.from) {
      where.push('incidents.sort_key <= ?');
      params.push(incidentSortKeyAt(query.from));
    }
    if (query.to) {
      where.push('incidents.sort_key >= ?');
      params.push(incidentSortKeyAt(query.to));
    }
    if (query.overdueAt) {
      where.push('incidents.sla_due_at <= ?');
      params.push(query.overdueAt);
    }
    if (search) {
      const cursor = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !cursor) throw new InvalidCursorError();
      const rows = searchIncidentsPage(this.db, search, where, params, cursor, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => JSON.parse(r.doc) as IncidentRecord),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
      };
    }
    return keysetPage<IncidentRecord>(this.db, from, where, params, query, keys);
  }
  async count() {
    return countRows(this.db, 'incidents');
  }
  async reassignAgency(fromAgencyId: string, toAgencyId: string, at: string) {
    const incidents = selectDocs<IncidentRecord>(this.db, 'SELECT doc FROM incidents WHERE agency_id = ?', fromAgencyId);
    for (const i of incidents) await this.update({ ...i, agencyId: toAgencyId, version: i.version + 1, updatedAt: at }, i.version);
    return incidents.length;
  }
  async setSlaDueAt(id: string, dueAt: string | null) {
    this.db.prepare(`UPDATE incidents SET sla_due_at = ?, doc = json_set(doc, '$.slaDueAt', ?) WHERE id = ?`).run(dueAt, dueAt, id);
  }
}
