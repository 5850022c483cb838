import type { Database as Db } from 'better-sqlite3';
import { searchClause } from './search.js';
import type { IncidentCountQuery, IncidentCountRepository } from '../incidentCounts.js';
import { incidentSortKeyAt } from '../searchKeys.js';
import { OPEN_COLUMN_STATUSES } from './migrations.js';

type Params = (string | number | null)[];

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/** The list's WHERE clause (sqliteStore.ts, SqliteIncidents.list) as one COUNT over the same indexes. */
export class SqliteIncidentCounts implements IncidentCountRepository {
  constructor(private readonly db: Db) {}

  async count(query: IncidentCountQuery): Promise<number> {
    if (query.agencyIds?.length === 0 || query.teamIds?.length === 0 || query.statuses?.length === 0) return 0;
    const where: string[] = [];
    const params: Params = [];
    const inList = (column: string, values: readonly (string | number)[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    const equal = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    // Every word in any order, the same search as the list's (search.ts).
    searchClause('incidents', query.q, where, params);
    if (query.agencyIds) inList('agency_id', query.agencyIds);
    if (query.teamIds) {
      const teamIds = [...new Set(query.teamIds)];
      where.push(`incidents.id IN (SELECT incident_id FROM incident_teams WHERE team_id IN (${teamIds.map(() => '?').join(',')}))`);
      params.push(...teamIds);
    }
    equal('status', query.status);
    if (query.statuses) {
      if (sameSet(query.statuses, OPEN_COLUMN_STATUSES)) where.push('is_open = 1');
      else inList('status', query.statuses);
    }
    if (query.assigneeId) {
      where.push(`EXISTS (SELECT 1 FROM json_each(incidents.doc, '$.assigneeIds') WHERE value = ?)`);
      params.push(query.assigneeId);
    }
    equal('category', query.category);
    equal('severity', query.severity);
    // Literal flags: the serious and drill indexes hold only the incidents with the flag set.
    if (query.serious !== undefined) where.push(`serious = ${query.serious ? 1 : 0}`);
    if (query.drill !== undefined) where.push(`is_drill = ${query.drill ? 1 : 0}`);
    // The sort key counts reporting time down, so a date range is a sort-key range.
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
    const sql = `SELECT count(*) AS n FROM incidents${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }
}
