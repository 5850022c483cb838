/**
 * The catch-up feed's cards straight from the incident rows (`incidents.getManyCards`): the
 * columns, and from the stored document only the few card fields, by the document's rules
 * (incidentDoc.ts: a field at its usual value is left out; a time equal to the reporting time
 * is left out; routing is stored by its shape). Putting whole records back together cost
 * several times more for a page of 500. test/store-contract-incident-cards.test.ts holds this
 * to the whole record's projection.
 */
import type { Database as Db } from 'better-sqlite3';
import type { IncidentCardRecord, IncidentRecord } from '../port.js';

type CardRow = {
  id: string;
  code: string;
  agency_id: string;
  status: IncidentRecord['status'];
  category: IncidentRecord['category'];
  severity: IncidentRecord['severity'];
  serious: number;
  reported_at: string;
  version: number;
  sla_due_at: string | null;
  doc: string;
};

type StoredRouting = Partial<Pick<IncidentRecord['routing'], 'teamId' | 'teamIds' | 'informedTeamIds'>>;
type StoredCardFields = Partial<Pick<IncidentRecord, 'title' | 'lateReport' | 'drill' | 'statusChangedAt' | 'assigneeIds'>> & {
  routing?: StoredRouting;
};

/**
 * The owner and the teams of a stored routing (ROUTING_SHAPE in shapes.ts): the owner is always
 * stored; the teams only when they are not the owner and the informed teams, in that order.
 * Read directly: the whole shape's decoding was a sixth of a catch-up page's time.
 */
function routingOf(stored: StoredRouting | undefined): IncidentCardRecord['routing'] {
  const teamId = stored?.teamId ?? null;
  const teamIds = stored?.teamIds ?? [...new Set([...(teamId === null ? [] : [teamId]), ...(stored?.informedTeamIds ?? [])])];
  return { teamId, teamIds };
}

const toCard = (row: CardRow): IncidentCardRecord => {
  const stored = JSON.parse(row.doc) as StoredCardFields;
  return {
    id: row.id,
    code: row.code,
    agencyId: row.agency_id,
    title: stored.title!,
    category: row.category,
    status: row.status,
    severity: row.severity,
    serious: row.serious === 1,
    lateReport: stored.lateReport ?? false,
    drill: stored.drill ?? null,
    reportedAt: row.reported_at,
    statusChangedAt: stored.statusChangedAt ?? row.reported_at,
    routing: routingOf(stored.routing),
    assigneeIds: stored.assigneeIds ?? [],
    version: row.version,
    slaDueAt: row.sla_due_at,
  };
};

export function readIncidentCards(db: Db, ids: readonly string[]): IncidentCardRecord[] {
  const unique = [...new Set(ids)];
  const found: IncidentCardRecord[] = [];
  // SQLite binds at most 32,766 parameters; pages are far smaller, chunks keep it safe.
  for (let k = 0; k < unique.length; k += 500) {
    const chunk = unique.slice(k, k + 500);
    const rows = db
      .prepare(
        `SELECT id, code, agency_id, status, category, severity, serious, reported_at, version, sla_due_at, doc
         FROM incidents WHERE id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as CardRow[];
    for (const row of rows) found.push(toCard(row));
  }
  return found;
}
