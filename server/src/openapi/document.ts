/**
 * The OpenAPI 3.1 document, built from the route declarations (http/route.ts) — the same
 * list Express mounts, with the same shared zod schemas the routes validate with. Served at
 * GET /api/openapi.json; test/api-documentation.test.ts checks it against the mounted routes.
 */
import { z } from 'zod';
import * as schemas from '@cert-hub/shared';
import { pathParams, type Route } from '../http/route.js';

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

const SECURITY: Record<Route['auth'], unknown[]> = {
  public: [],
  optional: [{}, { bearer: [] }],
  'signed-in': [{ bearer: [] }],
  'api-key': [{ bearer: [] }, { apiKey: [] }],
};

/** `/agencies/:id` → `/agencies/{id}`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

function parametersOf(r: Route): unknown[] {
  const params = r.params ? (jsonSchema(r.params) as { properties?: Record<string, unknown> }) : {};
  const parameters: unknown[] = pathParams(r.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: params.properties?.[name] ?? { type: 'string' },
  }));
  if (r.query) {
    const query = jsonSchema(r.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {}))
      parameters.push({
        name,
        in: 'query',
        required: (query.required ?? []).includes(name) && !(schema as { default?: unknown }).default,
        schema,
      });
  }
  if (r.idempotencyKey)
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: jsonSchema(schemas.idempotencyKeySchema) });
  return parameters;
}

function requestBodyOf(r: Route) {
  if (r.multipart)
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
        },
      },
    };
  if (r.body) return { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
  return undefined;
}

function successOf(r: Route) {
  if (r.status === 204) return { '204': { description: 'Done, no content' } };
  const content = r.download
    ? { [r.download]: { schema: { type: 'string', format: 'binary' } } }
    : r.response
      ? { 'application/json': { schema: jsonSchema(r.response) } }
      : undefined;
  return { [String(r.status ?? 200)]: { description: 'Success', ...(content ? { content } : {}) } };
}

export function openApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters = parametersOf(r);
    const requestBody = requestBodyOf(r);
    const path = openApiPath(r.path);
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: SECURITY[r.auth],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: { ...successOf(r), '4XX': errorResponse },
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
