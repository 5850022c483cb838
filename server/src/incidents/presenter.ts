/**
 * The explicit whitelist of incident fields that leave the server, per audience (HTTP, the
 * catch-up feed and sockets alike): CERT staff get the full view; the reporting agency gets
 * its report, the status and the closing report, never the CERT's working data (tags,
 * assignees, checklist).
 */
import {
  incidentAbilities,
  seesInternal,
  type AccessSubject,
  type AttachmentView,
  type CommentView,
  type IncidentView,
} from '@cert-hub/shared';
import { actorView, type Actors } from '../audit/actors.js';
import type { AttachmentRecord, CommentRecord, IncidentRecord } from '../store/port.js';

export function presentIncident(i: IncidentRecord, viewer: AccessSubject): IncidentView {
  const full = presentFullIncident(i, viewer);
  if (seesInternal(viewer)) return full;
  const { tags: _tags, assigneeIds: _assignees, tasks: _tasks, slaDueAt: _slaDueAt, routing, ...agencyView } = full;
  // Which teams handle it the agency may know; how routing decided and whom it assigned it may not.
  return { ...agencyView, routing: { teamId: routing.teamId, informedTeamIds: routing.informedTeamIds, teamIds: routing.teamIds } };
}

const presentFullIncident = (i: IncidentRecord, viewer: AccessSubject): IncidentView => ({
  id: i.id,
  code: i.code,
  agencyId: i.agencyId,
  reporter: { kind: i.reporter.kind, id: i.reporter.id, name: i.reporter.name },
  reportedVia: i.reportedVia,
  contact: i.contact ? { name: i.contact.name, phone: i.contact.phone, email: i.contact.email } : null,
  systemId: i.systemId,
  systemName: i.systemName,
  systemLevel: i.systemLevel,
  nationalCritical: i.nationalCritical,
  sector: i.sector,
  title: i.title,
  category: i.category,
  description: i.description,
  detectedAt: i.detectedAt,
  detectionMethod: i.detectionMethod,
  impacts: [...i.impacts],
  indicators: i.indicators.map((x) => ({ type: x.type, value: x.value })),
  actionsTaken: i.actionsTaken,
  supportRequested: i.supportRequested,
  tlp: i.tlp,
  status: i.status,
  severity: i.severity,
  serious: i.serious,
  seriousReasons: [...i.seriousReasons],
  lateReport: i.lateReport,
  reportedAt: i.reportedAt,
  seriousness: presentSeriousness(i),
  routing: {
    // Records routed before rules existed carry `ownerTeamId`.
    teamId: i.routing.teamId ?? (i.routing as { ownerTeamId?: string | null }).ownerTeamId ?? null,
    ruleId: i.routing.ruleId ?? null,
    informedTeamIds: [...(i.routing.informedTeamIds ?? [])],
    assigneeIds: [...(i.routing.assigneeIds ?? [])],
    teamIds: [...i.routing.teamIds],
    reasons: [...i.routing.reasons],
  },
  assigneeIds: [...i.assigneeIds],
  tags: [...i.tags],
  // Records filed before checklists existed have none.
  tasks: (i.tasks ?? []).map((task) => ({ id: task.id, title: task.title, done: task.done, doneBy: task.doneBy, doneAt: task.doneAt })),
  drill: i.drill ? { drillId: i.drill.drillId, injectId: i.drill.injectId } : null,
  rejectionReason: i.rejectionReason,
  closingReport: i.closingReport
    ? {
        rootCause: i.closingReport.rootCause,
        actionsTaken: i.closingReport.actionsTaken,
        damage: i.closingReport.damage,
        recoveryTime: i.closingReport.recoveryTime,
        recommendations: i.closingReport.recommendations,
        submittedAt: i.closingReport.submittedAt,
      }
    : null,
  closureConfirmation: i.closureConfirmation ? { at: i.closureConfirmation.at, note: i.closureConfirmation.note } : null,
  statusChangedAt: i.statusChangedAt,
  slaDueAt: i.slaDueAt ?? null,
  version: i.version,
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
  abilities: incidentAbilities(viewer, i),
});

/** Records filed before R2 was corrected carry only the computed flag. */
function presentSeriousness(i: IncidentRecord): IncidentView['seriousness'] {
  const s = i.seriousness;
  if (!s)
    return { meetsCriteria: i.serious, criteria: [...i.seriousReasons], canHandleAlone: null, mayExceedCapacity: false, decision: null };
  return {
    meetsCriteria: s.meetsCriteria,
    criteria: [...s.criteria],
    canHandleAlone: s.canHandleAlone,
    mayExceedCapacity: s.mayExceedCapacity,
    decision: s.decision ? { serious: s.decision.serious, reason: s.decision.reason, by: s.decision.by, at: s.decision.at } : null,
  };
}

export const presentAttachment = (a: AttachmentRecord): AttachmentView => ({
  id: a.id,
  incidentId: a.incidentId,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.createdAt,
});

/** The author as the account is now; the name written with the comment if the account is gone. */
export const presentComment = (c: CommentRecord, actors: Actors): CommentView => ({
  id: c.id,
  incidentId: c.incidentId,
  author: actorView(actors, c.authorId, c.authorName),
  visibility: c.visibility,
  body: c.body,
  createdAt: c.createdAt,
});
