/**
 * Who wrote something, as the server knows them: display name plus role and organisation
 * from the account (agency for focal points, team for the CERT), so a focal point who renames
 * themselves after a responder still shows as their agency's focal point.
 */
import type { AuthorView } from '@cert-hub/shared';
import type { Repositories } from '../store/port.js';

export type Author = Omit<AuthorView, 'id'>;

export async function authorsOf(
  store: Pick<Repositories, 'users' | 'apiKeys' | 'agencies' | 'teams'>,
  ids: Iterable<string | null>,
): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>();
  for (const id of new Set([...ids].filter((x): x is string => x !== null))) {
    const user = await store.users.get(id);
    if (user) {
      let organisation: string | null = null;
      if (user.agencyId) organisation = (await store.agencies.get(user.agencyId))?.name ?? null;
      else if (user.teamIds.length > 0) organisation = (await store.teams.get(user.teamIds[0]!))?.name ?? null;
      authors.set(id, { name: user.displayName, role: user.role, organisation });
      continue;
    }
    const key = await store.apiKeys.get(id);
    authors.set(id, key ? { name: key.name, role: 'machine', organisation: null } : { name: '', role: null, organisation: null });
  }
  return authors;
}
