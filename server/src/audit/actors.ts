/**
 * The one place an actor id becomes the `ActorView` every answer carries (events, timeline,
 * comments, audit, agency history): the account's username and display name, its role, and
 * its organisation (agency for focal points, team for the CERT) — so a focal point who renames
 * themselves after a responder still shows as their agency's focal point.
 */
import type { ActorView } from '@cert-hub/shared';
import type { Repositories } from '../store/port.js';

export type Actors = ReadonlyMap<string, ActorView>;

type Directory = Pick<Repositories, 'users' | 'apiKeys' | 'agencies' | 'teams'>;

/** Every id resolved once (users first, then API keys); an id that is neither stays unknown. */
export async function resolveActors(store: Directory, ids: Iterable<string | null>): Promise<Map<string, ActorView>> {
  const actors = new Map<string, ActorView>();
  for (const id of new Set([...ids].filter((x): x is string => x !== null))) {
    const user = await store.users.get(id);
    if (user) {
      let organisation: string | null = null;
      if (user.agencyId) organisation = (await store.agencies.get(user.agencyId))?.name ?? null;
      else if (user.teamIds.length > 0) organisation = (await store.teams.get(user.teamIds[0]!))?.name ?? null;
      actors.set(id, { id, username: user.username, displayName: user.displayName, role: user.role, organisation });
      continue;
    }
    const key = await store.apiKeys.get(id);
    if (key) actors.set(id, { id, username: null, displayName: key.name, role: 'machine', organisation: null });
  }
  return actors;
}

/** The resolved actor, or an account that no longer exists (`fallbackName`: a name stored with the record). */
export function actorView(actors: Actors, id: string, fallbackName = ''): ActorView {
  return actors.get(id) ?? { id, username: null, displayName: fallbackName, role: null, organisation: null };
}
