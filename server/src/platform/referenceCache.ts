/**
 * Reference data that every report reads and that changes rarely — routing rules, teams,
 * on-call rosters, playbooks, agencies, systems, the reporter's user record — kept in memory
 * between requests instead of being read (and parsed) again for each report (issue #11).
 *
 * Invalidation follows SessionCache: every committed event that is not about an incident
 * (every change to these records records one: agency.*, system.*, team.*, user.*,
 * routing_rule.*, oncall_roster.changed, playbook.updated) empties the cache; a generation
 * counter stops a read that began before an invalidation from storing what it read. Inbox
 * notifications (`notification.created`) change none of these records, so they do not empty
 * it. Only for a single process: with several hub nodes (MongoDB) another node's change
 * never reaches this bus, so the hub turns the cache off there.
 *
 * Values are shared between requests: callers treat them as read-only.
 */
import { EVENTS } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import type { EventBus } from './eventBus.js';

const MAX_ENTRIES = 10_000;

/** Whether a committed event may have changed reference data. */
export const changesReferences = (event: EventRecord) => event.incidentId == null && event.type !== EVENTS.notificationCreated;

export class ReferenceCache {
  private readonly entries = new Map<string, unknown>();
  private generation = 0;

  constructor(readonly enabled: boolean) {}

  /** Subscribes to committed events; returns the unsubscribe function. */
  watch(bus: EventBus): () => void {
    return bus.subscribe((event) => {
      if (changesReferences(event)) this.invalidateAll();
    });
  }

  /** The value under `key`, loaded (and kept, unless something changed meanwhile) on a miss. */
  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.enabled) return load();
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  invalidateAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Reads through the deps' reference cache when the hub has one (tests may build deps without). */
export const referenceRead = <T>(deps: { references?: ReferenceCache | undefined }, key: string, load: () => Promise<T>): Promise<T> =>
  deps.references ? deps.references.read(key, load) : load();
