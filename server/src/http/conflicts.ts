/**
 * How the record carried by a version conflict is shown to the caller: the same presenter as
 * the resource's own routes, for the same viewer. `Record<VersionedEntity, …>` makes a new
 * versioned kind without a presenter a compile error, so a raw record never leaves the server.
 */
import type { Actor } from '../auth/actor.js';
import { presentDrill } from '../drills/presenter.js';
import { presentIncident } from '../incidents/presenter.js';
import { presentRoster } from '../oncall/presenter.js';
import type { VersionConflict, VersionedEntity, VersionedRecords } from '../platform/errors.js';
import { registryPolicy } from '../registry/policy.js';
import { presentAgency, presentSystem, presentTeam, presentUser } from '../registry/presenter.js';
import { presentReportType, presentSubmission } from '../reports/presenter.js';
import { presentRule, presentUpward } from '../routing/presenter.js';
import { presentSlaPolicy } from '../sla/presenter.js';

type ConflictPresenters = { [E in VersionedEntity]: (record: VersionedRecords[E], viewer: Actor) => unknown };

const PRESENTERS: ConflictPresenters = {
  incident: (i, viewer) => presentIncident(i, viewer),
  agency: (a) => presentAgency(a),
  system: (s) => presentSystem(s),
  team: ({ memberIds, ...team }, viewer) => presentTeam(team, registryPolicy.readTeamMembers(viewer) ? (memberIds ?? []) : []),
  user: (u) => presentUser(u),
  routing_rule: (r) => presentRule(r),
  upward_notification: (n) => presentUpward(n),
  on_call_roster: (r) => presentRoster(r),
  sla_policy: (p) => presentSlaPolicy(p),
  report_submission: (s) => presentSubmission(s),
  report_type: (t) => presentReportType(t),
  drill: (d, viewer) => presentDrill(d, viewer),
};

/** `details` of a 409: `{ current }`, presented for the viewer (null when the record is gone or nobody is signed in). */
export function conflictDetails(error: VersionConflict, viewer: Actor | undefined): { current: unknown } {
  if (!error.current || !viewer) return { current: null };
  const present = PRESENTERS[error.entity] as (record: unknown, viewer: Actor) => unknown;
  return { current: present(error.current, viewer) };
}
