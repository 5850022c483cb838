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
  systemClassificationReviewed: 'system.classification_reviewed',
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
  playbookUpdated: 'playbook.updated',
  apiKeyIssued: 'api_key.issued',
  apiKeyRevoked: 'api_key.revoked',
} as const;
export type EventType = (typeof EVENTS)[keyof typeof EVENTS];
export const EVENT_TYPES = Object.values(EVENTS) as EventType[];

// Which of these the reporting agency may see is an access rule: `isAgencyVisibleEvent` in access.ts.
