/**
 * Remembers, per access-token session, the session and user records `authenticate` loaded,
 * so a busy client does not cost two store reads per request.
 *
 * Invalidation keeps revocation immediate: every committed change that is not about an
 * incident (users, teams, agencies: role, team, agency, disable, password change all record
 * such an event) empties the cache — except inbox notifications, which change no account — and sign-out / refresh-token reuse empty it directly. A
 * generation counter stops a lookup that started before an invalidation from storing what
 * it read. Only for a single process: with several hub nodes (MongoDB) another node's change
 * never reaches this bus, so the hub turns the cache off there.
 */
import type { EventBus } from '../platform/eventBus.js';
import { changesReferences } from '../platform/referenceCache.js';
import type { SessionRecord, UserRecord } from '../store/port.js';

export interface CachedIdentity {
  session: SessionRecord;
  user: UserRecord;
}

const MAX_ENTRIES = 20_000;

export class SessionCache {
  private readonly entries = new Map<string, CachedIdentity>();
  private generationCounter = 0;

  constructor(readonly enabled: boolean) {}

  /** Subscribes to committed events; returns the unsubscribe function. */
  watch(bus: EventBus): () => void {
    return bus.subscribe((event) => {
      if (changesReferences(event)) this.invalidateAll();
    });
  }

  get generation(): number {
    return this.generationCounter;
  }

  get(sessionId: string): CachedIdentity | undefined {
    return this.enabled ? this.entries.get(sessionId) : undefined;
  }

  /** Stores what was read, unless something changed since `generation` was taken. */
  set(sessionId: string, identity: CachedIdentity, generation: number): void {
    if (!this.enabled || generation !== this.generationCounter) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, identity);
  }

  invalidateAll(): void {
    this.generationCounter += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
