/**
 * How every service changes state: inside one store transaction it writes the records and
 * records the domain events; after the commit the events go to the bus (and from there to
 * sockets). An event is therefore never published for a change that did not happen.
 */
import type { EventType } from '@cert-hub/shared';
import { appendAudit } from '../audit/chain.js';
import type { Actor } from '../auth/actor.js';
import type { EventRecord, Repositories, Store } from '../store/port.js';
import type { Clock } from './clock.js';
import type { EventBus } from './eventBus.js';
import type { IdFactory } from './ids.js';
import type { ReferenceCache } from './referenceCache.js';
import { notFound, VersionConflict, type VersionedEntity, type VersionedRecords } from './errors.js';

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  bus: EventBus;
  ids: IdFactory;
  /** Rarely changing records every report reads (referenceCache.ts); absent: read each time. */
  references?: ReferenceCache | undefined;
}

export interface EventInput {
  type: EventType;
  entity: string;
  entityId: string;
  incidentId?: string | null;
  version?: number | null;
  data?: Record<string, unknown>;
}

export type RecordEvent = (event: EventInput) => Promise<EventRecord>;

export async function commit<T>(
  deps: ServiceDeps,
  actor: Actor | null,
  work: (tx: Repositories, record: RecordEvent, now: string) => Promise<T>,
): Promise<T> {
  let recorded: EventRecord[] = [];
  const now = deps.clock.now().toISOString();
  const result = await deps.store.transaction(async (tx) => {
    recorded = []; // a retried transaction starts over
    const record: RecordEvent = async (e) => {
      const stored = await tx.events.append({
        type: e.type,
        entity: e.entity,
        entityId: e.entityId,
        incidentId: e.incidentId ?? null,
        version: e.version ?? null,
        at: now,
        actorId: actor && actor.id !== 'system' ? actor.id : null,
        data: e.data ?? {},
      });
      // The audit entry commits with the event it records, or neither does.
      await appendAudit(tx, stored);
      recorded.push(stored);
      return stored;
    };
    return work(tx, record, now);
  });
  for (const event of recorded) deps.bus.publish(event);
  return result;
}

/** The fields that differ between two versions of a record, as `{ field: [before, after] }`. */
export function changedFields<T extends object>(before: T, after: T, fields: (keyof T)[]): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[String(field)] = [before[field], after[field]];
  }
  return changes;
}

/** Where one versioned record lives, as seen from inside a transaction. */
export interface VersionedSlot<R> {
  load(): Promise<R | null>;
  /** Writes `next` only if the stored record still has `expectedVersion` (null: only while there is none). */
  write(next: R, expectedVersion: number | null): Promise<boolean>;
}

/** The usual slot: a repository's `get(id)` and `update(record, expectedVersion)`. */
export function byId<R>(
  repo: { get(id: string): Promise<R | null>; update(record: R, expectedVersion: number): Promise<boolean> },
  id: string,
): VersionedSlot<R> {
  return {
    load: () => repo.get(id),
    write: (next, expectedVersion) => (expectedVersion === null ? Promise.resolve(false) : repo.update(next, expectedVersion)),
  };
}

interface Versioned {
  version: number;
  updatedAt: string;
}

/** A changed record: its `version` and `updatedAt` are set by the versioned write. */
type Changed<R extends Versioned> = Omit<R, 'version' | 'updatedAt'> & Partial<Versioned>;

/** What the client saw: a version, `null` for "there is none yet", `'any'` when the caller does not check (system work). */
export type ExpectedVersion = number | null | 'any';

export interface VersionedSave<E extends VersionedEntity, R extends Versioned> {
  /** Which kind of record: a conflict carries it, and the web layer presents it (http/conflicts.ts). */
  entity: E;
  slot: (tx: Repositories) => VersionedSlot<R>;
  expected: ExpectedVersion;
  /** The record as it should be after the change (may throw to refuse it); `version` and `updatedAt` are set here. */
  change: (current: R | null, tx: Repositories, at: string) => Changed<R> | Promise<Changed<R>>;
  /** Records the change's events and any dependent writes, in the same transaction. */
  after?: (next: R, current: R | null, record: RecordEvent, tx: Repositories, at: string) => Promise<void>;
  /** For a record that must exist: the error when it does not (checked before the version). */
  missing?: () => Error;
  /** What a conflict carries when it is more than the record itself (a team's members). */
  conflictView?: (latest: R, tx: Repositories) => Promise<VersionedRecords[E]>;
}

/**
 * The one versioned write every service uses (optimistic concurrency): inside one
 * transaction it loads the record, checks the version the client saw, applies the change,
 * writes it on the condition that the version is still the loaded one, and records the events.
 * Any mismatch — before the write or at it — throws `VersionConflict` carrying the record as
 * it is now, so every 409 answers with the current record.
 */
export async function saveVersioned<E extends VersionedEntity, R extends Versioned>(
  deps: ServiceDeps,
  actor: Actor | null,
  spec: VersionedSave<E, R>,
): Promise<R> {
  return commit(deps, actor, async (tx, record, at) => {
    const slot = spec.slot(tx);
    const current = await slot.load();
    const conflict = async (latest: R | null) =>
      new VersionConflict(
        spec.entity,
        latest && spec.conflictView ? await spec.conflictView(latest, tx) : (latest as VersionedRecords[E] | null),
      );
    // A record that must exist and is gone is "not found", whatever version the client sent.
    if (!current && spec.missing) throw spec.missing();
    if (spec.expected !== 'any' && (current?.version ?? null) !== spec.expected) throw await conflict(current);
    const changed = await spec.change(current, tx, at);
    const next = { ...changed, version: (current?.version ?? 0) + 1, updatedAt: at } as R;
    if (!(await slot.write(next, current?.version ?? null))) throw await conflict(await slot.load());
    await spec.after?.(next, current, record, tx, at);
    return next;
  });
}

/** `saveVersioned` for a record that must exist: a missing one is `missing()` (404 by default). */
export function updateVersioned<E extends VersionedEntity, R extends Versioned>(
  deps: ServiceDeps,
  actor: Actor | null,
  spec: Omit<VersionedSave<E, R>, 'change' | 'after' | 'expected'> & {
    expected: number | 'any';
    what?: string;
    change: (current: R, tx: Repositories, at: string) => Changed<R> | Promise<Changed<R>>;
    after?: (next: R, current: R, record: RecordEvent, tx: Repositories, at: string) => Promise<void>;
  },
): Promise<R> {
  return saveVersioned(deps, actor, {
    ...spec,
    missing: () => notFound(spec.what),
    change: (current, tx, at) => {
      if (!current) throw notFound(spec.what);
      return spec.change(current, tx, at);
    },
    after: spec.after ? (next, current, record, tx, at) => spec.after!(next, current!, record, tx, at) : undefined,
  });
}

/** A dependent write inside a transaction (e.g. a member's teams); a lost race is a conflict, never ignored. */
export async function writeVersioned<E extends VersionedEntity, R extends Versioned>(
  entity: E,
  slot: VersionedSlot<R>,
  current: R,
  next: R,
): Promise<R> {
  if (!(await slot.write(next, current.version))) throw new VersionConflict(entity, (await slot.load()) as VersionedRecords[E] | null);
  return next;
}
