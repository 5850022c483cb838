/** The registry policy as a matrix: role × action × own/other agency. */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { registryPolicy } from './policy.js';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const actor = (role: Role): Actor => ({
  kind: 'user',
  id: `u-${role}`,
  username: role,
  displayName: role,
  role,
  agencyId: role === 'focal_point' ? OWN : null,
  teamIds: [],
  sessionId: 's',
});

type Row = [action: string, check: (a: Actor) => boolean, allowed: Role[]];
const ALL = [...ROLES];
const STAFF: Role[] = ['admin', 'coordinator', 'responder', 'leader'];

const matrix: Row[] = [
  ['read own agency', (a) => registryPolicy.readAgency(a, OWN), ALL],
  ['read other agency', (a) => registryPolicy.readAgency(a, OTHER), STAFF],
  ['create agency', (a) => registryPolicy.createAgency(a), ['admin']],
  ['update agency', (a) => registryPolicy.updateAgency(a), ['admin']],
  ['merge agency', (a) => registryPolicy.mergeAgency(a), ['admin']],
  ['set own focal points', (a) => registryPolicy.setFocalPoints(a, OWN), ['admin', 'coordinator', 'focal_point']],
  ['set other focal points', (a) => registryPolicy.setFocalPoints(a, OTHER), ['admin', 'coordinator']],
  ['read own agency history', (a) => registryPolicy.readAgencyHistory(a, OWN), ['admin', 'coordinator', 'focal_point']],
  ['read other agency history', (a) => registryPolicy.readAgencyHistory(a, OTHER), ['admin', 'coordinator']],
  ['read own system', (a) => registryPolicy.readSystem(a, OWN), ALL],
  ['read other system', (a) => registryPolicy.readSystem(a, OTHER), STAFF],
  ['write own system', (a) => registryPolicy.writeSystem(a, OWN), ['admin', 'focal_point']],
  ['write other system', (a) => registryPolicy.writeSystem(a, OTHER), ['admin']],
  ['read sectors', (a) => registryPolicy.readSectors(a), ALL],
  ['create sector', (a) => registryPolicy.createSector(a), ['admin']],
  ['read teams', (a) => registryPolicy.readTeams(a), ALL],
  ['read team members', (a) => registryPolicy.readTeamMembers(a), STAFF],
  ['write team', (a) => registryPolicy.writeTeam(a), ['admin']],
  ['set team members', (a) => registryPolicy.setTeamMembers(a), ['admin', 'coordinator']],
  ['list users', (a) => registryPolicy.listUsers(a), STAFF],
  ['read self', (a) => registryPolicy.readUser(a, a.id), ALL],
  ['read another user', (a) => registryPolicy.readUser(a, 'someone-else'), STAFF],
  ['write user', (a) => registryPolicy.writeUser(a), ['admin']],
];

describe('registry policy matrix', () => {
  for (const [action, check, allowed] of matrix) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(check(actor(role))).toBe(expected);
      });
    }
  }

  it('covers every action of the policy', () => {
    const named = new Set(Object.keys(registryPolicy));
    const tested = new Set(matrix.map(([, check]) => check.toString().match(/registryPolicy\.(\w+)/)?.[1]));
    expect([...named].filter((n) => !tested.has(n))).toEqual([]);
  });
});
