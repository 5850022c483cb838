/**
 * What the catch-up feed reads of an incident when it answers with cards (issue #11): the
 * fields the board card shows and the access rules ask about, not the whole incident. A page
 * of 500 events read whole spent most of its time putting documents back together field by
 * field for a card that uses a sixth of them.
 */
import type { IncidentRecord } from './port/records.js';

export type IncidentCardRecord = Pick<
  IncidentRecord,
  | 'id'
  | 'code'
  | 'agencyId'
  | 'title'
  | 'category'
  | 'status'
  | 'severity'
  | 'serious'
  | 'lateReport'
  | 'drill'
  | 'reportedAt'
  | 'statusChangedAt'
  | 'routing'
  | 'assigneeIds'
  | 'version'
  | 'slaDueAt'
>;

/** The card fields of a whole incident (what `getManyCards` answers for it). */
export function incidentCardRecordOf(i: IncidentRecord): IncidentCardRecord {
  return {
    id: i.id,
    code: i.code,
    agencyId: i.agencyId,
    title: i.title,
    category: i.category,
    status: i.status,
    severity: i.severity,
    serious: i.serious,
    lateReport: i.lateReport,
    drill: i.drill,
    reportedAt: i.reportedAt,
    statusChangedAt: i.statusChangedAt,
    routing: i.routing,
    assigneeIds: i.assigneeIds,
    version: i.version,
    slaDueAt: i.slaDueAt ?? null,
  };
}
