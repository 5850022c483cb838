/**
 * Registry HTTP routes. Every route is: authenticate → rate-limit → validate → service →
 * present. No logic here.
 */
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  createAgencyInput,
  createSectorInput,
  createSystemInput,
  createTeamInput,
  createUserInput,
  idSchema,
  listAgenciesQuery,
  listSystemsQuery,
  listTeamsQuery,
  listUsersQuery,
  mergeAgencyInput,
  resetPasswordInput,
  setFocalPointsInput,
  setTeamMembersInput,
  updateAgencyInput,
  updateSystemInput,
  updateTeamInput,
  updateUserInput,
  reviewClassificationInput,
} from '@cert-hub/shared';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import { presentEvent } from '../audit/presenter.js';
import type { AgencyService } from './agencies.service.js';
import { presentAgency, presentSector, presentSystem, presentTeam, presentUser } from './presenter.js';
import type { SectorService } from './sectors.service.js';
import type { SystemService } from './systems.service.js';
import type { TeamService, TeamWithMembers } from './teams.service.js';
import type { UserService } from './users.service.js';

export interface RegistryRouteDeps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  agencies: AgencyService;
  sectors: SectorService;
  systems: SystemService;
  teams: TeamService;
  users: UserService;
}

const byId = z.strictObject({ id: idSchema });
const team = ({ team, memberIds }: TeamWithMembers) => presentTeam(team, memberIds);

export function registryRoutes(d: RegistryRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  // ---- agencies ----
  const listAgencies = { query: listAgenciesQuery };
  r.get('/agencies', ...guard, validate(listAgencies), async (req, res) => {
    const { includeMerged, ...query } = valid(req, listAgencies).query;
    const page = await d.agencies.list(actorOf(req), { ...query, includeMerged: includeMerged === 'true' });
    res.json({ items: page.items.map(presentAgency), nextCursor: page.nextCursor });
  });
  const createAgency = { body: createAgencyInput };
  r.post('/agencies', ...guard, validate(createAgency), async (req, res) => {
    res.status(201).json(presentAgency(await d.agencies.create(actorOf(req), valid(req, createAgency).body)));
  });
  r.get('/agencies/:id', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentAgency(await d.agencies.get(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  r.get('/agencies/:id/history', ...guard, validate({ params: byId }), async (req, res) => {
    const { events, actors } = await d.agencies.history(actorOf(req), valid(req, { params: byId }).params.id);
    res.json({ items: events.map((e) => presentEvent(e, actors)), nextCursor: null });
  });
  const updateAgency = { params: byId, body: updateAgencyInput };
  r.patch('/agencies/:id', ...guard, validate(updateAgency), async (req, res) => {
    const v = valid(req, updateAgency);
    res.json(presentAgency(await d.agencies.update(actorOf(req), v.params.id, v.body)));
  });
  const focalPoints = { params: byId, body: setFocalPointsInput };
  r.put('/agencies/:id/focal-points', ...guard, validate(focalPoints), async (req, res) => {
    const v = valid(req, focalPoints);
    res.json(presentAgency(await d.agencies.setFocalPoints(actorOf(req), v.params.id, v.body)));
  });
  const merge = { params: byId, body: mergeAgencyInput };
  r.post('/agencies/:id/merge', ...guard, validate(merge), async (req, res) => {
    const v = valid(req, merge);
    res.json(presentAgency(await d.agencies.merge(actorOf(req), v.params.id, v.body)));
  });

  // ---- sectors ----
  r.get('/sectors', ...guard, async (req, res) => {
    res.json({ items: (await d.sectors.list(actorOf(req))).map(presentSector), nextCursor: null });
  });
  const createSector = { body: createSectorInput };
  r.post('/sectors', ...guard, validate(createSector), async (req, res) => {
    res.status(201).json(presentSector(await d.sectors.create(actorOf(req), valid(req, createSector).body)));
  });

  // ---- information systems ----
  const listSystems = { query: listSystemsQuery };
  r.get('/systems', ...guard, validate(listSystems), async (req, res) => {
    const page = await d.systems.list(actorOf(req), valid(req, listSystems).query);
    res.json({ items: page.items.map(presentSystem), nextCursor: page.nextCursor });
  });
  const createSystem = { body: createSystemInput };
  r.post('/systems', ...guard, validate(createSystem), async (req, res) => {
    res.status(201).json(presentSystem(await d.systems.create(actorOf(req), valid(req, createSystem).body)));
  });
  r.get('/systems/:id', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentSystem(await d.systems.get(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  const updateSystem = { params: byId, body: updateSystemInput };
  r.patch('/systems/:id', ...guard, validate(updateSystem), async (req, res) => {
    const v = valid(req, updateSystem);
    res.json(presentSystem(await d.systems.update(actorOf(req), v.params.id, v.body)));
  });
  const reviewClassification = { params: byId, body: reviewClassificationInput };
  r.post('/systems/:id/classification-review', ...guard, validate(reviewClassification), async (req, res) => {
    const v = valid(req, reviewClassification);
    res.json(presentSystem(await d.systems.reviewClassification(actorOf(req), v.params.id, v.body)));
  });

  // ---- teams ----
  const listTeams = { query: listTeamsQuery };
  r.get('/teams', ...guard, validate(listTeams), async (req, res) => {
    const page = await d.teams.list(actorOf(req), valid(req, listTeams).query);
    res.json({ items: page.items.map(team), nextCursor: page.nextCursor });
  });
  const createTeam = { body: createTeamInput };
  r.post('/teams', ...guard, validate(createTeam), async (req, res) => {
    res.status(201).json(team(await d.teams.create(actorOf(req), valid(req, createTeam).body)));
  });
  r.get('/teams/:id', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(team(await d.teams.get(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  const updateTeam = { params: byId, body: updateTeamInput };
  r.patch('/teams/:id', ...guard, validate(updateTeam), async (req, res) => {
    const v = valid(req, updateTeam);
    res.json(team(await d.teams.update(actorOf(req), v.params.id, v.body)));
  });
  const members = { params: byId, body: setTeamMembersInput };
  r.put('/teams/:id/members', ...guard, validate(members), async (req, res) => {
    const v = valid(req, members);
    res.json(team(await d.teams.setMembers(actorOf(req), v.params.id, v.body)));
  });

  // ---- users ----
  const listUsers = { query: listUsersQuery };
  r.get('/users', ...guard, validate(listUsers), async (req, res) => {
    const page = await d.users.list(actorOf(req), valid(req, listUsers).query);
    res.json({ items: page.items.map(presentUser), nextCursor: page.nextCursor });
  });
  const createUser = { body: createUserInput };
  r.post('/users', ...guard, validate(createUser), async (req, res) => {
    res.status(201).json(presentUser(await d.users.create(actorOf(req), valid(req, createUser).body)));
  });
  r.get('/users/:id', ...guard, validate({ params: byId }), async (req, res) => {
    res.json(presentUser(await d.users.get(actorOf(req), valid(req, { params: byId }).params.id)));
  });
  const updateUser = { params: byId, body: updateUserInput };
  r.patch('/users/:id', ...guard, validate(updateUser), async (req, res) => {
    const v = valid(req, updateUser);
    res.json(presentUser(await d.users.update(actorOf(req), v.params.id, v.body)));
  });
  const resetPassword = { params: byId, body: resetPasswordInput };
  r.post('/users/:id/password', ...guard, validate(resetPassword), async (req, res) => {
    const v = valid(req, resetPassword);
    await d.users.resetPassword(actorOf(req), v.params.id, v.body.password);
    res.status(204).end();
  });

  return r;
}
