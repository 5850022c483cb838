/**
 * Drill records as every drill use case reads and writes them: read access, and the one
 * versioned write (with the next inject due time kept in step) that records a `drill.*` event.
 */
import type { EVENTS } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../platform/errors.js';
import { byId, updateVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { DrillInject, DrillRecord, PageResult } from '../store/port.js';
import { drillPolicy as can } from './policy.js';

/** The earliest due time among injects not yet fired, while the drill runs. */
export function nextDueOf(injects: readonly DrillInject[], status: DrillRecord['status']): string | null {
  if (status !== 'running') return null;
  const due = injects.filter((i) => !i.firedAt && i.dueAt).map((i) => i.dueAt!);
  return due.length ? due.sort()[0]! : null;
}

export class DrillRecords {
  constructor(private readonly deps: ServiceDeps) {}

  async list(
    actor: Actor,
    query: { limit: number; cursor?: string | undefined; year?: number | undefined },
  ): Promise<PageResult<DrillRecord>> {
    if (!can.read(actor)) throw forbidden();
    return this.deps.store.drills.list(query);
  }

  async get(actor: Actor, id: string): Promise<DrillRecord> {
    if (!can.read(actor)) throw notFound('Drill');
    const drill = await this.deps.store.drills.get(id);
    if (!drill) throw notFound('Drill');
    return drill;
  }

  /**
   * Writes a change to a drill with its event; 409 with the current drill when `version` is
   * stale. `changes` were computed from the drill at `version`, which the check guarantees.
   */
  save(
    actor: Actor,
    id: string,
    version: number,
    changes: Partial<DrillRecord>,
    type: (typeof EVENTS)[keyof typeof EVENTS],
    data: Record<string, unknown>,
    incidentId: string | null = null,
  ): Promise<DrillRecord> {
    return updateVersioned(this.deps, actor, {
      entity: 'drill',
      what: 'Drill',
      slot: (tx) => byId(tx.drills, id),
      expected: version,
      change: (current) => {
        const merged = { ...current, ...changes };
        return { ...merged, nextDueAt: nextDueOf(merged.injects, merged.status) };
      },
      after: async (next, _current, record) => {
        await record({ type, entity: 'drill', entityId: id, ...(incidentId ? { incidentId } : {}), version: next.version, data });
      },
    });
  }
}
