/** What the drill API answers (server presenters produce exactly these; the console reads them). */
import type { IncidentStatus } from './incidents.js';
import type { Milestone } from './milestones.js';
import type { DrillStatus, DrillType } from './drills.js';

export type MilestoneSecondsView = Record<Milestone, number | null>;

export interface DrillInjectView {
  id: string;
  title: string | null;
  offset: string;
  target: { teamId: string | null; agencyId: string | null };
  incident: { title: string; category: string; description: string; agencyId?: string | undefined } | null;
  message: string | null;
  dueAt: string | null;
  firedAt: string | null;
  incidentId: string | null;
  failure: string | null;
}

export interface DrillView {
  id: string;
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
  participants: {
    id: string;
    agencyId: string | null;
    teamId: string | null;
    name: string;
    position: string | null;
    role: 'leader' | 'staff';
    attended: boolean;
  }[];
  injects: DrillInjectView[];
  status: DrillStatus;
  phase: 'preparation' | 'run' | 'evaluation' | 'closed';
  controllerId: string | null;
  startedAt: string | null;
  pausedAt: string | null;
  endedAt: string | null;
  nextDueAt: string | null;
  scores: { objectiveId: string; evaluatorId: string; evaluatorName: string; score: number; comment: string | null; at: string }[];
  observations: { id: string; authorName: string; text: string; injectId: string | null; teamId: string | null; at: string }[];
  lessons: {
    id: string;
    title: string;
    ownerName: string;
    ownerAgencyId: string | null;
    dueDate: string;
    status: 'open' | 'done';
    doneAt: string | null;
    note: string | null;
  }[];
  organizer: string | null;
  heldOn: string | null;
  externalResults: { agencyId: string; score: number; rank: number | null; findings: string | null }[];
  copiedFromId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { manage: boolean; evaluate: boolean };
}

export interface DrillMetricsView {
  drillId: string;
  rows: {
    injectId: string;
    injectTitle: string | null;
    teamId: string;
    incidentId: string;
    incidentCode: string;
    status: IncidentStatus;
    firedAt: string;
    milestones: Record<Milestone, string | null>;
    seconds: MilestoneSecondsView;
    tasksDone: string[];
    tasksTotal: number;
  }[];
  teams: { teamId: string; injects: number; averageSeconds: MilestoneSecondsView; tasksDone: number; tasksTotal: number }[];
  averageSeconds: MilestoneSecondsView;
}

export interface DrillYearView {
  year: number;
  drills: {
    id: string;
    name: string;
    source: 'hub' | 'external';
    type: DrillType;
    status: DrillStatus;
    date: string | null;
    organizer: string | null;
    participatingAgencyIds: string[];
    attendees: number;
    leadersAttended: number;
    averageSeconds: MilestoneSecondsView | null;
    objectives: { objectiveId: string; title: string; average: number | null; count: number }[];
    externalResults: { agencyId: string; agencyName: string; score: number; rank: number | null; findings: string | null }[];
    lessonsOpen: number;
    lessonsDone: number;
  }[];
  participatingAgencyIds: string[];
  nonParticipatingAgencyIds: string[];
  participatingAgencies: { id: string; name: string; critical: boolean }[];
  nonParticipatingAgencies: { id: string; name: string; type: string; critical: boolean }[];
  attendees: {
    drillId: string;
    name: string;
    position: string | null;
    role: 'leader' | 'staff';
    agencyName: string | null;
    teamName: string | null;
  }[];
  averageSeconds: MilestoneSecondsView;
  teams: { teamId: string; teamName: string; injects: number; averageSeconds: MilestoneSecondsView }[];
  lessons: {
    open: number;
    done: number;
    items: { id: string; title: string; ownerName: string; dueDate: string; status: 'open' | 'done'; drillId: string; drillName: string }[];
  };
  previousYears: {
    year: number;
    drillsHeld: number;
    participatingAgencies: number;
    nonParticipatingAgencies: number;
    attendees: number;
    averageSeconds: MilestoneSecondsView;
    lessonsOpen: number;
    lessonsDone: number;
  }[];
}
