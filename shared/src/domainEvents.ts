/**
 * What each incident event records: what changed, never a snapshot of the incident (a
 * snapshot would carry internal fields to whoever may see the event). A discriminated union
 * on `type`, used by the server when recording and by the console when rendering the timeline.
 */
import { EVENTS } from './events.js';

// Type aliases, not interfaces: event data is stored as a plain JSON record.

export type IncidentCreatedData = {
  code: string;
  title: string;
  category: string;
  agencyId: string;
  reportedVia: 'agency' | 'cert' | 'machine';
  serious: boolean;
  lateReport: boolean;
};
export type IncidentStatusChangedData = {
  from: string;
  to: string;
  severity: string | null;
  category: string;
  reason: string | null;
};
export type IncidentUpdatedData = {
  /** Field → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
};
export type IncidentCommentAddedData = {
  commentId: string;
  visibility: 'agency' | 'internal';
  fromAgency: boolean;
};
export type IncidentAttachmentAddedData = {
  attachmentId: string;
  fileName: string;
  size: number;
  mediaType: string;
};
export type IncidentClosureConfirmedData = {
  note: string | null;
};
export type IncidentTaskUpdatedData = {
  taskId: string;
  /** The task's name, so the timeline can say which one. */
  title: string;
  done?: boolean;
  added?: true;
};

export type IncidentDomainEvent =
  | { type: typeof EVENTS.incidentCreated; data: IncidentCreatedData }
  | { type: typeof EVENTS.incidentStatusChanged; data: IncidentStatusChangedData }
  | { type: typeof EVENTS.incidentUpdated; data: IncidentUpdatedData }
  | { type: typeof EVENTS.incidentCommentAdded; data: IncidentCommentAddedData }
  | { type: typeof EVENTS.incidentAttachmentAdded; data: IncidentAttachmentAddedData }
  | { type: typeof EVENTS.incidentClosureConfirmed; data: IncidentClosureConfirmedData }
  | { type: typeof EVENTS.incidentTaskUpdated; data: IncidentTaskUpdatedData };

/** The data recorded for an incident event of `type`. */
export type IncidentEventData<T extends IncidentDomainEvent['type']> = Extract<IncidentDomainEvent, { type: T }>['data'];

/** Narrows a wire event to its typed incident variant (unknown types stay untyped). */
export function asIncidentEvent(e: { type: string; data: Record<string, unknown> }): IncidentDomainEvent | null {
  const incidentTypes: string[] = [
    EVENTS.incidentCreated,
    EVENTS.incidentStatusChanged,
    EVENTS.incidentUpdated,
    EVENTS.incidentCommentAdded,
    EVENTS.incidentAttachmentAdded,
    EVENTS.incidentClosureConfirmed,
    EVENTS.incidentTaskUpdated,
  ];
  return incidentTypes.includes(e.type) ? (e as unknown as IncidentDomainEvent) : null;
}
