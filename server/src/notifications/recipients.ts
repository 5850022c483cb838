/**
 * Who is told about which committed domain event (issue 8). Pure decisions over the store:
 * the notification service turns each plan into inbox entries, e-mails and pushes.
 */
import { EVENTS, type NotificationKind } from '@cert-hub/shared';
import { actorOf } from '../auth/actor.js';
import { incidentPolicy } from '../incidents/policy.js';
import type { EventRecord, IncidentRecord, Repositories, UserRecord } from '../store/port.js';

export interface NotificationPlan {
  kind: NotificationKind;
  userIds: string[];
  incident: IncidentRecord;
  /** A short line under the title (a comment's first words, a reason). */
  detail: string;
}

const MENTION = /(^|[^A-Za-z0-9._-])@([A-Za-z0-9._-]{2,64})/g;

/** `@username` mentions in a comment body, each once, in order. */
export function mentionedUsernames(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!.replace(/[._-]+$/, '')))];
}

async function usersWithRoles(repos: Repositories, roles: UserRecord['role'][]): Promise<UserRecord[]> {
  const found: UserRecord[] = [];
  for (const role of roles) {
    let cursor: string | undefined;
    do {
      const page = await repos.users.list({ role, limit: 200, ...(cursor ? { cursor } : {}) });
      found.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return found.filter((u) => !u.disabled);
}

const focalPointsOf = async (repos: Repositories, agencyId: string) =>
  (await repos.users.listByAgency(agencyId)).filter((u) => u.role === 'focal_point' && !u.disabled);

const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * Whether `event` may notify anyone, from the event alone. Most of an incident's events
 * (routed, updated, a status change short of closing...) never do: they are answered without
 * reading the incident (issue #11: that read was ~3% of the hub's CPU per report).
 */
function mayNotify(event: EventRecord): boolean {
  switch (event.type) {
    case EVENTS.incidentCreated:
    case EVENTS.incidentCommentAdded:
    case EVENTS.incidentEscalated:
      return true;
    case EVENTS.incidentStatusChanged:
      return (event.data as { to?: string }).to === 'closed';
    case EVENTS.incidentSeriousChanged:
      return (event.data as { serious?: boolean }).serious === true;
    default:
      return false;
  }
}

export async function plansFor(repos: Repositories, event: EventRecord): Promise<NotificationPlan[]> {
  if (event.entity !== 'incident' || !event.incidentId || !mayNotify(event)) return [];
  const incident = await repos.incidents.get(event.incidentId);
  if (!incident) return [];
  const notActor = (ids: string[]) => [...new Set(ids)].filter((id) => id !== event.actorId);
  const plans: NotificationPlan[] = [];
  switch (event.type) {
    case EVENTS.incidentCreated: {
      const teamId = incident.routing.teamId;
      if (teamId) {
        const members = (await repos.users.listByTeam(teamId)).filter((u) => !u.disabled);
        plans.push({ kind: 'incident_created', userIds: notActor(members.map((u) => u.id)), incident, detail: incident.description });
      }
      break;
    }
    case EVENTS.incidentCommentAdded: {
      const data = event.data as { commentId?: string; visibility?: string; fromAgency?: boolean };
      const comment = (await repos.comments.listByIncident(incident.id)).find((c) => c.id === data.commentId);
      if (!comment) break;
      if (data.visibility === 'agency' && !data.fromAgency) {
        const focal = await focalPointsOf(repos, incident.agencyId);
        plans.push({ kind: 'agency_question', userIds: notActor(focal.map((u) => u.id)), incident, detail: comment.body });
      }
      const mentioned: string[] = [];
      for (const username of mentionedUsernames(comment.body)) {
        const user = await repos.users.getByUsername(username);
        if (!user || user.disabled) continue;
        const reader = actorOf(user, null);
        // Only people who may read the incident, and the comment (internal notes stay with staff).
        if (!incidentPolicy.read(reader, incident)) continue;
        if (comment.visibility === 'internal' && !incidentPolicy.seesInternal(reader)) continue;
        mentioned.push(user.id);
      }
      if (mentioned.length) plans.push({ kind: 'mention', userIds: notActor(mentioned), incident, detail: comment.body });
      break;
    }
    case EVENTS.incidentStatusChanged: {
      if ((event.data as { to?: string }).to !== 'closed') break;
      const focal = await focalPointsOf(repos, incident.agencyId);
      plans.push({
        kind: 'incident_closed',
        userIds: notActor(focal.map((u) => u.id)),
        incident,
        detail: incident.closingReport?.rootCause ?? '',
      });
      break;
    }
    case EVENTS.incidentSeriousChanged: {
      const data = event.data as { serious?: boolean; reason?: string };
      if (data.serious !== true) break;
      const people = await usersWithRoles(repos, ['coordinator', 'leader']);
      // Everyone, the actor included: a serious incident is never "already known".
      plans.push({ kind: 'serious', userIds: people.map((u) => u.id), incident, detail: data.reason ?? '' });
      break;
    }
    case EVENTS.incidentEscalated: {
      const data = event.data as { userIds?: string[]; milestone?: string; step?: number };
      plans.push({
        kind: 'sla_escalation',
        userIds: [...new Set(data.userIds ?? [])],
        incident,
        detail: `${data.milestone ?? ''} #${(data.step ?? 0) + 1}`,
      });
      break;
    }
  }
  return plans.filter((p) => p.userIds.length > 0).map((p) => ({ ...p, detail: excerpt(p.detail) }));
}
