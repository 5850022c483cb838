/** The incident list's total (issue #12, item 12): the list's filters, no paging. */
import type { z } from 'zod';
import { listIncidentsQuery } from './incidentSchemas.js';

export const countIncidentsQuery = listIncidentsQuery.omit({ limit: true, cursor: true, view: true });
export type CountIncidentsQuery = z.infer<typeof countIncidentsQuery>;

export interface IncidentCountView {
  total: number;
}
