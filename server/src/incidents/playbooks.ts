/**
 * Response playbooks: per incident category, the checklist a new incident starts with.
 * The built-in defaults (shared/playbooks.ts) apply until a coordinator edits one.
 */
import { DEFAULT_PLAYBOOKS, EVENTS, INCIDENT_CATEGORY_CODES, type IncidentCategory, type PlaybookView } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../platform/errors.js';
import { referenceRead } from '../platform/referenceCache.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';

const canRead = (a: Actor) => ['admin', 'coordinator', 'responder', 'leader'].includes(a.role);
const canEdit = (a: Actor) => a.role === 'coordinator' || a.role === 'admin';

export class PlaybookService {
  constructor(private readonly deps: ServiceDeps) {}

  async tasksFor(category: IncidentCategory): Promise<string[]> {
    const stored = await referenceRead(this.deps, `playbook:${category}`, () => this.deps.store.playbooks.get(category));
    return stored?.tasks ?? DEFAULT_PLAYBOOKS[category];
  }

  async list(actor: Actor): Promise<PlaybookView[]> {
    if (!canRead(actor)) throw forbidden();
    const stored = new Map((await this.deps.store.playbooks.list()).map((p) => [p.category, p]));
    return INCIDENT_CATEGORY_CODES.map((category) => {
      const custom = stored.get(category);
      return {
        category,
        tasks: custom?.tasks ?? DEFAULT_PLAYBOOKS[category],
        customised: Boolean(custom),
        updatedAt: custom?.updatedAt ?? null,
      };
    });
  }

  async set(actor: Actor, category: string, tasks: string[]): Promise<PlaybookView> {
    if (!canEdit(actor)) throw forbidden('Only coordinators edit playbooks');
    if (!(INCIDENT_CATEGORY_CODES as readonly string[]).includes(category)) throw notFound('Playbook');
    return commit(this.deps, actor, async (tx, record, at) => {
      await tx.playbooks.upsert({ category, tasks, updatedAt: at, updatedBy: actor.id });
      await record({ type: EVENTS.playbookUpdated, entity: 'playbook', entityId: category, data: { tasks } });
      return { category, tasks, customised: true, updatedAt: at };
    });
  }
}
