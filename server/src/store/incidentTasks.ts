/**
 * The id of the k-th task of the checklist an incident is filed with: derived from the
 * incident's id, so the store keeps no id per task (issue #11, sqlite/incidentDoc.ts). Tasks
 * added later keep generated ids. Ids only need to be unique within their incident.
 */
export const checklistTaskId = (incidentId: string, index: number): string => `${incidentId}-t${index + 1}`;
