/**
 * API keys for machine sources (a provincial SOC, a SIEM): issued by an administrator to a
 * named source, bound to the agencies it may file for, stored only as a SHA-256 hash,
 * revocable. The key is shown once, when issued.
 */
import crypto from 'node:crypto';
import { EVENTS, fieldIssue } from '@cert-hub/shared';
import type { z } from 'zod';
import type { createApiKeyInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound, unprocessable } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { ApiKeyRecord } from '../store/port.js';

const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
const canManage = (a: Actor) => a.role === 'admin';

export class ApiKeyService {
  constructor(private readonly deps: ServiceDeps) {}

  async issue(actor: Actor, input: z.infer<typeof createApiKeyInput>): Promise<{ record: ApiKeyRecord; key: string }> {
    if (!canManage(actor)) throw forbidden();
    for (const [i, agencyId] of input.agencyIds.entries()) {
      const agency = await this.deps.store.agencies.get(agencyId);
      if (!agency || agency.mergedIntoId) throw unprocessable('Unknown agency', [fieldIssue(`agencyIds.${i}`, 'no_such_agency')]);
    }
    const key = `chk_${crypto.randomBytes(32).toString('base64url')}`;
    return commit(this.deps, actor, async (tx, record, at) => {
      const apiKey: ApiKeyRecord = {
        id: this.deps.ids(),
        name: input.name,
        keyHash: hashKey(key),
        prefix: key.slice(0, 10),
        agencyIds: [...new Set(input.agencyIds)],
        createdBy: actor.id,
        createdAt: at,
        revokedAt: null,
        lastUsedAt: null,
      };
      await tx.apiKeys.insert(apiKey);
      await record({
        type: EVENTS.apiKeyIssued,
        entity: 'api_key',
        entityId: apiKey.id,
        data: { name: apiKey.name, agencyIds: apiKey.agencyIds },
      });
      return { record: apiKey, key };
    });
  }

  async list(actor: Actor): Promise<ApiKeyRecord[]> {
    if (!canManage(actor)) throw forbidden();
    return this.deps.store.apiKeys.list();
  }

  async revoke(actor: Actor, id: string): Promise<ApiKeyRecord> {
    if (!canManage(actor)) throw forbidden();
    const current = await this.deps.store.apiKeys.get(id);
    if (!current) throw notFound('API key');
    if (current.revokedAt) return current;
    return commit(this.deps, actor, async (tx, record, at) => {
      const next = { ...current, revokedAt: at };
      await tx.apiKeys.update(next);
      await record({ type: EVENTS.apiKeyRevoked, entity: 'api_key', entityId: id, data: { name: current.name } });
      return next;
    });
  }

  /** The machine actor behind a presented key, or null for an unknown or revoked key. */
  async authenticate(key: string): Promise<Actor | null> {
    if (!key.startsWith('chk_') || key.length > 200) return null;
    const record = await this.deps.store.apiKeys.getByHash(hashKey(key));
    if (!record || record.revokedAt) return null;
    await this.deps.store.apiKeys.update({ ...record, lastUsedAt: this.deps.clock.now().toISOString() });
    return {
      kind: 'api_key',
      id: record.id,
      username: `api-key:${record.prefix}`,
      displayName: record.name,
      role: 'machine',
      agencyId: null,
      teamIds: [],
      sessionId: null,
      machineAgencyIds: [...record.agencyIds],
    };
  }
}
