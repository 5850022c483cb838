/**
 * SQLite repository of incidents. Besides the document, each incident has one row per team
 * that may see it (incident_teams) carrying the incident's order and open flag, so a team's
 * board is one index range; test/store-query-plans.test.ts holds every list query to an index.
 */
import type { Database as Db } from 'better-sqlite3';
import type { IncidentListQuery, IncidentRecord, IncidentRepository } from '../port.js';
import { incidentKeys, incidentSortKeyAt } from '../searchKeys.js';
import { OPEN_COLUMN_STATUSES } from './migrations.js';
import { countRows, inList, keysetPage, searchClause, type PageKeys, type Params } from './table.js';
import { searchIncidentsPage, searchTerms } from './search.js';
import { moveIncidentEventScopes, type IncidentScopes } from './eventScopes.js';
import { scopedMatch, searchScope, storedScopedSearchRow, writeScopedSearchRow, type ScopedSearchRow } from './scopedSearch.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../cursor.js';
import { ChecklistTitles, decodeIncident, encodeIncident, INCIDENT_COLUMNS, type IncidentRow } from './incidentDoc.js';
import { readIncidentCards } from './incidentCards.js';
import { statsOnIncidentWritten } from './statsAggregates.js';
import { placeIncident, rewriteIncidentText, unplaceIncident } from './listOrderRowids.js';

const isOpenColumn = (status: string) => (OPEN_COLUMN_STATUSES as readonly string[]).includes(status);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

export class SqliteIncidents implements IncidentRepository {
  private readonly checklists: ChecklistTitles;
  /** Incident rows → records (the stored document holds only what the columns do not: incidentDoc.ts). */
  private readonly read: { columns: string; toRecord: (row: IncidentRow) => IncidentRecord };
  constructor(private readonly db: Db) {
    this.checklists = new ChecklistTitles(db);
    this.read = { columns: INCIDENT_COLUMNS, toRecord: (row) => decodeIncident(row, this.checklists.titlesOf) };
  }
  private select(sql: string, ...params: Params): IncidentRecord[] {
    return (this.db.prepare(sql).all(...params) as IncidentRow[]).map(this.read.toRecord);
  }
  /**
   * Team rows carry the incident's order and open flag so a team's board is one index range;
   * the catch-up feed's rows of the incident's events follow its teams and agency.
   */
  private writeTeams(i: IncidentRecord, before: IncidentScopes) {
    moveIncidentEventScopes(this.db, i.id, before, { teamIds: i.routing.teamIds, agencyId: i.agencyId });
    this.db.prepare('DELETE FROM incident_teams WHERE incident_id = ?').run(i.id);
    const add = this.db.prepare('INSERT INTO incident_teams (incident_id, team_id, incident_sort_key, incident_open) VALUES (?, ?, ?, ?)');
    const sortKey = incidentSortKeyAt(i.reportedAt); // not incidentKeys: its search text is not needed here
    const open = isOpenColumn(i.status) ? 1 : 0;
    for (const teamId of new Set(i.routing.teamIds)) add.run(i.id, teamId, sortKey, open);
  }
  private columns(i: IncidentRecord) {
    const k = incidentKeys(i);
    const { doc, checklist } = encodeIncident(i);
    if (checklist) this.checklists.save(checklist);
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
      doc,
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
    placeIncident(this.db, i.id);
    this.writeTeams(i, { teamIds: [], agencyId: null });
    writeScopedSearchRow(this.db, i.id, null, i.routing.teamIds);
    statsOnIncidentWritten(this.db, i);
  }
  async update(i: IncidentRecord, expectedVersion: number) {
    const before = this.storedScopes(i.id);
    let searchRow: ScopedSearchRow | null = storedScopedSearchRow(this.db, i.id, before.teamIds);
    const stored = this.db.prepare('SELECT sort_key, search_text FROM incidents WHERE id = ?').get(i.id) as
      { sort_key: string; search_text: string } | undefined;
    const r = this.db
      .prepare(
        `UPDATE incidents SET agency_id=?, status=?, category=?, severity=?, serious=?, is_drill=?, reported_at=?, sort_key=?, search_text=?, version=?, doc=?, sla_due_at=?
         WHERE id=? AND version=?`,
      )
      .run(...this.columns(i), i.id, expectedVersion);
    if (r.changes === 1) {
      // The search indexes' rowids follow the list order (listOrderRowids.ts).
      const keys = incidentKeys(i);
      if (stored && stored.sort_key !== keys.sortKey) {
        unplaceIncident(this.db, i.id);
        placeIncident(this.db, i.id);
        searchRow = null;
      } else if (stored && stored.search_text !== keys.searchText) rewriteIncidentText(this.db, i.id, keys.searchText);
      this.writeTeams(i, before);
      writeScopedSearchRow(this.db, i.id, searchRow, i.routing.teamIds);
      statsOnIncidentWritten(this.db, i);
    }
    return r.changes === 1;
  }
  private storedScopes(id: string): IncidentScopes {
    const agency = this.db.prepare('SELECT agency_id FROM incidents WHERE id = ?').get(id) as { agency_id: string } | undefined;
    const teams = this.db.prepare('SELECT team_id FROM incident_teams WHERE incident_id = ?').all(id) as { team_id: string }[];
    return { agencyId: agency?.agency_id ?? null, teamIds: teams.map((t) => t.team_id) };
  }
  async get(id: string) {
    return this.select(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`, id)[0] ?? null;
  }
  async getMany(ids: readonly string[]) {
    const unique = [...new Set(ids)];
    const found: IncidentRecord[] = [];
    // SQLite binds at most 32,766 parameters; pages are far smaller, chunks keep it safe.
    for (let k = 0; k < unique.length; k += 500) {
      const chunk = unique.slice(k, k + 500);
      found.push(...this.select(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id IN (${chunk.map(() => '?').join(',')})`, ...chunk));
    }
    return found;
  }
  async getManyCards(ids: readonly string[]) {
    return readIncidentCards(this.db, ids);
  }
  async list(query: IncidentListQuery) {
    const where: string[] = [];
    const params: Params = [];
    // A search walks the text index in list order (search.ts); the other filters apply to what it finds.
    const terms = searchTerms(query.q);
    const search = terms.match === null ? null : { ...terms, match: terms.match };
    if (!search) searchClause('incidents', query.q, where, params);
    /** A search within teams or agencies walks the scoped index (scopedSearch.ts). */
    let searchScopes: string[] | null = null;
    if (query.agencyIds) {
      if (query.agencyIds.length === 0) return { items: [], nextCursor: null };
      inList(where, params, 'agency_id', query.agencyIds);
      searchScopes = [...new Set(query.agencyIds)].map(searchScope.agency);
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
        // The scoped index finds the teams' incidents with the words; each is checked by its
        // own team rows (primary key): listing the teams' incidents first would cost as much
        // as the teams' whole history.
        searchScopes = teamIds.map(searchScope.team);
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
    // Literal flags: the serious and drill indexes hold only the incidents with the flag set.
    if (query.serious !== undefined) where.push(`serious = ${query.serious ? 1 : 0}`);
    // "Real incidents only" is nearly every row: the unary + keeps the planner off any index
    // leading with is_drill (stores before the list-order migration had one), which would read
    // them all and sort them, so a list-order index (serious, agency, sort…) serves the page.
    if (query.drill !== undefined) where.push(query.drill ? 'is_drill = 1' : '+is_drill = 0');
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
      // Within a scope, the scoped index narrows by the trigrams it holds and every word is checked.
      const scoped = searchScopes ? scopedMatch(search.trigrams, searchScopes) : null;
      const index = scoped
        ? { table: 'incidents_scoped_fts' as const, match: scoped }
        : { table: 'incidents_fts' as const, match: search.match };
      const checked = scoped ? { ...search, likes: search.wordLikes } : search;
      const rows = searchIncidentsPage(this.db, checked, index, where, params, cursor, query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      // The page's records are put together from their rows' columns (incidentDoc.ts), read by key.
      const byId = new Map(
        items.length
          ? this.select(
              `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id IN (${items.map(() => '?').join(',')})`,
              ...items.map((r) => r.id),
            ).map((i) => [i.id, i])
          : [],
      );
      return {
        items: items.map((r) => byId.get(r.id)!),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sort_key, id: last.id }) : null,
      };
    }
    return keysetPage<IncidentRecord>(this.db, from, where, params, query, keys, this.read);
  }
  async count() {
    return countRows(this.db, 'incidents');
  }
  async reassignAgency(fromAgencyId: string, toAgencyId: string, at: string) {
    const incidents = this.select(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE agency_id = ?`, fromAgencyId);
    for (const i of incidents) await this.update({ ...i, agencyId: toAgencyId, version: i.version + 1, updatedAt: at }, i.version);
    return incidents.length;
  }
  async setSlaDueAt(id: string, dueAt: string | null) {
    // The due time lives in its column; a cleared one leaves a null in the document (incidentDoc.ts).
    this.db
      .prepare(
        `UPDATE incidents SET sla_due_at = ?, doc = CASE WHEN ? IS NULL THEN json_set(doc, '$.slaDueAt', json('null')) ELSE json_remove(doc, '$.slaDueAt') END WHERE id = ?`,
      )
      .run(dueAt, dueAt, id);
  }
}
