/**
 * How many incidents match a list's filters (issue #12, item 12: the incident list's total).
 * Same filters as `IncidentRepository.list`, without paging; answered from the indexes the
 * list already uses (agency, status, category, severity, serious, drill, sort key = date).
 */
import type { IncidentListQuery } from './port.js';

export type IncidentCountQuery = Omit<IncidentListQuery, 'limit' | 'cursor'>;

export interface IncidentCountRepository {
  count(query: IncidentCountQuery): Promise<number>;
}
