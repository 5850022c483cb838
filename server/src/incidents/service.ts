/**
 * Incident use cases, one object for the routes and the other features: reading
 * (reader.ts), intake (intake.ts: exactly once, R1/R2/R7 on arrival), the lifecycle
 * (lifecycle.ts: moves, classification, checklist, closure confirmation) and the
 * conversation (conversation.ts: timeline and comments). Services return records; the
 * routes present them.
 */
import type { z } from 'zod';
import type {
  commentInput,
  confirmClosureInput,
  CreateIncidentInput,
  listIncidentsQuery,
  TransitionInput,
  UpdateIncidentInput,
} from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import type { Actors } from '../audit/actors.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import type { RoutingService } from '../routing/service.js';
import type { CommentRecord, EventRecord, IncidentRecord, PageResult } from '../store/port.js';
import { IncidentConversation } from './conversation.js';
import { IncidentIntake, type CreateResult, type DrillOrigin } from './intake.js';
import { IncidentLifecycle } from './lifecycle.js';
import type { PlaybookService } from './playbooks.js';
import { IncidentReader } from './reader.js';

export type { CreateResult, DrillOrigin } from './intake.js';

export class IncidentService {
  private readonly reader: IncidentReader;
  private readonly intake: IncidentIntake;
  private readonly lifecycle: IncidentLifecycle;
  private readonly conversation: IncidentConversation;

  constructor(deps: ServiceDeps, playbooks: PlaybookService, routing: RoutingService) {
    this.reader = new IncidentReader(deps);
    this.intake = new IncidentIntake(deps, playbooks, routing);
    this.lifecycle = new IncidentLifecycle(deps, this.reader);
    this.conversation = new IncidentConversation(deps, this.reader);
  }

  // ---- intake ----

  /** `drill` is set only by the drill scheduler: the same intake path, marked as a drill incident. */
  create(actor: Actor, input: CreateIncidentInput, idempotencyKey: string | null, drill: DrillOrigin | null = null): Promise<CreateResult> {
    return this.intake.create(actor, input, idempotencyKey, drill);
  }

  // ---- reading ----

  get(actor: Actor, id: string): Promise<IncidentRecord> {
    return this.reader.get(actor, id);
  }

  list(actor: Actor, query: z.infer<typeof listIncidentsQuery>): Promise<PageResult<IncidentRecord>> {
    return this.reader.list(actor, query);
  }

  logPosition(): Promise<number> {
    return this.reader.logPosition();
  }

  // ---- lifecycle ----

  transition(actor: Actor, id: string, input: TransitionInput): Promise<IncidentRecord> {
    return this.lifecycle.transition(actor, id, input);
  }

  update(actor: Actor, id: string, input: UpdateIncidentInput): Promise<IncidentRecord> {
    return this.lifecycle.update(actor, id, input);
  }

  setTask(
    actor: Actor,
    id: string,
    change: { taskId: string; done: boolean } | { title: string },
    version: number,
  ): Promise<IncidentRecord> {
    return this.lifecycle.setTask(actor, id, change, version);
  }

  confirmClosure(actor: Actor, id: string, input: z.infer<typeof confirmClosureInput>): Promise<IncidentRecord> {
    return this.lifecycle.confirmClosure(actor, id, input);
  }

  // ---- conversation ----

  timeline(actor: Actor, id: string): Promise<{ events: EventRecord[]; authors: Actors }> {
    return this.conversation.timeline(actor, id);
  }

  comments(actor: Actor, id: string): Promise<{ comments: CommentRecord[]; authors: Actors }> {
    return this.conversation.comments(actor, id);
  }

  addComment(actor: Actor, id: string, input: z.infer<typeof commentInput>): Promise<CommentRecord> {
    return this.conversation.addComment(actor, id, input);
  }

  authors(ids: string[]): Promise<Actors> {
    return this.conversation.authors(ids);
  }
}
