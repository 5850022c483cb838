/** Searching and verifying the audit log: administrators and leaders only. */
import type { z } from 'zod';
import type { auditQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { AuditRecord, PageResult } from '../store/port.js';
import { resolveActors, type Actors } from './actors.js';
import { verifyChain, type VerifyResult } from './chain.js';

export const auditPolicy = { read: (a: Actor) => a.role === 'admin' || a.role === 'leader' };

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async search(actor: Actor, query: z.infer<typeof auditQuery>): Promise<{ page: PageResult<AuditRecord>; actors: Actors }> {
    if (!auditPolicy.read(actor)) throw forbidden();
    const { limit, cursor, type, entity, entityId, incidentId, actorId, from, to } = query;
    const filters = Object.fromEntries(
      Object.entries({ type, entity, entityId, incidentId, actorId, from, to }).filter(([, v]) => v !== undefined),
    );
    const page = await this.deps.store.audit.list({ limit, ...(cursor ? { cursor } : {}), ...filters });
    return {
      page,
      actors: await resolveActors(
        this.deps.store,
        page.items.map((e) => e.actorId),
      ),
    };
  }

  async verify(actor: Actor): Promise<VerifyResult> {
    if (!auditPolicy.read(actor)) throw forbidden();
    return verifyChain(this.deps.store.audit);
  }
}
