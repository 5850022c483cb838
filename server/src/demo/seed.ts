/**
 * Loads the demo province through the same services the API uses, so every record has
 * its events. Idempotent: what already exists (by name or username) is left alone.
 */
import { systemActor } from '../auth/actor.js';
import type { Services } from '../app.js';
import { seedDemoRouting } from './routing.js';
import { AGENCIES, DEMO_PASSWORD, PROVINCE, SYSTEMS, TEAMS, USERS } from './province.js';

export interface SeedSummary {
  agencies: number;
  systems: number;
  teams: number;
  users: number;
}

async function findAllAgencies(services: Services) {
  const byName = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await services.agencies.list(systemActor, { limit: 200, cursor, includeMerged: true });
    for (const a of page.items) byName.set(a.name, a.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byName;
}

export async function seedDemo(services: Services): Promise<SeedSummary> {
  const created: SeedSummary = { agencies: 0, systems: 0, teams: 0, users: 0 };
  const actor = systemActor;

  const agencyIds = new Map<string, string>();
  const existingAgencies = await findAllAgencies(services);
  for (const a of AGENCIES) {
    let id = existingAgencies.get(a.name);
    if (!id) {
      const agency = await services.agencies.create(actor, {
        name: a.name,
        shortName: a.shortName ?? null,
        type: a.type,
        province: PROVINCE,
        address: `${a.name}, ${PROVINCE}`,
        phone: a.focal.phone,
        email: `vanthu@${a.domain}`,
        website: `https://${a.domain}`,
      });
      await services.agencies.setFocalPoints(actor, agency.id, {
        version: agency.version,
        focalPoints: [
          {
            name: a.focal.name,
            position: a.focal.position,
            phone: a.focal.phone,
            email: `cntt@${a.domain}`,
            available247: true,
            primary: true,
          },
        ],
      });
      id = agency.id;
      created.agencies++;
    }
    agencyIds.set(a.key, id);
  }

  for (const s of SYSTEMS) {
    const agencyId = agencyIds.get(s.agency)!;
    const existing = await services.systems.list(actor, { agencyId, q: s.name, limit: 50 });
    if (existing.items.some((x) => x.name === s.name)) continue;
    const domain = AGENCIES.find((a) => a.key === s.agency)!.domain;
    await services.systems.create(actor, {
      agencyId,
      name: s.name,
      level: s.level,
      nationalCritical: s.nationalCritical ?? false,
      sectorCode: s.sector,
      description: null,
      domains: [domain],
      ipRanges: [s.ipRange],
    });
    created.systems++;
  }

  const teamIds = new Map<string, string>();
  for (const t of TEAMS) {
    const existing = await services.teams.list(actor, { q: t.name, limit: 50 });
    let id = existing.items.find((x) => x.team.name === t.name)?.team.id;
    if (!id) {
      id = (
        await services.teams.create(actor, {
          name: t.name,
          kind: t.kind,
          isStanding: t.isStanding ?? false,
          organization: t.organization,
          sectorCode: t.sectorCode ?? null,
          phone: t.phone,
          email: t.email,
        })
      ).team.id;
      created.teams++;
    }
    teamIds.set(t.key, id);
  }

  const userIds = new Map<string, string>();
  for (const u of USERS) {
    const existing = await services.users.list(actor, { q: u.username, limit: 50 });
    const found = existing.items.find((x) => x.username === u.username);
    if (found) {
      userIds.set(u.username, found.id);
      continue;
    }
    const user = await services.users.create(actor, {
      username: u.username,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      role: u.role,
      agencyId: u.agency ? agencyIds.get(u.agency)! : null,
      teamIds: (u.teams ?? []).map((k) => teamIds.get(k)!),
    });
    userIds.set(u.username, user.id);
    created.users++;
  }
  await seedDemoRouting(services, teamIds, userIds);
  return created;
}
