/**
 * Routes declared once, as data. Each endpoint is ONE `route({...})` object in its feature's
 * `routes.ts`: method, path, summary, who may call it, its shared zod schemas and a handler.
 * From the same list `mountRoutes` builds the Express routes and `openapi/document.ts` builds
 * `GET /api/openapi.json`; test/api-documentation.test.ts checks that what is mounted, what
 * is documented and the README's API table agree.
 *
 * Every route runs the same steps in the same order, so a handler never repeats them:
 *   same-origin check (if `sameOrigin`) → authenticate (`auth`) → rate limit (unless
 *   `rateLimit: false`) → validate params, query, body (and the Idempotency-Key header if
 *   `idempotencyKey`) → upload parser (if `multipart`) → handler → present → answer.
 * The handler receives the parsed input, typed from the schemas it declared, and the actor.
 * It returns what to send: with `present`, it returns the RECORD and the route presents it for
 * the caller (a version conflict's record is presented by `http/conflicts.ts`); without, it returns the body itself. `status` is the success status
 * (200 by default; 204 sends no body). `download` routes write their own answer (files,
 * streams) through `res` and document its content type.
 *
 * Converting a route written the old way,
 *
 *   const patch = { params: byId, body: updateAgencyInput };
 *   r.patch('/agencies/:id', ...guard, validate(patch), async (req, res) => {
 *     const v = valid(req, patch);
 *     res.json(presentAgency(await d.agencies.update(actorOf(req), v.params.id, v.body)));
 *   });
 *
 * gives one entry in the feature's list (mounted order = list order; see http/apiRoutes.ts):
 *
 *   route({
 *     method: 'patch', path: '/agencies/:id', tag: 'registry', summary: 'Update (rename keeps history)',
 *     auth: 'signed-in', params: byId, body: updateAgencyInput, present: presentAgency,
 *     handler: ({ services, actor, params, body }) => services.agencies.update(actor, params.id, body),
 *   }),
 *
 * then one row in the README's API table and one MATRIX line in test/access-matrix.test.ts.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { codedIssue, idempotencyKeySchema } from '@cert-hub/shared';
import type { AppSettings, Services } from '../app.js';
import type { Actor } from '../auth/actor.js';
import { badRequest } from '../platform/errors.js';
import type { Store } from '../store/port.js';
import { authenticate, authenticateOptional, authenticateUserOrMachine } from './authenticate.js';
import { createRateLimit, type RateLimit } from './rateLimit.js';
import { requireSameOrigin } from './sameOrigin.js';
import { issuesOf } from './validate.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may reach the handler (what each role may then DO is the service's policy):
 * - `public`: anyone; no actor.
 * - `optional`: a valid access token makes an actor, its absence does not refuse (sign-out).
 * - `signed-in`: a valid access token, or 401.
 * - `api-key`: a signed-in user or a machine source's API key (`X-API-Key` / `ApiKey …`).
 */
export type Auth = 'public' | 'optional' | 'signed-in' | 'api-key';

type ActorFor<A extends Auth> = A extends 'public' ? undefined : A extends 'optional' ? Actor | null : Actor;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Schema = z.ZodType | undefined;

/** What the running hub hands every handler. */
export interface HubContext {
  services: Services;
  settings: AppSettings;
  store: Store;
  /** The routes this hub mounted (the OpenAPI document is built from them). */
  routes: readonly Route[];
}

export interface RouteInput<A extends Auth, B extends Schema, Q extends Schema, P extends Schema> extends HubContext {
  actor: ActorFor<A>;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  /** The checked `Idempotency-Key` header of a route declared with `idempotencyKey: true`. */
  idempotencyKey: string | null;
  req: Request;
  res: Response;
}

export interface RouteSpec<A extends Auth, B extends Schema, Q extends Schema, P extends Schema, R> {
  method: Method;
  /** The Express path under /api, e.g. `/agencies/:id`. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** The OpenAPI tag (the feature). */
  tag: string;
  auth: A;
  /**
   * Every route is rate-limited per caller by the API's limit; `false` only for probes (health,
   * the document); `{ perMinute }` adds this route's own, stricter limit on top (e.g. reset links).
   */
  rateLimit?: false | { perMinute: number };
  /** Refuse requests a browser marks as coming from another origin (cookie-authenticated routes). */
  sameOrigin?: true;
  params?: P;
  query?: Q;
  body?: B;
  /** Accepts an optional `Idempotency-Key` header (checked before the handler, documented). */
  idempotencyKey?: true;
  /** The success body's schema, for the document only (not checked at run time). */
  response?: z.ZodType;
  /** Success status: 200 unless said; 204 answers without a body. */
  status?: 200 | 201 | 204;
  /** The handler returns a record and this presents it for the caller. */
  present?(record: R, actor: ActorFor<A>): unknown;
  /**
   * Escape hatch for uploads: the body is multipart, not JSON. The route is mounted ahead of
   * the JSON body parser and this builds the parser middleware (run after validation).
   */
  multipart?: (hub: HubContext) => RequestHandler;
  /** The content type of a file or stream the handler writes itself through `res`. */
  download?: string;
  handler(input: RouteInput<A, B, Q, P>): R | Promise<R>;
}

/** A route with its types erased, as lists hold them. */
export type Route = RouteSpec<Auth, Schema, Schema, Schema, unknown>;

/** Declares one route; the types of the handler's input come from the schemas given. */
export function route<A extends Auth, R, B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: RouteSpec<A, B, Q, P, R>,
): Route {
  return spec;
}

/** `/agencies/:id` → `['id']`. */
export const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** A path parameter nobody validates would reach a handler unchecked: refuse to mount such a route. */
function checkDeclaration(r: Route) {
  const names = pathParams(r.path);
  const declared = r.params instanceof z.ZodObject ? Object.keys(r.params.shape) : [];
  if (names.length && !r.params) throw new Error(`${r.method.toUpperCase()} ${r.path}: path parameters need a params schema`);
  if (r.params instanceof z.ZodObject && names.sort().join() !== declared.sort().join())
    throw new Error(`${r.method.toUpperCase()} ${r.path}: params schema names ${declared.join(', ')}, the path ${names.join(', ')}`);
}

function parseInput(r: Route): RequestHandler {
  return (req, _res, next) => {
    const valid: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = r[part];
      if (!schema) continue;
      const input: unknown = part === 'body' ? (req.body ?? {}) : { ...(req[part] as object) };
      const result = schema.safeParse(input);
      if (!result.success) return next(badRequest(`Invalid request ${part}`, issuesOf(result.error)));
      valid[part] = result.data;
    }
    valid.idempotencyKey = null;
    const key = r.idempotencyKey ? req.get('Idempotency-Key') : undefined;
    if (key !== undefined) {
      const parsed = idempotencyKeySchema.safeParse(key);
      if (!parsed.success)
        return next(badRequest('Invalid Idempotency-Key header', [{ ...codedIssue(parsed.error.issues[0]!), path: 'Idempotency-Key' }]));
      valid.idempotencyKey = parsed.data;
    }
    req.valid = valid;
    next();
  };
}

function run(r: Route, hub: HubContext): RequestHandler {
  return async (req, res) => {
    const actor = r.auth === 'public' ? undefined : (req.actor ?? null);
    const parsed = req.valid as Pick<RouteInput<Auth, Schema, Schema, Schema>, 'body' | 'query' | 'params' | 'idempotencyKey'>;
    if (r.status) res.status(r.status);
    const result: unknown = await r.handler({ ...hub, ...parsed, actor: actor, req, res });
    if (r.download) return;
    if (r.status === 204) return void res.end();
    res.json(r.present ? r.present(result, actor) : result);
  };
}

export interface MountDeps {
  hub: HubContext;
  rateLimit: RateLimit;
}

/** Mounts `routes` (in their order) on `router` with the fixed steps described above. */
export function mountRoutes(router: Router, routes: readonly Route[], { hub, rateLimit }: MountDeps) {
  const auth = hub.services.auth;
  const authSteps: Record<Auth, RequestHandler[]> = {
    public: [],
    optional: [authenticateOptional(auth)],
    'signed-in': [authenticate(auth)],
    'api-key': [authenticateUserOrMachine(auth, hub.services.apiKeys)],
  };
  const sameOrigin = requireSameOrigin();
  for (const r of routes) {
    checkDeclaration(r);
    const steps: RequestHandler[] = [
      ...(r.sameOrigin ? [sameOrigin] : []),
      ...authSteps[r.auth],
      ...(r.rateLimit === false ? [] : [rateLimit]),
      ...(r.rateLimit ? [createRateLimit(r.rateLimit.perMinute)] : []),
      parseInput(r),
      ...(r.multipart ? [r.multipart(hub)] : []),
      run(r, hub),
    ];
    router[r.method](r.path, ...steps);
  }
}
