/**
 * Domain event names, `resource.verb`, shared by the server that records them and the
 * console that listens for them. Every state change records exactly one of these.
 */
export const EVENTS = {
  agencyCreated: 'agency.created',
  agencyUpdated: 'agency.updated',
  agencyMerged: 'agency.merged',
  agencyFocalPointsChanged: 'agency.focal_points_changed',
  sectorCreated: 'sector.created',
  systemCreated: 'system.created',
  systemUpdated: 'system.updated',
  teamCreated: 'team.created',
  teamUpdated: 'team.updated',
  teamMembersChanged: 'team.members_changed',
  userCreated: 'user.created',
  userUpdated: 'user.updated',
  userPasswordChanged: 'user.password_changed',
  incidentCreated: 'incident.created',
  incidentStatusChanged: 'incident.status_changed',
  incidentUpdated: 'incident.updated',
  incidentCommentAdded: 'incident.comment_added',
  incidentAttachmentAdded: 'incident.attachment_added',
  incidentClosureConfirmed: 'incident.closure_confirmed',
  incidentTaskUpdated: 'incident.task_updated',
  incidentRouted: 'incident.routed',
  incidentRoutingChanged: 'incident.routing_changed',
  incidentSeriousChanged: 'incident.serious_changed',
  incidentSeriousAssessed: 'incident.serious_assessed',
  upwardNotificationPrepared: 'upward_notification.prepared',
  upwardNotificationUpdated: 'upward_notification.updated',
  routingRuleCreated: 'routing_rule.created',
  routingRuleUpdated: 'routing_rule.updated',
  routingRuleDeleted: 'routing_rule.deleted',
  routingRulesReordered: 'routing_rule.reordered',
  onCallRosterChanged: 'oncall_roster.changed',
  playbookUpdated: 'playbook.updated',
  apiKeyIssued: 'api_key.issued',
  apiKeyRevoked: 'api_key.revoked',
  drillCreated: 'drill.created',
  drillStatusChanged: 'drill.status_changed',
  drillInjectFired: 'drill.inject_fired',
  drillParticipantsChanged: 'drill.participants_changed',
  drillScored: 'drill.scored',
  drillObservationAdded: 'drill.observation_added',
  drillLessonAdded: 'drill.lesson_added',
  drillLessonUpdated: 'drill.lesson_updated',
  drillExternalRecorded: 'drill.external_recorded',
  drillPlanUpdated: 'drill_plan.updated',
  reportRoundOpened: 'report_round.opened',
  reportRoundReminderDue: 'report_round.reminder_due',
  reportSubmissionSaved: 'report_submission.saved',
  reportSubmissionSubmitted: 'report_submission.submitted',
  assessmentRecorded: 'assessment.recorded',
  incidentSlaBreached: 'incident.sla_breached',
  incidentEscalated: 'incident.escalated',
  incidentSlaDueChanged: 'incident.sla_due_changed',
  notificationCreated: 'notification.created',
  webhookCreated: 'webhook.created',
  webhookUpdated: 'webhook.updated',
  webhookDeleted: 'webhook.deleted',
  slaPolicyUpdated: 'sla_policy.updated',
  slaPolicyDeleted: 'sla_policy.deleted',
} as const;
export type EventType = (typeof EVENTS)[keyof typeof EVENTS];
export const EVENT_TYPES = Object.values(EVENTS) as EventType[];

/** What the reporting agency sees of an incident's timeline: no internal notes or assignments. */
export function isAgencyVisibleEvent(type: string, data: Record<string, unknown>): boolean {
  switch (type) {
    case EVENTS.incidentCreated:
    case EVENTS.incidentStatusChanged:
    case EVENTS.incidentAttachmentAdded:
    case EVENTS.incidentClosureConfirmed:
      return true;
    case EVENTS.incidentCommentAdded:
      return data.visibility === 'agency';
    default:
      return false;
  }
}
