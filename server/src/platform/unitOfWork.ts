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

export interface ServiceDeps {
  store: Store;
  clock: Clock;
  bus: EventBus;
  ids: IdFactory;
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
