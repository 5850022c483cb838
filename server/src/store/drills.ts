/**
 * Drill records and their repository (design.md: one repository per aggregate). A drill is
 * one document — plan, injects with their stored due times, participants, scores,
 * observations and lessons — beside the columns the scheduler and the year view query on.
 */
import type { CreateIncidentInput, DrillStatus, DrillType } from '@cert-hub/shared';
import type { PageQuery, PageResult } from './port.js';

export type InjectIncidentTemplate = Omit<CreateIncidentInput, 'agencyId' | 'detectedAt'> & { agencyId?: string | undefined };

export interface DrillInject {
  id: string;
  title: string | null;
  /** ISO-8601 duration from the drill's start. */
  offset: string;
  target: { teamId: string | null; agencyId: string | null };
  incident: InjectIncidentTemplate | null;
  message: string | null;
  /** When it is due: start + offset + time spent paused; null until the drill starts. */
  dueAt: string | null;
  firedAt: string | null;
  incidentId: string | null;
  /** Why intake refused the inject's incident, when it did (it is not retried). */
  failure?: string | null;
}

export interface DrillParticipant {
  id: string;
  agencyId: string | null;
  teamId: string | null;
  name: string;
  position: string | null;
  role: 'leader' | 'staff';
  attended: boolean;
}

export interface DrillScore {
  objectiveId: string;
  evaluatorId: string;
  evaluatorName: string;
  score: number;
  comment: string | null;
  at: string;
}

export interface DrillObservation {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  injectId: string | null;
  teamId: string | null;
  at: string;
}

export interface DrillLesson {
  id: string;
  title: string;
  ownerName: string;
  ownerAgencyId: string | null;
  dueDate: string;
  status: 'open' | 'done';
  doneAt: string | null;
  note: string | null;
  createdAt: string;
}

export interface ExternalResult {
  agencyId: string;
  score: number;
  rank: number | null;
  findings: string | null;
}

export interface DrillRecord {
  id: string;
  /** `hub`: planned and run on the live board; `external`: held elsewhere, results typed in. */
  source: 'hub' | 'external';
  name: string;
  year: number;
  type: DrillType;
  scenario: string;
  objectives: { id: string; title: string; description: string | null }[];
  rubric: { score: number; label: string }[];
  scheduledStart: string | null;
  sectorCodes: string[];
  participatingAgencyIds: string[];
  teamIds: string[];
  evaluatorIds: string[];
  participants: DrillParticipant[];
  injects: DrillInject[];
  status: DrillStatus;
  controllerId: string | null;
  startedAt: string | null;
  pausedAt: string | null;
  /** Total milliseconds spent paused so far (shifts every later inject). */
  pausedMs: number;
  endedAt: string | null;
  /** The earliest due time of an inject not yet fired, while running; what the scheduler looks for. */
  nextDueAt: string | null;
  scores: DrillScore[];
  observations: DrillObservation[];
  lessons: DrillLesson[];
  /** External drills: who organised it, when, and each agency's result. */
  organizer: string | null;
  heldOn: string | null;
  externalResults: ExternalResult[];
  copiedFromId: string | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DrillPlanRecord {
  year: number;
  items: { title: string; month: number; type: DrillType; sectorCodes: string[]; drillId: string | null }[];
  updatedAt: string;
  updatedBy: string;
}

export interface DrillRepository {
  insert(drill: DrillRecord): Promise<void>;
  update(drill: DrillRecord, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<DrillRecord | null>;
  /** Newest scheduled first within a year; every year when `year` is absent. */
  list(query: PageQuery & { year?: number | undefined }): Promise<PageResult<DrillRecord>>;
  listByYear(year: number): Promise<DrillRecord[]>;
  /** Running drills with an inject due at or before `at`. */
  listDue(at: string): Promise<DrillRecord[]>;
  /** The earliest due time of any running drill's next inject, or null. */
  getNextDueAt(): Promise<string | null>;
  getPlan(year: number): Promise<DrillPlanRecord | null>;
  upsertPlan(plan: DrillPlanRecord): Promise<void>;
}
