/**
 * The board's compact projection of an incident: what a card shows and what the board
 * needs to filter, sort and move it, nothing more (no description, indicators, reports).
 * `GET /api/incidents?view=card` answers these; a full IncidentView also fits the type, so
 * live events can update a card directly.
 */
import { z } from 'zod';
import type { IncidentView } from './views.js';

export const INCIDENT_LIST_VIEWS = ['full', 'card'] as const;
export const incidentListView = z.enum(INCIDENT_LIST_VIEWS);
export type IncidentListView = z.infer<typeof incidentListView>;

export interface IncidentCardView extends Pick<
  IncidentView,
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
  | 'abilities'
  | 'slaDueAt'
> {
  routing: { teamId: string | null; teamIds: string[] };
}
