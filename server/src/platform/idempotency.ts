/**
 * Exactly-once writes with an `Idempotency-Key` (incident intake, evidence upload): one place
 * for the key's scope, the request's fingerprint, "same key, different request" (422) and the
 * replay of the first answer — after the caller is authorised again, since they may have lost
 * the right since the first request.
 *
 * A request is checked before the work, again inside its transaction (two retries racing on
 * one node), and once more after a unique-key failure (a retry that won on another node).
 */
import crypto from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { DuplicateKeyError, type IdempotencyRecord, type Repositories } from '../store/port.js';
import { unprocessable } from './errors.js';

type IdempotencyRepos = Pick<Repositories, 'idempotency'>;

/** A stable hash of a request (keys sorted at every level), for "same key, different body". */
export function fingerprintOf(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

export interface IdempotentOperation<T> {
  /** What is being done, e.g. `incident.create`; keys are per operation, caller and `within` (e.g. an incident). */
  operation: string;
  actor: Actor;
  within?: string;
  key: string | null;
  fingerprint: string;
  /** The 422 message when the key was used for a different request. */
  mismatch: string;
  /** The resource the first request made (null when it is gone: the request runs again). */
  load: (repos: Repositories, resourceId: string) => Promise<T | null>;
  /** Throws when this caller may no longer have the first answer. */
  authorise: (resource: T) => void;
}

export interface Replay<T> {
  resource: T;
  /** What the first request stored as its answer (undefined for keys stored without one). */
  response: unknown;
}

/** One keyed request: look up an earlier answer, remember this one, recover from a lost race. */
export class IdempotentRequest<T> {
  readonly scope: string;

  constructor(private readonly op: IdempotentOperation<T>) {
    this.scope = [op.operation, op.actor.kind, op.actor.id, ...(op.within ? [op.within] : [])].join(':');
  }

  get keyed(): boolean {
    return this.op.key !== null;
  }

  /** The first request's answer for this key, authorised again; null when there is none (or no key). */
  async earlier(repos: Repositories): Promise<Replay<T> | null> {
    if (this.op.key === null) return null;
    const stored = await repos.idempotency.get(this.scope, this.op.key);
    if (!stored) return null;
    if (stored.requestHash !== this.op.fingerprint) throw unprocessable(this.op.mismatch);
    const resource = await this.op.load(repos, stored.resourceId);
    if (!resource) return null;
    this.op.authorise(resource);
    return { resource, response: stored.response };
  }

  /** Inside the transaction that made `resourceId`: the key now answers with it. */
  async remember(tx: IdempotencyRepos, resourceId: string, at: string, response?: unknown): Promise<void> {
    if (this.op.key === null) return;
    const record: IdempotencyRecord = {
      scope: this.scope,
      key: this.op.key,
      requestHash: this.op.fingerprint,
      resourceId,
      status: 201,
      createdAt: at,
      ...(response !== undefined ? { response } : {}),
    };
    await tx.idempotency.insert(record);
  }

  /** Runs the work; a concurrent retry that won on another node (unique key) is answered with its result. */
  async orReplay<R>(repos: Repositories, work: () => Promise<R>, replayed: (earlier: Replay<T>) => R | Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (this.keyed && error instanceof DuplicateKeyError) {
        const earlier = await this.earlier(repos);
        if (earlier) return replayed(earlier);
      }
      throw error;
    }
  }
}
