/**
 * What the catch-up feed reads of an incident when it answers with cards (issue #11): the
 * fields the board card shows and the access rules ask about, not the whole incident. A page
 * of 500 events read whole spent most of its time putting documents back together field by
 * field for a card that uses a sixth of them.
 */
import type { IncidentRecord } from './port/records.js';

export type IncidentCardRecord = CardFields & {
  /** Who owns it and every team that may see it (the card shows them; access asks about them). */
  routing: Pick<IncidentRecord['routing'], 'teamId' | 'teamIds'>;
};
type CardFields = Pick<
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
    routing: { teamId: i.routing.teamId, teamIds: i.routing.teamIds },
    assigneeIds: i.assigneeIds,
    version: i.version,
    slaDueAt: i.slaDueAt ?? null,
  };
}
