/**
 * The access matrix: every mounted API route × every kind of caller × own/other scope.
 *
 * FORMAT — one entry per route, one short line of data:
 *
 *   { route: 'GET /api/drills', allow: STAFF }
 *   { route: 'POST /api/incidents/:id/comments', allow: [...CERT_OWN, 'focal'], body: () => ({ body: 'x', visibility: 'agency' }) }
 *
 * - `route`: METHOD and the path exactly as mounted (see the list printed when one is missing).
 * - `allow`: the callers that get past access control; every other caller must get 401
 *   (anonymous) or 403/404. "Past access" means any answer but 401/403/404 (a 409 or 422 is
 *   the route working). Callers (SUBJECTS below):
 *     anonymous · admin · leader ·
 *     coordinator / responder — on the incident's team (the provincial CERT) ·
 *     coordinator:other / responder:other — on another team (the police team) ·
 *     focal — focal point of the agency that owns the record · focal:other — of another agency.
 * - `body` (optional): a valid body, built from the fixtures (so validation never hides a
 *   refusal); `query` (optional) likewise a valid query string. `params` (optional): override path parameters, e.g. a disposable record for
 *   routes that destroy or rewire what they touch. `upload: true` sends one multipart file.
 * - `skip` (optional): why the route is covered elsewhere instead (named test file).
 * - Path parameters default to: `:id` of /incidents → an incident of agency A routed to the
 *   CERT; of /agencies → agency A; /systems → a system of agency A; /teams → a disposable
 *   team; /users → a disposable user; /api-keys → a disposable key; `:taskId`, `:attachmentId`
 *   of that incident; `:category` → phishing; `:notificationId` → an upward notification of that
 *   incident (declared serious by its coordinator); /drills → a disposable drill (`:lessonId`
 *   a lesson of it); /reports/rounds → a round asking agency A; /routing/rules → a disabled rule;
 *   /webhooks → an inactive webhook; /deliveries → a failed delivery; `:year` → 2026;
 *   `:file` → 2026.docx; `:scope` → low (an SLA policy set for it).
 *
 * For reads by the agency side, answers are also checked to hold none of the CERT's
 * internal fields. A route mounted without an entry fails the suite, listing the route.
 *
 * Over 400 lines on purpose: it is one table, a line per mounted route, plus its runner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { mountedRoutes } from './helpers/routes.js';

const SUBJECTS = [
  'anonymous',
  'admin',
  'leader',
  'coordinator',
  'coordinator:other',
  'responder',
  'responder:other',
  'focal',
  'focal:other',
] as const;
type Subject = (typeof SUBJECTS)[number];

const CERT_OWN: Subject[] = ['coordinator', 'responder'];
const CERT_ALL: Subject[] = [...CERT_OWN, 'coordinator:other', 'responder:other'];
const STAFF: Subject[] = ['admin', 'leader', ...CERT_ALL];
const SIGNED_IN: Subject[] = [...STAFF, 'focal', 'focal:other'];
const EVERYONE: Subject[] = ['anonymous', ...SIGNED_IN];
const INCIDENT_READERS: Subject[] = ['admin', 'leader', ...CERT_OWN, 'focal'];
const ADMIN: Subject[] = ['admin'];
/** The CERT-wide settings (rules, rosters, SLA, rounds) are kept by any coordinator and the administrator. */
const CERT_EDITORS: Subject[] = ['admin', 'coordinator', 'coordinator:other'];
const DRILL_CONTROLLERS = CERT_EDITORS;
/** Statistics and compliance: leaders, coordinators, the administrator. */
const FIGURE_READERS: Subject[] = ['admin', 'leader', 'coordinator', 'coordinator:other'];
const STATS_QUERY = 'from=2026-01-01T00:00:00%2B07:00&to=2027-01-01T00:00:00%2B07:00';

interface Fixtures {
  incident: IncidentView;
  taskId: string;
  attachmentId: string;
  agencyA: string;
  systemId: string;
  serial: () => number;
  version: (path: string) => Promise<number>;
  disposableAgency: () => Promise<string>;
  disposableTeam: () => Promise<string>;
  disposableUser: () => Promise<string>;
  disposableKey: () => Promise<string>;
  drill: () => Promise<{ id: string; version: number; objectives: { id: string }[] }>;
  lessonId: () => Promise<string>;
  roundId: () => Promise<string>;
  ruleId: () => Promise<string>;
  ruleIds: () => Promise<string[]>;
  webhookId: () => Promise<string>;
  upwardId: () => Promise<string>;
  slaScope: () => Promise<string>;
}
interface Entry {
  route: string;
  allow: Subject[];
  /** The request body, or a promise of it. */
  body?: (f: Fixtures) => unknown;
  params?: (f: Fixtures) => Promise<Record<string, string>>;
  upload?: true;
  /** A valid query string, for routes that require one. */
  query?: string;
  skip?: string;
}

const focalPoints = [
  { name: 'Lê Văn Trực', position: null, phone: '0912345678', email: 'truc@example.gov.vn', available247: true, primary: true },
];

const MATRIX: Entry[] = [
  { route: 'GET /api/health', allow: EVERYONE },
  { route: 'GET /api/openapi.json', allow: EVERYONE },
  { route: 'GET /api/setup', allow: EVERYONE },
  { route: 'POST /api/setup', allow: EVERYONE, skip: 'one-time setup token: test/setup.test.ts' },
  { route: 'POST /api/auth/login', allow: EVERYONE, skip: 'credentials, throttle: server/src/auth/*.test.ts' },
  { route: 'POST /api/auth/refresh', allow: EVERYONE, skip: 'cookie + Origin: server/src/auth/*.test.ts' },
  { route: 'POST /api/auth/logout', allow: EVERYONE, skip: 'cookie + Origin: server/src/auth/*.test.ts' },
  { route: 'GET /api/me', allow: SIGNED_IN },
  { route: 'PATCH /api/me', allow: SIGNED_IN, body: () => ({}) },
  { route: 'POST /api/me/password', allow: SIGNED_IN, skip: 'ends sessions, throttled: server/src/auth/*.test.ts' },
  { route: 'GET /api/agencies', allow: SIGNED_IN },
  { route: 'POST /api/agencies', allow: ADMIN, body: (f) => agencyBody(f.serial()) },
  { route: 'GET /api/agencies/:id', allow: [...STAFF, 'focal'] },
  { route: 'GET /api/agencies/:id/history', allow: ['admin', 'coordinator', 'coordinator:other', 'focal'] },
  { route: 'PATCH /api/agencies/:id', allow: ADMIN, body: async (f) => ({ version: await f.version(`/agencies/${f.agencyA}`) }) },
  {
    route: 'PUT /api/agencies/:id/focal-points',
    allow: ['admin', 'coordinator', 'coordinator:other', 'focal'],
    body: async (f) => ({ focalPoints, version: await f.version(`/agencies/${f.agencyA}`) }),
  },
  {
    route: 'POST /api/agencies/:id/merge',
    allow: ADMIN,
    params: async (f) => ({ id: await f.disposableAgency() }),
    body: async (f) => ({ intoAgencyId: await f.disposableAgency(), version: 1 }),
  },
  { route: 'GET /api/sectors', allow: SIGNED_IN },
  {
    route: 'POST /api/sectors',
    allow: ADMIN,
    body: (f) => ({ code: `matrix_${f.serial()}`, nameVi: 'Lĩnh vực thử', nameEn: 'Test sector' }),
  },
  { route: 'GET /api/systems', allow: SIGNED_IN },
  {
    route: 'POST /api/systems',
    allow: ['admin', 'focal'],
    body: (f) => ({ agencyId: f.agencyA, name: `Hệ thống ma trận ${f.serial()}`, level: 2, nationalCritical: false }),
  },
  { route: 'GET /api/systems/:id', allow: [...STAFF, 'focal'] },
  {
    route: 'PATCH /api/systems/:id',
    allow: ['admin', 'focal'],
    body: async (f) => ({ version: await f.version(`/systems/${f.systemId}`) }),
  },
  {
    route: 'POST /api/systems/:id/classification-review',
    allow: ['admin', 'coordinator', 'coordinator:other'],
    body: async (f) => ({ approve: true, version: await f.version(`/systems/${f.systemId}`) }),
  },
  { route: 'GET /api/teams', allow: SIGNED_IN },
  { route: 'POST /api/teams', allow: ADMIN, body: (f) => ({ name: `Đội ma trận ${f.serial()}`, kind: 'sector_cert' }) },
  { route: 'GET /api/teams/:id', allow: SIGNED_IN },
  { route: 'PATCH /api/teams/:id', allow: ADMIN, body: () => ({ version: 1 }) },
  {
    route: 'PUT /api/teams/:id/members',
    allow: ['admin', ...CERT_ALL.filter((s) => s.startsWith('coordinator'))],
    body: () => ({ userIds: [], version: 1 }),
  },
  { route: 'GET /api/users', allow: STAFF },
  {
    route: 'POST /api/users',
    allow: ADMIN,
    body: (f) => ({
      username: `matrix.${f.serial()}`,
      displayName: 'Ma Trận',
      password: 'Matrix@12345',
      role: 'leader',
      agencyId: null,
      teamIds: [],
    }),
  },
  { route: 'GET /api/users/:id', allow: STAFF },
  { route: 'PATCH /api/users/:id', allow: ADMIN, body: () => ({ version: 1 }) },
  { route: 'POST /api/users/:id/password', allow: ADMIN, body: () => ({ password: 'Another@12345' }) },
  { route: 'POST /api/users/:id/password-reset-link', allow: ADMIN },
  {
    route: 'POST /api/auth/password-reset',
    allow: EVERYONE,
    body: () => ({ token: `nouser.${'x'.repeat(30)}`, password: 'Another@12345' }),
  },
  {
    route: 'POST /api/incidents',
    allow: ['admin', ...CERT_ALL, 'focal'],
    body: (f) => ({
      agencyId: f.agencyA,
      title: 'Báo cáo ma trận',
      category: 'phishing',
      description: 'Thư giả mạo.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    }),
  },
  { route: 'GET /api/incidents', allow: SIGNED_IN },
  { route: 'GET /api/incidents/count', allow: SIGNED_IN },
  { route: 'GET /api/incidents/:id', allow: INCIDENT_READERS },
  { route: 'GET /api/incidents/:id/timeline', allow: INCIDENT_READERS },
  { route: 'GET /api/incidents/:id/comments', allow: INCIDENT_READERS },
  { route: 'POST /api/incidents/:id/comments', allow: [...CERT_OWN, 'focal'], body: () => ({ body: 'Ma trận hỏi', visibility: 'agency' }) },
  { route: 'PATCH /api/incidents/:id', allow: CERT_OWN, body: (f) => ({ tags: ['ma-tran'], version: f.incident.version }) },
  { route: 'POST /api/incidents/:id/transitions', allow: CERT_OWN, body: (f) => ({ to: 'received', version: f.incident.version }) },
  { route: 'POST /api/incidents/:id/tasks', allow: CERT_OWN, body: (f) => ({ title: 'Việc ma trận', version: f.incident.version }) },
  { route: 'PUT /api/incidents/:id/tasks/:taskId', allow: CERT_OWN, body: (f) => ({ done: true, version: f.incident.version }) },
  { route: 'POST /api/incidents/:id/closure-confirmation', allow: ['focal'], body: (f) => ({ version: f.incident.version }) },
  { route: 'GET /api/incidents/:id/attachments', allow: INCIDENT_READERS },
  { route: 'GET /api/incidents/:id/attachments/:attachmentId', allow: INCIDENT_READERS },
  { route: 'POST /api/incidents/:id/attachments', allow: [...CERT_OWN, 'focal'], upload: true },
  { route: 'GET /api/playbooks', allow: STAFF },
  {
    route: 'PUT /api/playbooks/:category',
    allow: ['admin', 'coordinator', 'coordinator:other'],
    body: () => ({ tasks: ['Bước ma trận'] }),
  },
  { route: 'GET /api/api-keys', allow: ADMIN },
  { route: 'POST /api/api-keys', allow: ADMIN, body: (f) => ({ name: `Khóa ma trận ${f.serial()}`, agencyIds: [f.agencyA] }) },
  { route: 'POST /api/api-keys/:id/revoke', allow: ADMIN },
  { route: 'GET /api/events', allow: SIGNED_IN, query: 'after=0' },
  { route: 'GET /api/events/head', allow: SIGNED_IN },
  // Drills: the CERT's own exercise; coordinators run them, agencies see none.
  { route: 'GET /api/drills', allow: STAFF },
  { route: 'POST /api/drills', allow: DRILL_CONTROLLERS, body: (f) => drillBody(f.serial()) },
  { route: 'POST /api/drills/external', allow: DRILL_CONTROLLERS, body: (f) => externalDrillBody(f) },
  { route: 'GET /api/drills/years/:year', allow: STAFF },
  { route: 'GET /api/drills/plans/:year', allow: STAFF },
  { route: 'PUT /api/drills/plans/:year', allow: DRILL_CONTROLLERS, body: () => ({ items: [] }) },
  { route: 'GET /api/drills/:id', allow: STAFF },
  { route: 'POST /api/drills/:id/start', allow: DRILL_CONTROLLERS, body: () => ({}) },
  { route: 'POST /api/drills/:id/pause', allow: DRILL_CONTROLLERS, body: () => ({}) },
  { route: 'POST /api/drills/:id/resume', allow: DRILL_CONTROLLERS, body: () => ({}) },
  { route: 'POST /api/drills/:id/end', allow: DRILL_CONTROLLERS, body: () => ({}) },
  { route: 'POST /api/drills/:id/close', allow: DRILL_CONTROLLERS, body: () => ({}) },
  { route: 'GET /api/drills/:id/metrics', allow: STAFF },
  { route: 'GET /api/drills/:id/report.docx', allow: STAFF },
  { route: 'POST /api/drills/:id/copy', allow: DRILL_CONTROLLERS, body: () => ({ year: 2027 }) },
  {
    route: 'PUT /api/drills/:id/participants',
    allow: DRILL_CONTROLLERS,
    body: async (f) => ({ participants: [], version: (await f.drill()).version }),
  },
  {
    route: 'POST /api/drills/:id/scores',
    allow: DRILL_CONTROLLERS,
    body: async (f) => ({ objectiveId: (await f.drill()).objectives[0]!.id, score: 3 }),
  },
  { route: 'POST /api/drills/:id/observations', allow: DRILL_CONTROLLERS, body: () => ({ text: 'Quan sát ma trận' }) },
  { route: 'POST /api/drills/:id/lessons', allow: DRILL_CONTROLLERS, body: () => lessonBody() },
  { route: 'PATCH /api/drills/:id/lessons/:lessonId', allow: DRILL_CONTROLLERS, body: () => ({ status: 'done' }) },
  // Routing rules, preview and rerouting: the CERT's working data.
  { route: 'GET /api/routing/rules', allow: STAFF },
  { route: 'POST /api/routing/rules', allow: CERT_EDITORS, body: (f) => ruleBody(f.serial()) },
  { route: 'PUT /api/routing/rules/order', allow: CERT_EDITORS, body: async (f) => ({ ruleIds: await f.ruleIds() }) },
  { route: 'PATCH /api/routing/rules/:id', allow: CERT_EDITORS, body: () => ({ name: 'Quy tắc ma trận đổi tên', version: 1 }) },
  { route: 'DELETE /api/routing/rules/:id', allow: CERT_EDITORS },
  { route: 'POST /api/routing/preview', allow: STAFF, body: (f) => ({ ...incidentBody(f), source: 'agency' }) },
  {
    route: 'POST /api/incidents/:id/routing',
    allow: ['coordinator'],
    body: (f) => ({ action: 'add_team', teamId: police, reason: 'Cần công an hỗ trợ', version: f.incident.version }),
  },
  // Serious incidents (R2) and upward notifications: the coordinator decides; the agency answers for itself.
  {
    route: 'POST /api/incidents/:id/serious',
    allow: ['coordinator'],
    body: (f) => ({ action: 'declare', reason: 'Ảnh hưởng diện rộng', version: f.incident.version }),
  },
  {
    route: 'PUT /api/incidents/:id/assessment',
    allow: [...CERT_OWN, 'focal'],
    body: (f) => ({ canHandleAlone: false, version: f.incident.version }),
  },
  { route: 'GET /api/incidents/:id/upward-notifications', allow: ['admin', 'leader', ...CERT_OWN] },
  {
    route: 'PATCH /api/incidents/:id/upward-notifications/:notificationId',
    allow: ['coordinator'],
    body: () => ({ channel: 'email', version: 1 }),
  },
  {
    route: 'POST /api/incidents/:id/upward-notifications/:notificationId/follow-ups',
    allow: ['coordinator'],
    body: () => ({ note: 'Đã gọi điện nhắc', version: 1 }),
  },
  // On-call rosters: staff read them (names, phones); coordinators keep them.
  { route: 'GET /api/teams/:id/oncall', allow: STAFF },
  {
    route: 'PUT /api/teams/:id/oncall',
    allow: CERT_EDITORS,
    body: () => ({ version: null, rotationStart: '2026-11-23T08:00:00+07:00', weeks: [] }),
  },
  { route: 'GET /api/oncall/now', allow: STAFF },
  // Each caller's own notifications; webhooks and deliveries are the administrator's.
  { route: 'GET /api/notifications', allow: SIGNED_IN },
  { route: 'POST /api/notifications/read', allow: SIGNED_IN, body: () => ({ all: true }) },
  { route: 'GET /api/notifications/preferences', allow: SIGNED_IN },
  { route: 'PUT /api/notifications/preferences', allow: SIGNED_IN, body: () => ({ muted: [] }) },
  { route: 'GET /api/webhooks', allow: ADMIN },
  { route: 'POST /api/webhooks', allow: ADMIN, body: (f) => webhookBody(f.serial()) },
  { route: 'PATCH /api/webhooks/:id', allow: ADMIN, body: () => ({ name: 'Webhook ma trận đổi tên' }) },
  { route: 'DELETE /api/webhooks/:id', allow: ADMIN },
  { route: 'GET /api/deliveries', allow: ADMIN },
  { route: 'POST /api/deliveries/:id/retry', allow: ADMIN },
  // SLA policies and the audit log.
  { route: 'GET /api/sla/policies', allow: STAFF },
  { route: 'POST /api/sla/policies', allow: CERT_EDITORS, body: () => slaBody('medium') },
  { route: 'DELETE /api/sla/policies/:scope', allow: CERT_EDITORS },
  { route: 'GET /api/audit', allow: ['admin', 'leader'] },
  { route: 'GET /api/audit/verify', allow: ['admin', 'leader'] },
  // Statistics, compliance, reporting rounds, assessments (R3), exports and official documents.
  { route: 'GET /api/stats', allow: FIGURE_READERS, query: STATS_QUERY },
  { route: 'GET /api/stats/export.xlsx', allow: FIGURE_READERS, query: STATS_QUERY },
  { route: 'GET /api/compliance', allow: FIGURE_READERS, query: 'year=2026' },
  { route: 'GET /api/reports/annual/:file', allow: FIGURE_READERS },
  { route: 'GET /api/reports/types', allow: SIGNED_IN },
  { route: 'POST /api/reports/types', allow: CERT_EDITORS, body: (f) => reportTypeBody(`matrix_type_${f.serial()}`) },
  {
    route: 'PUT /api/reports/types/:code',
    allow: CERT_EDITORS,
    params: async (f) => ({
      code: (await asAdmin<{ code: string }>('POST', '/reports/types', reportTypeBody(`matrix_edit_${f.serial()}`))).code,
    }),
    body: () => {
      const { code: _code, ...fields } = reportTypeBody('x');
      return { ...fields, retired: false, version: 1 };
    },
  },
  { route: 'GET /api/reports/rounds', allow: [...FIGURE_READERS, 'focal', 'focal:other'] },
  { route: 'GET /api/reports/mine', allow: ['focal', 'focal:other'] },
  { route: 'POST /api/reports/rounds', allow: CERT_EDITORS, body: (f) => roundBody(f) },
  { route: 'GET /api/reports/rounds/:id', allow: [...FIGURE_READERS, 'focal'] },
  { route: 'GET /api/reports/rounds/:id/consolidated', allow: FIGURE_READERS },
  {
    route: 'PUT /api/reports/rounds/:id/submission',
    allow: ['focal'],
    body: () => ({ sections: { results: 'Kết quả', difficulties: 'Khó khăn', recommendations: 'Kiến nghị' }, submit: false }),
  },
  { route: 'POST /api/reports/rounds/:id/attachments', allow: ['focal'], upload: true },
  { route: 'GET /api/reports/rounds/:id/attachments', allow: [...FIGURE_READERS, 'focal'] },
  {
    route: 'GET /api/reports/rounds/:id/attachments/:attachmentId',
    allow: [...FIGURE_READERS, 'focal'],
    params: async (f) => ({ attachmentId: await reportAttachmentOf(f) }),
  },
  { route: 'GET /api/assessments', allow: STAFF },
  { route: 'POST /api/assessments', allow: [...CERT_EDITORS, 'focal'], body: (f) => assessmentBody(f.systemId) },
  { route: 'GET /api/systems/:id/assessments', allow: [...STAFF, 'focal'] },
  { route: 'GET /api/incidents/export.xlsx', allow: SIGNED_IN },
  { route: 'GET /api/incidents/:id/documents/initial-report.docx', allow: INCIDENT_READERS },
  { route: 'GET /api/incidents/:id/documents/closing-report.docx', allow: INCIDENT_READERS },
];

function reportTypeBody(code: string) {
  return {
    code,
    nameVi: 'Báo cáo ma trận',
    nameEn: 'Matrix report',
    period: 'ad_hoc',
    deadlines: [],
    submittedBy: 'Cơ quan, đơn vị',
    sentTo: 'Công an tỉnh',
    sections: ['results'],
  };
}

function incidentBody(f: Fixtures) {
  return {
    agencyId: f.agencyA,
    title: 'Báo cáo ma trận',
    category: 'phishing',
    description: 'Thư giả mạo.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  };
}
const drillBody = (n: number) => ({
  name: `Diễn tập ma trận ${n}`,
  year: 2026,
  type: 'tabletop',
  objectives: [{ title: 'Phát hiện sớm' }],
});
const externalDrillBody = (f: Fixtures) => ({
  name: `Diễn tập quốc gia ${f.serial()}`,
  year: 2026,
  date: '2026-10-01',
  organizer: 'Trung tâm VNCERT/CC',
});
const lessonBody = () => ({ title: 'Bài học ma trận', ownerName: 'Nguyễn Văn An', dueDate: '2026-12-31' });
/** Disabled: a rule never changes how the fixtures' incidents are routed. */
const ruleBody = (n: number) => ({ name: `Quy tắc ma trận ${n}`, enabled: false, conditions: {}, actions: { owningTeamId: null } });
const webhookBody = (n: number) => ({
  name: `Webhook ma trận ${n}`,
  url: 'http://127.0.0.1:9/hook',
  secret: 'matrix-secret-0123456789',
  eventTypes: ['incident.created'],
  active: false,
});
const slaBody = (scope: string) => ({ scope, acknowledge: 'PT1H', leaveTriage: null, contain: null, escalationDelay: 'PT15M' });
const roundBody = (f: Fixtures) => ({
  reportType: 'agency_annual',
  title: `Báo cáo năm ma trận ${f.serial()}`,
  year: 2026,
  deadline: '2026-12-05T00:00:00+07:00',
  agencyIds: [f.agencyA],
});
const assessmentBody = (systemId: string) => ({
  systemId,
  approvalDecision: { number: '1/QĐ-UBND', date: '2025-03-01' },
  assessor: 'Công ty kiểm định độc lập',
  assessedAt: '2026-04-10',
  result: 'passed',
});

function agencyBody(n: number) {
  return { name: `UBND xã Ma Trận ${n}`, type: 'commune_committee', province: 'Tỉnh Hòa Lâm', parentId: null };
}

const INTERNAL_FIELDS = ['tags', 'assigneeIds', 'tasks', 'slaDueAt'];
/** Routing's working data (who was assigned, which rule, why) is the CERT's too. */
const INTERNAL_ROUTING_FIELDS = ['assigneeIds', 'ruleId', 'reasons'];
function internalFieldsOf(record: object, prefix: string): string[] {
  const found = INTERNAL_FIELDS.filter((f) => f in record).map((f) => prefix + f);
  const routing = (record as { routing?: unknown }).routing;
  if (routing && typeof routing === 'object')
    found.push(...INTERNAL_ROUTING_FIELDS.filter((f) => f in routing).map((f) => `${prefix}routing.${f}`));
  return found;
}
function internalFieldsIn(body: unknown): string[] {
  const records = Array.isArray((body as { items?: unknown[] })?.items) ? (body as { items: unknown[] }).items : [body];
  const found: string[] = [];
  for (const r of records) {
    if (!r || typeof r !== 'object') continue;
    found.push(...internalFieldsOf(r, ''));
    const nested = (r as { incident?: unknown }).incident;
    if (nested && typeof nested === 'object') found.push(...internalFieldsOf(nested, 'incident.'));
    const events = (r as { events?: unknown[] }).events;
    if (Array.isArray(events)) found.push(...events.flatMap((e) => internalFieldsIn(e)));
  }
  return found;
}

let hub: TestHub;
const tokens: Partial<Record<Subject, string>> = {};
let agencyA: string;
let systemId: string;
let police: string;
let failedDeliveryId: string;
let serial = 0;
const counts = { routes: 0, skipped: 0, requests: 0, readsChecked: 0 };

const call = (subject: Subject, method: string, path: string) => {
  const req = hub.http()[method.toLowerCase() as 'get'](path);
  return subject === 'anonymous' ? req : req.set('Authorization', `Bearer ${tokens[subject]}`);
};
const asAdmin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await call('admin', method, `/api${path}`).send(body as object);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

async function newAccount(username: string, role: string, scope: { agencyId?: string; teamIds?: string[] }) {
  await asAdmin('POST', '/users', {
    username,
    displayName: username,
    password: 'Matrix@12345',
    role,
    agencyId: scope.agencyId ?? null,
    teamIds: scope.teamIds ?? [],
  });
  return signIn(hub, username, 'Matrix@12345');
}

beforeAll(async () => {
  hub = await createSeededHub({ loginMaxFailuresPerAddress: 1000 });
  hub.clock.set('2026-11-20T03:00:00Z');
  for (const [subject, username] of [
    ['admin', 'admin'],
    ['leader', 'leader'],
    ['coordinator', 'coordinator'],
    ['responder', 'responder'],
    ['focal', 'focal.a'],
    ['focal:other', 'focal.b'],
  ] as const)
    tokens[subject] = await signIn(hub, username);
  agencyA = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
  police = (await hub.store.teams.list({ limit: 50 })).items.find((t) => t.kind === 'police')!.id;
  tokens['coordinator:other'] = await newAccount('matrix.coordinator.other', 'coordinator', { teamIds: [police] });
  tokens['responder:other'] = await newAccount('matrix.responder.other', 'responder', { teamIds: [police] });
  systemId = (
    await asAdmin<{ id: string }>('POST', '/systems', { agencyId: agencyA, name: 'Hệ thống ma trận', level: 2, nationalCritical: false })
  ).id;
  // A failed webhook delivery for the retry route: none fails on its own in a test hub.
  failedDeliveryId = 'matrix-failed-delivery';
  await hub.store.deliveries.insert({
    id: failedDeliveryId,
    channel: 'webhook',
    target: 'matrix-webhook',
    payload: {},
    status: 'failed',
    attempts: 5,
    nextAttemptAt: '2026-11-20T03:00:00.000Z',
    lastError: 'connection refused',
    createdAt: '2026-11-20T03:00:00.000Z',
    sentAt: null,
  });
});
afterAll(async () => {
  await hub.close();
  process.stdout.write(
    `\n[access-matrix] ${counts.routes} routes × ${SUBJECTS.length} callers: ${counts.requests} requests checked, ` +
      `${counts.readsChecked} agency-side reads checked for internal fields, ${counts.skipped} routes covered elsewhere.\n\n`,
  );
});

/** Runs `make` at most once: a fixture asked for by both the path and the body is the same record. */
/** A file agency A's focal point attached to its answer in the round of these fixtures. */
async function reportAttachmentOf(f: Fixtures): Promise<string> {
  const res = await call('focal', 'POST', `/api/reports/rounds/${await f.roundId()}/attachments`).attach(
    'file',
    Buffer.from('phu luc bao cao\n'),
    'phu-luc.txt',
  );
  if (res.status !== 201) throw new Error(`report attachment: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
const send = async <T>(subject: Subject, method: string, path: string, body?: unknown): Promise<T> => {
  const res = await call(subject, method, `/api${path}`).send(body as object);
  if (res.status >= 300) throw new Error(`${subject} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

/** Fresh fixtures for one request: mutations by one caller never change what the next one meets. */
async function fixtures(): Promise<Fixtures> {
  const filed = await asAdmin<IncidentView>('POST', '/incidents', {
    agencyId: agencyA,
    title: 'Sự cố ma trận',
    category: 'phishing',
    description: 'Thư giả mạo gửi đến cán bộ.',
    detectedAt: '2026-11-20T08:00:00+07:00',
  });
  const responder = hub.http();
  const res = await responder
    .post(`/api/incidents/${filed.id}/attachments`)
    .set('Authorization', `Bearer ${tokens.responder}`)
    .attach('file', Buffer.from('nhat ky may chu\n'), 'nhat-ky.txt');
  if (res.status !== 201) throw new Error(`attachment: ${res.status} ${JSON.stringify(res.body)}`);
  const incident = (await call('responder', 'GET', `/api/incidents/${filed.id}`)).body as IncidentView;
  const drill = once(async () => asAdmin<Awaited<ReturnType<Fixtures['drill']>>>('POST', '/drills', drillBody(++serial)));
  const self: Fixtures = {
    incident,
    taskId: incident.tasks![0]!.id,
    attachmentId: (res.body as { id: string }).id,
    agencyA,
    systemId,
    serial: () => ++serial,
    version: async (path) => (await asAdmin<{ version: number }>('GET', path)).version,
    disposableAgency: async () => (await asAdmin<{ id: string }>('POST', '/agencies', agencyBody(++serial))).id,
    disposableTeam: async () =>
      (await asAdmin<{ id: string }>('POST', '/teams', { name: `Đội dùng một lần ${++serial}`, kind: 'sector_cert' })).id,
    disposableUser: async () =>
      (
        await asAdmin<{ id: string }>('POST', '/users', {
          username: `matrix.disposable.${++serial}`,
          displayName: 'Dùng Một Lần',
          password: 'Matrix@12345',
          role: 'leader',
          agencyId: null,
          teamIds: [],
        })
      ).id,
    disposableKey: async () =>
      (await asAdmin<{ id: string }>('POST', '/api-keys', { name: `Khóa dùng một lần ${++serial}`, agencyIds: [agencyA] })).id,
    drill,
    lessonId: once(async () => {
      const withLesson = await asAdmin<{ lessons: { id: string }[] }>('POST', `/drills/${(await drill()).id}/lessons`, lessonBody());
      return withLesson.lessons.at(-1)!.id;
    }),
    roundId: once(async () => (await asAdmin<{ id: string }>('POST', '/reports/rounds', roundBody(self))).id),
    ruleId: once(async () => (await asAdmin<{ id: string }>('POST', '/routing/rules', ruleBody(++serial))).id),
    ruleIds: async () => (await asAdmin<{ items: { id: string }[] }>('GET', '/routing/rules')).items.map((r) => r.id),
    webhookId: once(async () => (await asAdmin<{ id: string }>('POST', '/webhooks', webhookBody(++serial))).id),
    upwardId: once(async () => {
      const path = `/incidents/${incident.id}`;
      await send('coordinator', 'POST', `${path}/serious`, { action: 'declare', reason: 'Ảnh hưởng diện rộng', version: incident.version });
      return (await send<{ items: { id: string }[] }>('coordinator', 'GET', `${path}/upward-notifications`)).items[0]!.id;
    }),
    slaScope: async () => {
      const res = await call('admin', 'POST', '/api/sla/policies').send(slaBody('low'));
      if (![201, 200, 409].includes(res.status)) throw new Error(`SLA policy: ${res.status} ${JSON.stringify(res.body)}`);
      return 'low';
    },
  };
  return self;
}

async function pathOf(entry: Entry, f: Fixtures): Promise<string> {
  const [, template] = entry.route.split(' ') as [string, string];
  const overrides = entry.params ? await entry.params(f) : {};
  const defaults = async (name: string): Promise<string> => {
    if (name === 'taskId') return f.taskId;
    if (name === 'attachmentId') return f.attachmentId;
    if (name === 'category') return 'phishing';
    if (name === 'notificationId') return f.upwardId();
    if (name === 'lessonId') return f.lessonId();
    if (name === 'year') return '2026';
    if (name === 'file') return '2026.docx';
    if (name === 'scope') return f.slaScope();
    if (template.startsWith('/api/drills/')) return (await f.drill()).id;
    if (template.startsWith('/api/reports/rounds/')) return f.roundId();
    if (template.startsWith('/api/routing/rules/')) return f.ruleId();
    if (template.startsWith('/api/webhooks/')) return f.webhookId();
    if (template.startsWith('/api/deliveries/')) return failedDeliveryId;
    if (template.startsWith('/api/incidents/')) return f.incident.id;
    if (template.startsWith('/api/agencies/')) return f.agencyA;
    if (template.startsWith('/api/systems/')) return f.systemId;
    if (template.startsWith('/api/teams/')) return f.disposableTeam();
    if (template.startsWith('/api/users/')) return f.disposableUser();
    if (template.startsWith('/api/api-keys/')) return f.disposableKey();
    throw new Error(`no default for :${name} in ${entry.route}`);
  };
  let path = template;
  for (const [, name] of template.matchAll(/:(\w+)/g)) path = path.replace(`:${name}`, overrides[name!] ?? (await defaults(name!)));
  return path;
}

describe('access matrix', () => {
  it('has exactly one entry for every mounted route', () => {
    const mounted = mountedRoutes(hub.app).sort();
    const listed = MATRIX.map((e) => e.route);
    const missing = mounted.filter((r) => !listed.includes(r));
    const stale = listed.filter((r) => !mounted.includes(r));
    const doubled = listed.filter((r, i) => listed.indexOf(r) !== i);
    expect({ missing, stale, doubled }, 'add one line per route to MATRIX in test/access-matrix.test.ts').toEqual({
      missing: [],
      stale: [],
      doubled: [],
    });
  });

  for (const entry of MATRIX.filter((e) => !e.skip)) {
    it(entry.route, async () => {
      counts.routes++;
      const [method] = entry.route.split(' ') as [string];
      const failures: string[] = [];
      for (const subject of SUBJECTS) {
        const f = await fixtures();
        const path = (await pathOf(entry, f)) + (entry.query ? `?${entry.query}` : '');
        let req = call(subject, method, path);
        if (entry.upload) req = req.attach('file', Buffer.from('bang chung\n'), 'bang-chung.txt');
        else if (entry.body) req = req.send((await entry.body(f)) as object);
        const res = await req;
        counts.requests++;
        const allowed = entry.allow.includes(subject);
        const passed = ![401, 403, 404].includes(res.status) && res.status < 500;
        if (allowed !== passed)
          failures.push(
            `${subject}: ${res.status} (expected ${allowed ? 'allowed' : 'refused'}) ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        if (!allowed && subject === 'anonymous' && res.status !== 401) failures.push(`anonymous: ${res.status}, expected 401`);
        if (res.status === 400)
          failures.push(`${subject}: 400, the fixture's body or query is invalid ${JSON.stringify(res.body).slice(0, 160)}`);
        if (passed && method === 'GET' && subject.startsWith('focal')) {
          counts.readsChecked++;
          const leaked = internalFieldsIn(res.body);
          if (leaked.length) failures.push(`${subject}: internal fields ${leaked.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('names, for every route it skips, the test file that covers it', () => {
    for (const entry of MATRIX.filter((e) => e.skip)) {
      counts.skipped++;
      expect(entry.skip, entry.route).toMatch(/\.test\.ts/);
    }
  });
});
