/**
 * The MongoDB adapter cannot run here, and its schemas use `strict: 'throw'`: a record field
 * missing from a mongoose schema would pass CI and fail in production. This test needs no
 * MongoDB: it builds every model on an unconnected connection and checks that a full record
 * of each port type — as the adapter stores it — is accepted whole (nothing thrown, nothing
 * dropped or cast). The fixtures are typed with the port's record types, so adding a field
 * to a record does not compile until the fixture has it, and then fails here until the
 * schema has it too. The second part runs the adapter's own repositories (mongoStore.ts
 * `repositories`, on models whose writes are captured instead of sent) and checks that each
 * writes exactly the document checked here, so the fixtures cannot drift from the adapter.
 * (Over 400 lines: one complete fixture per model is the point of the file.)
 */
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { bindModels } from '../server/src/store/mongo/models.js';
import { repositories } from '../server/src/store/mongo/mongoStore.js';
import type { DrillPlanRecord, DrillRecord } from '../server/src/store/drills.js';
import { drillSortKey } from '../server/src/store/sqlite/drills.js';
import type { RoutingConditions } from '@cert-hub/shared';
import { roundSortKey } from '../server/src/store/mongo/reports.js';
import type { AuditRecord } from '../server/src/store/audit.js';
import type {
  DeliveryRecord,
  NotificationPreferencesRecord,
  NotificationRecord,
  WebhookRecord,
} from '../server/src/store/notifications.js';
import type { OnCallRosterRecord } from '../server/src/store/oncall.js';
import type { AssessmentRecord, ReportAttachmentRecord, ReportRoundRecord, ReportSubmissionRecord } from '../server/src/store/reports.js';
import type { ReportTypeRecord } from '../server/src/store/reportTypes.js';
import type { RoutingRuleRecord, UpwardNotificationRecord } from '../server/src/store/routing.js';
import type { SlaPolicyRecord, SlaTimerRecord } from '../server/src/store/sla.js';
import { agencyKeys, incidentKeys, systemKeys, teamKeys, userKeys } from '../server/src/store/searchKeys.js';
import type {
  AgencyRecord,
  ApiKeyRecord,
  AttachmentRecord,
  CommentRecord,
  EventRecord,
  IdempotencyRecord,
  IncidentRecord,
  PlaybookRecord,
  SectorRecord,
  SessionRecord,
  SystemRecord,
  TeamRecord,
  UserRecord,
} from '../server/src/store/port.js';

const T = '2026-11-20T02:00:00.000Z';
const agency: AgencyRecord = {
  id: 'a1',
  name: 'UBND xã Đạ Lây',
  shortName: 'Đạ Lây',
  type: 'commune_committee',
  province: 'Tỉnh Hòa Lâm',
  parentId: 'p1',
  address: 'Thôn 1',
  phone: '0263',
  email: 'a@b.vn',
  website: 'https://x.gov.vn',
  focalPoints: [{ name: 'K’ Brông', position: 'Cán bộ', phone: '0263', email: 'k@b.vn', available247: true, primary: true }],
  mergedIntoId: 'a2',
  formerNames: ['Xã cũ'],
  version: 3,
  createdAt: T,
  updatedAt: T,
};
const sector: SectorRecord = { code: 'health', nameVi: 'Y tế', nameEn: 'Health', critical: true };
const system: Required<SystemRecord> = {
  id: 's1',
  agencyId: 'a1',
  name: 'Cổng TTĐT',
  level: 3,
  nationalCritical: true,
  sectorCode: 'health',
  description: 'Cổng',
  domains: ['x.gov.vn'],
  ipRanges: ['203.0.113.0/24'],
  pendingClassification: { level: 4, nationalCritical: true, requestedBy: 'u1', requestedAt: T },
  version: 1,
  createdAt: T,
  updatedAt: T,
};
const team: TeamRecord = {
  id: 't1',
  name: 'Đội thường trực',
  kind: 'provincial_cert',
  isStanding: true,
  organization: 'Sở TT&TT',
  sectorCode: 'health',
  description: 'Mô tả',
  phone: '0263',
  email: 't@b.vn',
  version: 1,
  createdAt: T,
  updatedAt: T,
};
const user: UserRecord = {
  id: 'u1',
  username: 'responder',
  displayName: 'Người ứng cứu',
  role: 'responder',
  agencyId: 'a1',
  teamIds: ['t1'],
  phone: '0263',
  email: 'u@b.vn',
  passwordHash: 'hash',
  disabled: true,
  sessionEpoch: 2,
  passwordReset: { tokenHash: 'ab12', expiresAt: T, issuedBy: 'u9', issuedAt: T },
  version: 1,
  createdAt: T,
  updatedAt: T,
};
const session: SessionRecord = {
  id: 'se1',
  userId: 'u1',
  familyId: 'f1',
  tokenHash: 'th',
  sessionEpoch: 1,
  expiresAt: T,
  createdAt: T,
  rotatedAt: T,
  revokedAt: T,
  userAgent: 'Chromium',
  ip: '127.0.0.1',
};
const event: EventRecord = {
  seq: 7,
  type: 'incident.created',
  entity: 'incident',
  entityId: 'i1',
  incidentId: 'i1',
  version: 1,
  at: T,
  actorId: 'u1',
  data: { nested: { ok: true }, list: [1, 2] },
};
const incident: Required<IncidentRecord> = {
  id: 'i1',
  code: 'SC-2026-000001',
  agencyId: 'a1',
  reporter: { kind: 'user', id: 'u1', name: 'Người báo cáo' },
  reportedVia: 'agency',
  contact: { name: 'A', phone: '0263', email: 'c@b.vn' },
  systemId: 's1',
  systemName: 'Cổng TTĐT',
  systemLevel: 3,
  nationalCritical: true,
  sector: 'health',
  title: 'Trang chủ bị thay đổi giao diện',
  category: 'defacement',
  description: 'Mô tả',
  detectedAt: T,
  detectionMethod: 'Người dân báo',
  impacts: ['service_interruption'],
  indicators: [{ type: 'ip', value: '203.0.113.7' }],
  actionsTaken: 'Tắt trang',
  supportRequested: true,
  tlp: 'amber',
  status: 'closed',
  severity: 'high',
  serious: true,
  seriousReasons: ['level_3'],
  lateReport: true,
  reportedAt: T,
  routing: { teamId: 't1', ruleId: 'r1', informedTeamIds: ['t2'], assigneeIds: ['u1'], teamIds: ['t1', 't2'], reasons: ['standing_team'] },
  seriousness: {
    meetsCriteria: true,
    criteria: ['system_level_4'],
    canHandleAlone: false,
    mayExceedCapacity: true,
    decision: { serious: true, reason: 'Xác nhận', by: 'u1', at: T },
  },
  assigneeIds: ['u1'],
  tags: ['web'],
  tasks: [{ id: 'k1', title: 'Cô lập', done: true, doneBy: 'u1', doneAt: T }],
  drill: { drillId: 'd1', injectId: 'j1' },
  rejectionReason: 'Trùng',
  closingReport: {
    rootCause: 'CMS cũ',
    actionsTaken: 'Vá',
    damage: 'Không',
    recoveryTime: '2 giờ',
    recommendations: 'Cập nhật',
    submittedAt: T,
    submittedBy: 'u1',
  },
  closureConfirmation: { at: T, by: 'u1', note: 'Đồng ý' },
  statusChangedAt: T,
  slaDueAt: T,
  version: 9,
  createdAt: T,
  updatedAt: T,
};
const idempotency: Required<IdempotencyRecord> = {
  scope: 'incident:u1',
  key: 'k1',
  requestHash: 'h',
  resourceId: 'i1',
  status: 201,
  createdAt: T,
  response: { status: 201, body: { id: 'i1' } },
};
const attachment: AttachmentRecord = {
  id: 'at1',
  incidentId: 'i1',
  fileName: 'a.png',
  storageKey: 'k',
  mediaType: 'image/png',
  size: 10,
  sha256: 'ab',
  uploadedBy: 'u1',
  createdAt: T,
};
const apiKey: ApiKeyRecord = {
  id: 'k1',
  name: 'SOC',
  keyHash: 'kh',
  prefix: 'ch_',
  agencyIds: ['a1'],
  createdBy: 'u1',
  createdAt: T,
  revokedAt: T,
  lastUsedAt: T,
};
const comment: CommentRecord = {
  id: 'c1',
  incidentId: 'i1',
  position: 1,
  authorId: 'u1',
  authorName: 'A',
  visibility: 'internal',
  body: 'Xin chào',
  createdAt: T,
};
const playbook: PlaybookRecord = { category: 'defacement', tasks: ['Chụp màn hình'], updatedAt: T, updatedBy: 'u1' };

const drill: DrillRecord = {
  id: 'd1',
  source: 'hub',
  name: 'Diễn tập mã độc tống tiền 2026',
  year: 2026,
  type: 'tabletop',
  scenario: 'Kịch bản',
  objectives: [{ id: 'o1', title: 'Báo cáo trong 15 phút', description: null }],
  rubric: [{ score: 1, label: 'Chưa đạt' }],
  scheduledStart: T,
  sectorCodes: ['health'],
  participatingAgencyIds: ['a1'],
  teamIds: ['t1'],
  evaluatorIds: ['u1'],
  participants: [{ id: 'p1', agencyId: 'a1', teamId: null, name: 'Trần Văn B', position: 'Phó giám đốc', role: 'leader', attended: true }],
  injects: [
    {
      id: 'j1',
      title: 'Mã độc',
      offset: 'PT10M',
      target: { teamId: 't1', agencyId: 'a1' },
      incident: null,
      message: 'Báo chí gọi điện',
      dueAt: T,
      firedAt: T,
      incidentId: 'i1',
      failure: null,
    },
  ],
  status: 'running',
  controllerId: 'u1',
  startedAt: T,
  pausedAt: null,
  pausedMs: 0,
  endedAt: null,
  nextDueAt: T,
  scores: [{ objectiveId: 'o1', evaluatorId: 'u1', evaluatorName: 'A', score: 3, comment: null, at: T }],
  observations: [{ id: 'b1', authorId: 'u1', authorName: 'A', text: 'Tốt', injectId: 'j1', teamId: 't1', at: T }],
  lessons: [
    {
      id: 'l1',
      title: 'Cập nhật danh bạ',
      ownerName: 'B',
      ownerAgencyId: 'a1',
      dueDate: '2026-12-31',
      status: 'open',
      doneAt: null,
      note: null,
      createdAt: T,
    },
  ],
  organizer: null,
  heldOn: null,
  externalResults: [{ agencyId: 'a1', score: 80, rank: 2, findings: 'Tốt' }],
  copiedFromId: null,
  createdBy: 'u1',
  version: 2,
  createdAt: T,
  updatedAt: T,
};
const drillPlan: DrillPlanRecord = {
  year: 2026,
  items: [{ title: 'Diễn tập', month: 9, type: 'tabletop', sectorCodes: ['health'], drillId: 'd1' }],
  updatedAt: T,
  updatedBy: 'u1',
};

// Routing rules, upward notifications, on-call rosters (mongo/routing.ts).
const routingConditions: Required<RoutingConditions> = {
  categories: ['ransomware'],
  severities: ['high'],
  serious: true,
  systemLevels: [3, 4],
  sectors: ['health'],
  agencyIds: ['a1'],
  agencyTypes: ['commune_committee'],
  tlps: ['amber'],
  impacts: ['service_interruption'],
  hasIndicators: true,
  sources: ['agency'],
};
const routingRule: RoutingRuleRecord = {
  id: 'r1',
  position: 0,
  name: 'Mã độc tống tiền ở hệ thống cấp 3',
  description: 'Đội thường trực xử lý, báo Sở Y tế',
  enabled: true,
  conditions: routingConditions,
  actions: {
    owningTeamId: 't1',
    informTeamIds: ['t2'],
    assignOnCall: true,
    informLeaders: true,
    tags: ['ransomware'],
    playbook: 'ransomware',
  },
  version: 2,
  createdAt: T,
  updatedAt: T,
};
const upwardNotification: UpwardNotificationRecord = {
  id: 'un1',
  incidentId: 'i1',
  recipientKind: 'national_body',
  recipientTeamId: 't9',
  recipientName: 'Cục An toàn thông tin',
  status: 'acknowledged',
  channel: 'official_letter',
  sentAt: T,
  sentBy: 'u1',
  documentNumber: '123/STTTT-CNTT',
  content: 'Báo cáo sự cố nghiêm trọng',
  tlp: 'amber',
  acknowledgedAt: T,
  acknowledgement: 'Đã nhận',
  followUps: [{ at: T, by: 'u1', note: 'Gọi điện xác nhận' }],
  version: 3,
  createdAt: T,
  updatedAt: T,
};
const onCallRoster: OnCallRosterRecord = {
  teamId: 't1',
  rotationStart: T,
  weeks: [{ primaryUserId: 'u1', backupUserId: 'u2' }],
  overrides: [{ primaryUserId: 'u2', backupUserId: null, from: T, to: T, reason: 'Nghỉ phép' }],
  version: 1,
  updatedAt: T,
  updatedBy: 'u1',
};

// Reporting cycle and assessments (mongo/reports.ts).
const reportRound: ReportRoundRecord = {
  id: 'rr1',
  reportType: 'annual',
  title: 'Báo cáo năm 2026',
  year: 2026,
  deadline: '2026-12-15T10:00:00.000Z',
  remindAt: '2026-12-10T01:00:00.000Z',
  remindedAt: T,
  agencyIds: ['a1', 'a2'],
  sections: ['results', 'recommendations'],
  reminders: [{ agencyId: 'a2', at: T }],
  openedBy: 'u1',
  version: 2,
  createdAt: T,
  updatedAt: T,
};
const reportSubmission: ReportSubmissionRecord = {
  id: 'rs1',
  roundId: 'rr1',
  agencyId: 'a1',
  sections: { results: 'Kết quả', difficulties: 'Khó khăn', recommendations: 'Kiến nghị' },
  submittedAt: T,
  submittedBy: 'u1',
  updatedBy: 'u1',
  version: 3,
  createdAt: T,
  updatedAt: T,
};
const reportAttachment: ReportAttachmentRecord = {
  id: 'ra1',
  roundId: 'rr1',
  agencyId: 'a1',
  fileName: 'Phụ lục.pdf',
  storageKey: 'reports/2026/ra1',
  mediaType: 'application/pdf',
  size: 2048,
  sha256: 'e'.repeat(64),
  uploadedBy: 'u1',
  createdAt: T,
};
const reportType: ReportTypeRecord = {
  code: 'quarterly_security',
  nameVi: 'Báo cáo quý',
  nameEn: 'Quarterly report',
  period: 'six_monthly',
  deadlines: ['06-15', '12-15'],
  submittedBy: 'Cơ quan, đơn vị',
  sentTo: 'Công an tỉnh',
  sections: ['results', 'recommendations'],
  retired: true,
  version: 4,
  createdAt: T,
  updatedAt: T,
  updatedBy: 'u1',
};
const assessment: AssessmentRecord = {
  id: 'as1',
  systemId: 's1',
  agencyId: 'a1',
  systemLevel: 3,
  approvalDecision: { number: '45/QĐ-UBND', date: '2025-03-01' },
  assessor: 'Trung tâm Giám sát',
  monitoringProvider: 'VNCERT',
  assessedAt: '2026-11-01',
  nextDueAt: '2027-11-01',
  result: 'passed_with_findings',
  findings: [{ text: 'Chưa sao lưu ngoại tuyến', remediationDue: '2027-01-31' }],
  recordedBy: 'u1',
  createdAt: T,
};

// Audit log, notifications, webhooks, deliveries, SLA (mongo/notify.ts).
const audit: AuditRecord = {
  seq: 3,
  eventSeq: 7,
  at: T,
  type: 'incident.created',
  entity: 'incident',
  entityId: 'i1',
  incidentId: 'i1',
  actorId: 'u1',
  data: { nested: { ok: true }, list: [1, 2] },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
};
const notification: NotificationRecord = {
  id: 'n1',
  userId: 'u1',
  kind: 'incident_created',
  incidentId: 'i1',
  link: '/reports/r1',
  drill: true,
  title: 'Sự cố mới',
  body: 'Trang chủ bị thay đổi giao diện',
  eventSeq: 7,
  createdAt: T,
  readAt: T,
};
const notificationPreferences: NotificationPreferencesRecord = { userId: 'u1', muted: ['incident_closed:email'], updatedAt: T };
const webhook: WebhookRecord = {
  id: 'w1',
  name: 'SOC',
  url: 'https://soc.example.vn/hook',
  secret: 'secret',
  eventTypes: ['incident.created'],
  active: true,
  createdBy: 'u1',
  createdAt: T,
  updatedAt: T,
};
const delivery: DeliveryRecord = {
  id: 'dl1',
  channel: 'webhook',
  target: 'w1',
  payload: { type: 'incident.created', data: { id: 'i1', nested: [1, { ok: true }] } },
  status: 'failed',
  attempts: 5,
  nextAttemptAt: T,
  lastError: 'HTTP 500',
  createdAt: T,
  sentAt: T,
};
const slaPolicy: SlaPolicyRecord = {
  scope: 'serious',
  acknowledge: 'PT15M',
  leaveTriage: 'PT1H',
  contain: 'PT4H',
  escalationDelay: 'PT30M',
  version: 2,
  updatedAt: T,
  updatedBy: 'u1',
};
const slaTimer: SlaTimerRecord = { incidentId: 'i1', milestone: 'contained', deadline: T, dueAt: T, step: 2 };

/** The documents exactly as the Mongo adapter (the repository files in store/mongo/) writes them (`_id` for the id, plus derived keys); checked below. */
const withId = <R extends { id: string }>(r: R) => {
  const { id, ...rest } = r;
  return { _id: id, ...rest };
};
const { seq, ...eventRest } = event;
const { seq: _auditSeq, ...auditRest } = audit;
const { userId: _preferencesUserId, ...preferencesRest } = notificationPreferences;
const { code: _reportTypeCode, ...reportTypeRest } = reportType;
const { scope: _slaScope, ...slaPolicyRest } = slaPolicy;
const { incidentId: _timerIncidentId, ...slaTimerRest } = slaTimer;
const stored = {
  Agency: { ...withId(agency), ...agencyKeys(agency) },
  Sector: { _id: sector.code, ...sector },
  System: { ...withId(system), ...systemKeys(system) },
  Team: { ...withId(team), ...teamKeys(team) },
  User: { ...withId(user), ...userKeys(user) },
  Session: withId(session),
  // the catch-up feed's index: the incident's teams, and its agency for an agency-visible kind
  Event: { _id: seq, ...eventRest, feedScopes: ['team:t1', 'team:t2', 'agency:a1'] },
  Counter: { _id: 'events', seq: 7 },
  Incident: { ...withId(incident), ...incidentKeys(incident) },
  Idempotency: { _id: `${idempotency.scope}|${idempotency.key}`, ...idempotency },
  Attachment: withId(attachment),
  ApiKey: withId(apiKey),
  Comment: withId(comment),
  Playbook: { _id: playbook.category, ...playbook },
  Drill: {
    _id: drill.id,
    sortKey: drillSortKey(drill),
    year: drill.year,
    status: drill.status,
    nextDueAt: drill.nextDueAt,
    version: drill.version,
    doc: drill,
  },
  DrillPlan: { _id: drillPlan.year, doc: drillPlan },
  // routing.ts: the id as `_id`; a roster is keyed by its team and keeps `teamId` too.
  RoutingRule: withId(routingRule),
  UpwardNotification: withId(upwardNotification),
  OnCallRoster: { _id: onCallRoster.teamId, ...onCallRoster },
  // reports.ts: rounds carry the derived newest-deadline-first `sortKey`.
  ReportRound: { ...withId(reportRound), sortKey: roundSortKey(reportRound.deadline) },
  ReportSubmission: withId(reportSubmission),
  ReportAttachment: withId(reportAttachment),
  // reportTypes.ts: the code is the `_id`.
  ReportType: { _id: reportType.code, ...reportTypeRest },
  Assessment: withId(assessment),
  // notify.ts: the key field becomes `_id` and is not stored twice.
  Audit: { _id: audit.seq, ...auditRest },
  Notification: withId(notification),
  NotificationPreferences: { _id: notificationPreferences.userId, ...preferencesRest },
  Webhook: withId(webhook),
  Delivery: withId(delivery),
  SlaPolicy: { _id: slaPolicy.scope, ...slaPolicyRest },
  SlaTimer: { _id: slaTimer.incidentId, ...slaTimerRest },
};

describe('mongoose schemas hold every field of the port records (no MongoDB needed)', () => {
  const models = bindModels(mongoose.createConnection());

  it('has a stored-document fixture for every model', () => {
    expect(Object.keys(stored).sort()).toEqual(Object.keys(models).sort());
  });

  for (const [name, document] of Object.entries(stored)) {
    it(`${name}: accepts the full record and keeps every field as it is`, async () => {
      const Model = models[name as keyof typeof models] as unknown as mongoose.Model<Record<string, unknown>>;
      const doc = new Model(document); // strict: 'throw' throws here on a field the schema lacks
      await doc.validate();
      // Nested schemas drop unknown fields silently instead of throwing: compare the whole.
      expect(JSON.parse(JSON.stringify(doc.toObject()))).toEqual(JSON.parse(JSON.stringify(document)));
    });
  }
});

/**
 * Models whose writes are captured instead of sent: `create([doc])` and full-document
 * `updateOne(filter, { $set | $setOnInsert: doc })` record the document they would store;
 * the events counter answers with the fixture's seq.
 */
function capturingModels() {
  const models = bindModels(mongoose.createConnection());
  const written: Record<string, Record<string, unknown>[]> = {};
  for (const [name, model] of Object.entries(models)) {
    const list: Record<string, unknown>[] = (written[name] = []);
    const writes = model as unknown as Record<string, unknown>;
    writes.create = async (docs: Record<string, unknown>[]) => {
      list.push(...docs);
      return docs;
    };
    writes.updateOne = async (filter: { _id: unknown }, update: Record<string, Record<string, unknown>>) => {
      list.push({ _id: filter._id, ...(update.$set ?? update.$setOnInsert) });
      return { matchedCount: 1, modifiedCount: 1 };
    };
    writes.findOneAndUpdate = () => ({ lean: async () => ({ seq }) });
    // An event's feed scopes come from its incident (the fixture); moving them writes nothing checked here.
    writes.findById = () => ({ session: () => ({ lean: async () => (name === 'Incident' ? incident : null) }) });
    writes.updateMany = async () => ({ matchedCount: 0, modifiedCount: 0 });
  }
  return { models: models, written };
}

describe('the Mongo adapter writes exactly the documents checked above (no MongoDB needed)', () => {
  const { models, written } = capturingModels();
  const repos = repositories(models, undefined);
  const writes: Record<Exclude<keyof typeof stored, 'Counter'>, () => Promise<unknown>> = {
    Agency: () => repos.agencies.insert(agency),
    Sector: () => repos.sectors.upsert(sector),
    System: () => repos.systems.insert(system),
    Team: () => repos.teams.insert(team),
    User: () => repos.users.insert(user),
    Session: () => repos.sessions.insert(session),
    Event: () => repos.events.append(eventRest),
    Incident: () => repos.incidents.insert(incident),
    Idempotency: () => repos.idempotency.insert(idempotency),
    Attachment: () => repos.attachments.insert(attachment),
    ApiKey: () => repos.apiKeys.insert(apiKey),
    Comment: () => repos.comments.insert(comment),
    Playbook: () => repos.playbooks.upsert(playbook),
    Drill: () => repos.drills.insert(drill),
    DrillPlan: () => repos.drills.upsertPlan(drillPlan),
    RoutingRule: () => repos.routingRules.insert(routingRule),
    UpwardNotification: () => repos.upwardNotifications.insert(upwardNotification),
    OnCallRoster: () => repos.onCall.save(onCallRoster, null),
    ReportRound: () => repos.reportRounds.insert(reportRound),
    ReportSubmission: () => repos.reportSubmissions.insert(reportSubmission),
    ReportAttachment: () => repos.reportAttachments.insert(reportAttachment),
    ReportType: () => repos.reportTypes.insert(reportType),
    Assessment: () => repos.assessments.insert(assessment),
    Audit: () => repos.audit.insert(audit),
    Notification: () => repos.notifications.insert(notification),
    NotificationPreferences: () => repos.notificationPreferences.upsert(notificationPreferences),
    Webhook: () => repos.webhooks.insert(webhook),
    Delivery: () => repos.deliveries.insert(delivery),
    SlaPolicy: () => repos.slaPolicies.upsert(slaPolicy),
    SlaTimer: () => repos.slaTimers.put(slaTimer),
  };

  for (const [name, write] of Object.entries(writes)) {
    it(`${name}: the repository writes the checked document`, async () => {
      await write();
      expect(written[name]).toEqual([stored[name as keyof typeof stored]]);
    });
  }
});
