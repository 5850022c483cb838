/**
 * The OpenAPI 3.1 document, generated from the same shared zod schemas the routes validate
 * with (design.md, HTTP API conventions). Served at GET /api/openapi.json.
 */
import { z } from 'zod';
import * as schemas from '@cert-hub/shared';
import { DRILL_OPERATIONS } from '../drills/openapi.js';
import { LEADERS_OPERATIONS } from './leaders.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  auth?: 'none' | 'user' | 'user_or_api_key';
  multipart?: boolean;
}

const ops: Operation[] = [
  { method: 'get', path: '/health', summary: 'Liveness and store kind', tag: 'operations', auth: 'none' },
  { method: 'get', path: '/setup', summary: 'Whether the first administrator must be created', tag: 'setup', auth: 'none' },
  {
    method: 'post',
    path: '/setup',
    summary: 'Create the first administrator with the printed token',
    tag: 'setup',
    body: schemas.setupInput,
    auth: 'none',
  },
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in: access token + refresh cookie',
    tag: 'auth',
    body: schemas.loginInput,
    auth: 'none',
  },
  { method: 'post', path: '/auth/refresh', summary: 'Rotate the refresh cookie, new access token', tag: 'auth', auth: 'none' },
  { method: 'post', path: '/auth/logout', summary: 'End this login (all its refresh tokens)', tag: 'auth', auth: 'none' },
  { method: 'get', path: '/me', summary: 'The signed-in user', tag: 'auth' },
  { method: 'patch', path: '/me', summary: 'Update own profile', tag: 'auth', body: schemas.updateMeInput },
  {
    method: 'post',
    path: '/me/password',
    summary: 'Change own password (ends every session)',
    tag: 'auth',
    body: schemas.changePasswordInput,
  },
  { method: 'get', path: '/agencies', summary: 'List agencies', tag: 'registry', query: schemas.listAgenciesQuery },
  { method: 'post', path: '/agencies', summary: 'Create an agency', tag: 'registry', body: schemas.createAgencyInput },
  { method: 'get', path: '/agencies/{id}', summary: 'One agency', tag: 'registry' },
  { method: 'patch', path: '/agencies/{id}', summary: 'Update (rename keeps history)', tag: 'registry', body: schemas.updateAgencyInput },
  {
    method: 'put',
    path: '/agencies/{id}/focal-points',
    summary: 'Set focal points with 24/7 contacts (R6)',
    tag: 'registry',
    body: schemas.setFocalPointsInput,
  },
  { method: 'post', path: '/agencies/{id}/merge', summary: 'Merge into another agency', tag: 'registry', body: schemas.mergeAgencyInput },
  { method: 'get', path: '/agencies/{id}/history', summary: 'Recorded changes of an agency', tag: 'registry' },
  { method: 'get', path: '/sectors', summary: 'Sectors', tag: 'registry' },
  { method: 'post', path: '/sectors', summary: 'Add a sector', tag: 'registry', body: schemas.createSectorInput },
  { method: 'get', path: '/systems', summary: 'List information systems', tag: 'registry', query: schemas.listSystemsQuery },
  { method: 'post', path: '/systems', summary: 'Register an information system', tag: 'registry', body: schemas.createSystemInput },
  { method: 'get', path: '/systems/{id}', summary: 'One information system', tag: 'registry' },
  { method: 'patch', path: '/systems/{id}', summary: 'Update an information system', tag: 'registry', body: schemas.updateSystemInput },
  { method: 'get', path: '/teams', summary: 'List teams', tag: 'registry', query: schemas.listTeamsQuery },
  { method: 'post', path: '/teams', summary: 'Create a team', tag: 'registry', body: schemas.createTeamInput },
  { method: 'get', path: '/teams/{id}', summary: 'One team', tag: 'registry' },
  { method: 'patch', path: '/teams/{id}', summary: 'Update a team', tag: 'registry', body: schemas.updateTeamInput },
  { method: 'put', path: '/teams/{id}/members', summary: 'Set team members', tag: 'registry', body: schemas.setTeamMembersInput },
  { method: 'get', path: '/users', summary: 'List users', tag: 'registry', query: schemas.listUsersQuery },
  { method: 'post', path: '/users', summary: 'Create a user', tag: 'registry', body: schemas.createUserInput },
  { method: 'get', path: '/users/{id}', summary: 'One user', tag: 'registry' },
  {
    method: 'patch',
    path: '/users/{id}',
    summary: 'Update a user (disable ends sessions)',
    tag: 'registry',
    body: schemas.updateUserInput,
  },
  {
    method: 'post',
    path: '/users/{id}/password',
    summary: 'Reset a password (ends sessions)',
    tag: 'registry',
    body: schemas.resetPasswordInput,
  },
  { method: 'post', path: '/users/{id}/password-reset-link', summary: 'Issue a one-time password-reset link (admin)', tag: 'registry' },
  {
    method: 'post',
    path: '/auth/password-reset',
    summary: 'Set a new password through a one-time link (ends sessions)',
    tag: 'auth',
    body: schemas.completePasswordResetInput,
    auth: 'none',
  },
  {
    method: 'post',
    path: '/incidents',
    summary: 'File an incident report (Idempotency-Key header)',
    tag: 'incidents',
    body: schemas.createIncidentInput,
    auth: 'user_or_api_key',
  },
  { method: 'get', path: '/incidents', summary: 'Search incidents, newest first', tag: 'incidents', query: schemas.listIncidentsQuery },
  { method: 'get', path: '/incidents/count', summary: 'How many incidents match the list filters', tag: 'incidents', query: schemas.countIncidentsQuery },
  { method: 'get', path: '/incidents/{id}', summary: 'One incident', tag: 'incidents' },
  {
    method: 'patch',
    path: '/incidents/{id}',
    summary: 'Classify, assign, tag (version checked)',
    tag: 'incidents',
    body: schemas.updateIncidentInput,
  },
  {
    method: 'post',
    path: '/incidents/{id}/transitions',
    summary: 'Move along the lifecycle',
    tag: 'incidents',
    body: schemas.transitionInput,
  },
  { method: 'get', path: '/incidents/{id}/timeline', summary: 'Events the caller may see', tag: 'incidents' },
  { method: 'get', path: '/incidents/{id}/comments', summary: 'Comments the caller may see', tag: 'incidents' },
  {
    method: 'post',
    path: '/incidents/{id}/comments',
    summary: 'Comment (agency-visible or internal)',
    tag: 'incidents',
    body: schemas.commentInput,
  },
  { method: 'get', path: '/incidents/{id}/attachments', summary: 'Evidence files', tag: 'incidents' },
  {
    method: 'post',
    path: '/incidents/{id}/attachments',
    summary: 'Upload evidence (multipart, field "file")',
    tag: 'incidents',
    multipart: true,
    auth: 'user_or_api_key',
  },
  { method: 'get', path: '/incidents/{id}/attachments/{attachmentId}', summary: 'Download evidence', tag: 'incidents' },
  { method: 'post', path: '/incidents/{id}/tasks', summary: 'Add a checklist task', tag: 'incidents', body: schemas.addTaskInput },
  { method: 'put', path: '/incidents/{id}/tasks/{taskId}', summary: 'Tick or untick a task', tag: 'incidents', body: schemas.setTaskInput },
  {
    method: 'post',
    path: '/incidents/{id}/closure-confirmation',
    summary: 'The agency confirms the closing report',
    tag: 'incidents',
    body: schemas.confirmClosureInput,
  },
  { method: 'get', path: '/playbooks', summary: 'Response playbooks by category', tag: 'incidents' },
  { method: 'put', path: '/playbooks/{category}', summary: 'Edit a playbook', tag: 'incidents', body: schemas.setPlaybookInput },
  { method: 'get', path: '/routing/rules', summary: 'Routing rules in order (first match wins)', tag: 'routing' },
  { method: 'post', path: '/routing/rules', summary: 'Add a routing rule', tag: 'routing', body: schemas.createRoutingRuleInput },
  { method: 'put', path: '/routing/rules/order', summary: 'Reorder the rules', tag: 'routing', body: schemas.reorderRoutingRulesInput },
  { method: 'patch', path: '/routing/rules/{id}', summary: 'Edit a routing rule', tag: 'routing', body: schemas.updateRoutingRuleInput },
  { method: 'delete', path: '/routing/rules/{id}', summary: 'Delete a routing rule', tag: 'routing' },
  {
    method: 'post',
    path: '/routing/preview',
    summary: 'Which rule would match an intake report, and why',
    tag: 'routing',
    body: schemas.routingPreviewInput,
  },
  {
    method: 'post',
    path: '/incidents/{id}/routing',
    summary: 'Transfer, add or remove a body (coordinator)',
    tag: 'routing',
    body: schemas.rerouteInput,
  },
  {
    method: 'post',
    path: '/incidents/{id}/serious',
    summary: 'Confirm, declare or withdraw serious (R2)',
    tag: 'routing',
    body: schemas.seriousDecisionInput,
  },
  {
    method: 'put',
    path: '/incidents/{id}/assessment',
    summary: 'Re-assess R2: impacts, system, the agency’s answers',
    tag: 'routing',
    body: schemas.seriousAssessmentInput,
  },
  { method: 'get', path: '/incidents/{id}/upward-notifications', summary: 'Upward notifications per recipient', tag: 'routing' },
  {
    method: 'patch',
    path: '/incidents/{id}/upward-notifications/{notificationId}',
    summary: 'Record channel, sending, document number, acknowledgement',
    tag: 'routing',
    body: schemas.updateUpwardNotificationInput,
  },
  {
    method: 'post',
    path: '/incidents/{id}/upward-notifications/{notificationId}/follow-ups',
    summary: 'Add a follow-up',
    tag: 'routing',
    body: schemas.upwardFollowUpInput,
  },
  { method: 'get', path: '/teams/{id}/oncall', summary: 'A team’s on-call roster and who is on call now', tag: 'routing' },
  {
    method: 'put',
    path: '/teams/{id}/oncall',
    summary: 'Set a team’s roster (weekly rotation, overrides)',
    tag: 'routing',
    body: schemas.setOnCallRosterInput,
  },
  { method: 'get', path: '/oncall/now', summary: 'Who is on call now, every team', tag: 'routing' },
  { method: 'get', path: '/api-keys', summary: 'Machine-source API keys', tag: 'machine intake' },
  { method: 'post', path: '/api-keys', summary: 'Issue a key (shown once)', tag: 'machine intake', body: schemas.createApiKeyInput },
  { method: 'post', path: '/api-keys/{id}/revoke', summary: 'Revoke a key', tag: 'machine intake' },
  {
    method: 'get',
    path: '/events',
    summary: 'Events after a sequence number, filtered for the caller',
    tag: 'realtime',
    query: schemas.eventsQuery,
  },
  { method: 'get', path: '/events/head', summary: 'The last sequence number', tag: 'realtime' },
  ...DRILL_OPERATIONS,
  ...LEADERS_OPERATIONS,
  // Notifications, SLA and audit (issue 8)
  {
    method: 'get',
    path: '/notifications',
    summary: 'Own notifications, newest first, with the unread count',
    tag: 'notifications',
    query: schemas.listNotificationsQuery,
  },
  {
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark some (ids) or all own notifications read',
    tag: 'notifications',
    body: schemas.markNotificationsReadInput,
  },
  {
    method: 'get',
    path: '/notifications/preferences',
    summary: 'Own channel preferences (muted kind:channel pairs)',
    tag: 'notifications',
  },
  {
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Set own channel preferences (serious alerts cannot be muted)',
    tag: 'notifications',
    body: schemas.notificationPreferencesInput,
  },
  { method: 'get', path: '/webhooks', summary: 'Outgoing webhooks (admin)', tag: 'notifications' },
  {
    method: 'post',
    path: '/webhooks',
    summary: 'Add a webhook signed with HMAC-SHA256 (admin)',
    tag: 'notifications',
    body: schemas.webhookInput,
  },
  { method: 'patch', path: '/webhooks/{id}', summary: 'Change a webhook (admin)', tag: 'notifications', body: schemas.webhookUpdateInput },
  { method: 'delete', path: '/webhooks/{id}', summary: 'Delete a webhook (admin)', tag: 'notifications' },
  {
    method: 'get',
    path: '/deliveries',
    summary: 'E-mail and webhook deliveries with their attempts (admin)',
    tag: 'notifications',
    query: schemas.listDeliveriesQuery,
  },
  { method: 'post', path: '/deliveries/{id}/retry', summary: 'Send a failed delivery again (admin)', tag: 'notifications' },
  { method: 'get', path: '/sla/policies', summary: 'SLA policies per severity (and serious)', tag: 'sla' },
  {
    method: 'post',
    path: '/sla/policies',
    summary: 'Create or replace (with version) the policy of a scope',
    tag: 'sla',
    body: schemas.slaPolicyInput,
  },
  { method: 'delete', path: '/sla/policies/{scope}', summary: 'Delete the policy of a scope', tag: 'sla' },
  { method: 'get', path: '/audit', summary: 'Search the audit log, newest first (admin, leader)', tag: 'audit', query: schemas.auditQuery },
  { method: 'get', path: '/audit/verify', summary: 'Recompute the hash chain: { ok, checked, firstBrokenSeq? }', tag: 'audit' },
];

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const errorResponse = {
  description: 'Error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string', enum: [...schemas.ERROR_CODES] }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
          },
        },
      },
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const parameters: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (op.query) {
      const query = jsonSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {}))
        parameters.push({
          name,
          in: 'query',
          required: (query.required ?? []).includes(name) && !(schema as { default?: unknown }).default,
          schema,
        });
    }
    if (op.path === '/incidents' && op.method === 'post')
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: jsonSchema(schemas.idempotencyKeySchema) });
    const security = op.auth === 'none' ? [] : op.auth === 'user_or_api_key' ? [{ bearer: [] }, { apiKey: [] }] : [{ bearer: [] }];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
      ...(op.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
                },
              },
            },
          }
        : {}),
      responses: { '2XX': { description: 'Success' }, '4XX': errorResponse },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CERT Hub API',
      version: '0.1.0',
      description: 'Provincial cyber-incident reporting and coordination. Errors: { error: { code, message, details? } }.',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
    paths,
  };
}
