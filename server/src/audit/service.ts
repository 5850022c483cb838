/** Searching and verifying the audit log: administrators and leaders only. */
import type { z } from 'zod';
import type { auditQuery } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../platform/errors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { AuditRecord, PageResult } from '../store/port.js';
import { verifyChain, type VerifyResult } from './chain.js';

export const auditPolicy = { read: (a: Actor) => a.role === 'admin' || a.role === 'leader' };

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async search(actor: Actor, query: z.infer<typeof auditQuery>): Promise<{ page: PageResult<AuditRecord>; names: Map<string, string> }> {
    if (!auditPolicy.read(actor)) throw forbidden();
    const { limit, cursor, type, entity, entityId, incidentId, actorId, from, to } = query;
    const filters = Object.fromEntries(
      Object.entries({ type, entity, entityId, incidentId, actorId, from, to }).filter(([, v]) => v !== undefined),
    );
    const page = await this.deps.store.audit.list({ limit, ...(cursor ? { cursor } : {}), ...filters });
    const names = new Map<string, string>();
    for (const id of new Set(page.items.map((e) => e.actorId).filter((id): id is string => id !== null))) {
      const user = await this.deps.store.users.get(id);
      const key = user ? null : await this.deps.store.apiKeys.get(id);
      names.set(id, user?.displayName ?? key?.name ?? '');
    }
    return { page, names };
  }

  async verify(actor: Actor): Promise<VerifyResult> {
    if (!auditPolicy.read(actor)) throw forbidden();
    return verifyChain(this.deps.store.audit);
  }
}
