import { describe, expect, it } from 'vitest';
import type { TeamRecord } from '../store/port.js';
import { routeIncident } from './routing.js';

const team = (id: string, kind: TeamRecord['kind'], isStanding = false): TeamRecord => ({
  id,
  name: id,
  kind,
  isStanding,
  organization: null,
  sectorCode: null,
  description: null,
  phone: null,
  email: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
});
const teams = [team('cert', 'provincial_cert', true), team('police', 'police'), team('army', 'military')];

describe('routeIncident', () => {
  it('gives every report to the standing team', () => {
    expect(routeIncident(teams, { impacts: ['service_interruption'] })).toEqual({
      ownerTeamId: 'cert',
      teamIds: ['cert'],
      reasons: ['standing_team'],
    });
  });
  it('also sends state-secret incidents to the police (R7)', () => {
    expect(routeIncident(teams, { impacts: ['state_secret_disclosure'] })).toEqual({
      ownerTeamId: 'cert',
      teamIds: ['cert', 'police'],
      reasons: ['standing_team', 'r7_state_secrets_to_police'],
    });
  });
  it('follows the data: another standing team, or none', () => {
    expect(routeIncident([team('dost', 'provincial_cert'), team('pa05', 'police', true)], { impacts: [] }).ownerTeamId).toBe('pa05');
    expect(routeIncident([], { impacts: [] })).toEqual({ ownerTeamId: null, teamIds: [], reasons: [] });
  });
});
