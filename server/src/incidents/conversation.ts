/**
 * The conversation around an incident: its timeline (the events this caller may see) and the
 * comments between the CERT and the agency, with who wrote each as the server knows them.
 */
import { EVENTS, isAgencyVisibleEvent, type IncidentEventData } from '@cert-hub/shared';
import type { z } from 'zod';
import type { commentInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { resolveActors, type Actors } from '../audit/actors.js';
import { forbidden } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { CommentRecord, EventRecord } from '../store/port.js';
import { incidentPolicy as can } from './policy.js';
import type { IncidentReader } from './reader.js';

export class IncidentConversation {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly reader: IncidentReader,
  ) {}

  /** The incident's events that this actor may see (the agency sees no internal notes). */
  async timeline(actor: Actor, id: string): Promise<{ events: EventRecord[]; authors: Actors }> {
    const incident = await this.reader.get(actor, id);
    const all = await this.deps.store.events.listForEntity('incident', incident.id, 2000);
    const events = can.seesInternal(actor) ? all : all.filter((e) => isAgencyVisibleEvent(e.type, e.data));
    return { events, authors: await this.authors(events.map((e) => e.actorId)) };
  }

  async comments(actor: Actor, id: string): Promise<{ comments: CommentRecord[]; authors: Actors }> {
    const incident = await this.reader.get(actor, id);
    const all = await this.deps.store.comments.listByIncident(incident.id);
    const comments = can.seesInternal(actor) ? all : all.filter((c) => c.visibility === 'agency');
    return { comments, authors: await this.authors(comments.map((c) => c.authorId)) };
  }

  /** The server's view of who wrote these (role and organisation beside every name). */
  authors(ids: (string | null)[]): Promise<Actors> {
    return resolveActors(this.deps.store, ids);
  }

  async addComment(actor: Actor, id: string, input: z.infer<typeof commentInput>): Promise<CommentRecord> {
    const incident = await this.reader.get(actor, id);
    // An agency's message is always visible to both sides.
    const visibility = actor.role === 'focal_point' ? 'agency' : input.visibility;
    if (!can.comment(actor, incident, visibility)) throw forbidden();
    return commit(this.deps, actor, async (tx, record, at) => {
      const comment: CommentRecord = {
        id: this.deps.ids(),
        incidentId: incident.id,
        position: await tx.counters.next(`comments:${incident.id}`),
        authorId: actor.id,
        authorName: actor.displayName,
        visibility,
        body: input.body,
        createdAt: at,
      };
      await tx.comments.insert(comment);
      await record({
        type: EVENTS.incidentCommentAdded,
        entity: 'incident',
        entityId: incident.id,
        incidentId: incident.id,
        version: incident.version,
        data: {
          commentId: comment.id,
          visibility,
          fromAgency: actor.role === 'focal_point',
        } satisfies IncidentEventData<'incident.comment_added'>,
      });
      return comment;
    });
  }
}
