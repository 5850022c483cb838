/**
 * The report being written, kept in the browser (IndexedDB, files included) from the moment
 * the form opens until the hub has acknowledged it: a closed tab or a dropped connection
 * loses nothing, and the Idempotency-Key kept with it makes the eventual send count once.
 */
import dayjs from 'dayjs';
import { del, get, set } from 'idb-keyval';

export interface ReportDraft {
  /** Idempotency-Key of the report, generated when the form first opened. */
  key: string;
  values: Record<string, unknown>;
  files: File[];
  /** Set once the hub answered 201: from then on only the files remain to send. */
  incidentId: string | null;
  incidentCode: string | null;
  /** Indexes of files the hub has acknowledged. */
  uploaded: number[];
  savedAt: string;
}

const keyFor = (userId: string) => `certhub.report-draft.${userId}`;

export const loadDraft = (userId: string) => get<ReportDraft>(keyFor(userId));
export const saveDraft = (userId: string, draft: ReportDraft) => set(keyFor(userId), draft);
export const discardDraft = (userId: string) => del(keyFor(userId));

export const newDraft = (): ReportDraft => ({
  key: `report-${crypto.randomUUID()}`,
  values: {},
  files: [],
  incidentId: null,
  incidentCode: null,
  uploaded: [],
  savedAt: dayjs().toISOString(),
});
