/**
 * Drill measurements from the event log: per inject and handling team, the time from the
 * inject to each response milestone (milestonesOf, the one shared definition) and the
 * response tasks done. Pure functions over records; the service loads them.
 */
import { EVENTS, MILESTONES, milestonesOf, secondsUntil, type Milestone, type StatusChange } from '@cert-hub/shared';
import type { DrillRecord, EventRecord, IncidentRecord } from '../store/port.js';

export type MilestoneSeconds = Record<Milestone, number | null>;

export interface InjectTeamMetric {
  injectId: string;
  injectTitle: string | null;
  teamId: string;
  incidentId: string;
  incidentCode: string;
  status: IncidentRecord['status'];
  firedAt: string;
  milestones: Record<Milestone, string | null>;
  seconds: MilestoneSeconds;
  tasksDone: string[];
  tasksTotal: number;
}

export interface TeamAverage {
  teamId: string;
  injects: number;
  averageSeconds: MilestoneSeconds;
  tasksDone: number;
  tasksTotal: number;
}

export interface DrillMetrics {
  drillId: string;
  rows: InjectTeamMetric[];
  teams: TeamAverage[];
  averageSeconds: MilestoneSeconds;
}

export const statusChangesOf = (events: readonly EventRecord[]): StatusChange[] =>
  events
    .filter((e) => e.type === EVENTS.incidentStatusChanged)
    .map((e) => ({ from: e.data.from as StatusChange['from'], to: e.data.to as StatusChange['to'], at: e.at }));

const average = (values: (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
};

const averages = (rows: readonly { seconds: MilestoneSeconds }[]): MilestoneSeconds =>
  Object.fromEntries(MILESTONES.map((m) => [m, average(rows.map((r) => r.seconds[m]))])) as MilestoneSeconds;

/**
 * One row per fired incident inject and team handling it (its routed teams that take part
 * in the drill; every routed team when the drill names none). The milestones are the
 * incident's: the handling teams share one lifecycle.
 */
export function drillMetrics(
  drill: DrillRecord,
  incidents: ReadonlyMap<string, { incident: IncidentRecord; events: EventRecord[] }>,
): DrillMetrics {
  const rows: InjectTeamMetric[] = [];
  for (const inject of drill.injects) {
    if (!inject.incidentId || !inject.firedAt) continue;
    const loaded = incidents.get(inject.incidentId);
    if (!loaded) continue;
    const { incident, events } = loaded;
    const milestones = milestonesOf(statusChangesOf(events));
    const start = incident.reportedAt;
    const seconds = Object.fromEntries(MILESTONES.map((m) => [m, secondsUntil(start, milestones[m])])) as MilestoneSeconds;
    const teams = drill.teamIds.length ? incident.routing.teamIds.filter((t) => drill.teamIds.includes(t)) : incident.routing.teamIds;
    for (const teamId of teams) {
      rows.push({
        injectId: inject.id,
        injectTitle: inject.title ?? incident.title,
        teamId,
        incidentId: incident.id,
        incidentCode: incident.code,
        status: incident.status,
        firedAt: inject.firedAt,
        milestones,
        seconds,
        tasksDone: incident.tasks.filter((t) => t.done).map((t) => t.title),
        tasksTotal: incident.tasks.length,
      });
    }
  }
  const teamIds = [...new Set(rows.map((r) => r.teamId))];
  return {
    drillId: drill.id,
    rows,
    teams: teamIds.map((teamId) => {
      const own = rows.filter((r) => r.teamId === teamId);
      return {
        teamId,
        injects: own.length,
        averageSeconds: averages(own),
        tasksDone: own.reduce((n, r) => n + r.tasksDone.length, 0),
        tasksTotal: own.reduce((n, r) => n + r.tasksTotal, 0),
      };
    }),
    averageSeconds: averages(rows),
  };
}

/** Average score per objective over every evaluator's score. */
export function objectiveScores(drill: DrillRecord) {
  return drill.objectives.map((o) => {
    const scores = drill.scores.filter((s) => s.objectiveId === o.id).map((s) => s.score);
    return {
      objectiveId: o.id,
      title: o.title,
      average: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
      count: scores.length,
    };
  });
}
