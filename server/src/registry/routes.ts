/** The registry: agencies (with focal points, R6), sectors, information systems, teams, users. */
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
import { presentEvent } from '../audit/presenter.js';
import { route, type Route } from '../http/route.js';
import { presentAgency, presentSector, presentSystem, presentTeam, presentUser } from './presenter.js';
import type { TeamWithMembers } from './teams.service.js';

const byId = z.strictObject({ id: idSchema });
const team = ({ team, memberIds }: TeamWithMembers) => presentTeam(team, memberIds);

const agencyRoutes: Route[] = [
  route({
    method: 'get',
    path: '/agencies',
    tag: 'registry',
    summary: 'List agencies',
    auth: 'signed-in',
    query: listAgenciesQuery,
    handler: async ({ services, actor, query: { includeMerged, ...query } }) => {
      const page = await services.agencies.list(actor, { ...query, includeMerged: includeMerged === 'true' });
      return { items: page.items.map(presentAgency), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/agencies',
    tag: 'registry',
    summary: 'Create an agency',
    auth: 'signed-in',
    body: createAgencyInput,
    status: 201,
    present: presentAgency,
    handler: ({ services, actor, body }) => services.agencies.create(actor, body),
  }),
  route({
    method: 'get',
    path: '/agencies/:id',
    tag: 'registry',
    summary: 'One agency',
    auth: 'signed-in',
    params: byId,
    present: presentAgency,
    handler: ({ services, actor, params }) => services.agencies.get(actor, params.id),
  }),
  route({
    method: 'get',
    path: '/agencies/:id/history',
    tag: 'registry',
    summary: 'Recorded changes of an agency',
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => {
      const { events, actors } = await services.agencies.history(actor, params.id);
      return { items: events.map((e) => presentEvent(e, actors)), nextCursor: null };
    },
  }),
  route({
    method: 'patch',
    path: '/agencies/:id',
    tag: 'registry',
    summary: 'Update (rename keeps history)',
    auth: 'signed-in',
    params: byId,
    body: updateAgencyInput,
    present: presentAgency,
    handler: ({ services, actor, params, body }) => services.agencies.update(actor, params.id, body),
  }),
  route({
    method: 'put',
    path: '/agencies/:id/focal-points',
    tag: 'registry',
    summary: 'Set focal points with 24/7 contacts (R6)',
    auth: 'signed-in',
    params: byId,
    body: setFocalPointsInput,
    present: presentAgency,
    handler: ({ services, actor, params, body }) => services.agencies.setFocalPoints(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/agencies/:id/merge',
    tag: 'registry',
    summary: 'Merge into another agency',
    auth: 'signed-in',
    params: byId,
    body: mergeAgencyInput,
    present: presentAgency,
    handler: ({ services, actor, params, body }) => services.agencies.merge(actor, params.id, body),
  }),
];

const sectorRoutes: Route[] = [
  route({
    method: 'get',
    path: '/sectors',
    tag: 'registry',
    summary: 'Sectors',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: (await services.sectors.list(actor)).map(presentSector), nextCursor: null }),
  }),
  route({
    method: 'post',
    path: '/sectors',
    tag: 'registry',
    summary: 'Add a sector',
    auth: 'signed-in',
    body: createSectorInput,
    status: 201,
    present: presentSector,
    handler: ({ services, actor, body }) => services.sectors.create(actor, body),
  }),
];

const systemRoutes: Route[] = [
  route({
    method: 'get',
    path: '/systems',
    tag: 'registry',
    summary: 'List information systems',
    auth: 'signed-in',
    query: listSystemsQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.systems.list(actor, query);
      return { items: page.items.map(presentSystem), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/systems',
    tag: 'registry',
    summary: 'Register an information system',
    auth: 'signed-in',
    body: createSystemInput,
    status: 201,
    present: presentSystem,
    handler: ({ services, actor, body }) => services.systems.create(actor, body),
  }),
  route({
    method: 'get',
    path: '/systems/:id',
    tag: 'registry',
    summary: 'One information system',
    auth: 'signed-in',
    params: byId,
    present: presentSystem,
    handler: ({ services, actor, params }) => services.systems.get(actor, params.id),
  }),
  route({
    method: 'patch',
    path: '/systems/:id',
    tag: 'registry',
    summary: 'Update an information system',
    auth: 'signed-in',
    params: byId,
    body: updateSystemInput,
    present: presentSystem,
    handler: ({ services, actor, params, body }) => services.systems.update(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/systems/:id/classification-review',
    tag: 'registry',
    summary: 'Approve or decline a focal point’s change of level or national-critical flag',
    auth: 'signed-in',
    params: byId,
    body: reviewClassificationInput,
    present: presentSystem,
    handler: ({ services, actor, params, body }) => services.systems.reviewClassification(actor, params.id, body),
  }),
];

const teamRoutes: Route[] = [
  route({
    method: 'get',
    path: '/teams',
    tag: 'registry',
    summary: 'List teams',
    auth: 'signed-in',
    query: listTeamsQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.teams.list(actor, query);
      return { items: page.items.map(team), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/teams',
    tag: 'registry',
    summary: 'Create a team',
    auth: 'signed-in',
    body: createTeamInput,
    status: 201,
    present: team,
    handler: ({ services, actor, body }) => services.teams.create(actor, body),
  }),
  route({
    method: 'get',
    path: '/teams/:id',
    tag: 'registry',
    summary: 'One team',
    auth: 'signed-in',
    params: byId,
    present: team,
    handler: ({ services, actor, params }) => services.teams.get(actor, params.id),
  }),
  route({
    method: 'patch',
    path: '/teams/:id',
    tag: 'registry',
    summary: 'Update a team',
    auth: 'signed-in',
    params: byId,
    body: updateTeamInput,
    present: team,
    handler: ({ services, actor, params, body }) => services.teams.update(actor, params.id, body),
  }),
  route({
    method: 'put',
    path: '/teams/:id/members',
    tag: 'registry',
    summary: 'Set team members',
    auth: 'signed-in',
    params: byId,
    body: setTeamMembersInput,
    present: team,
    handler: ({ services, actor, params, body }) => services.teams.setMembers(actor, params.id, body),
  }),
];

const userRoutes: Route[] = [
  route({
    method: 'get',
    path: '/users',
    tag: 'registry',
    summary: 'List users',
    auth: 'signed-in',
    query: listUsersQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.users.list(actor, query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'post',
    path: '/users',
    tag: 'registry',
    summary: 'Create a user',
    auth: 'signed-in',
    body: createUserInput,
    status: 201,
    present: presentUser,
    handler: ({ services, actor, body }) => services.users.create(actor, body),
  }),
  route({
    method: 'get',
    path: '/users/:id',
    tag: 'registry',
    summary: 'One user',
    auth: 'signed-in',
    params: byId,
    present: presentUser,
    handler: ({ services, actor, params }) => services.users.get(actor, params.id),
  }),
  route({
    method: 'patch',
    path: '/users/:id',
    tag: 'registry',
    summary: 'Update a user (disable ends sessions)',
    auth: 'signed-in',
    params: byId,
    body: updateUserInput,
    present: presentUser,
    handler: ({ services, actor, params, body }) => services.users.update(actor, params.id, body),
  }),
  route({
    method: 'post',
    path: '/users/:id/password',
    tag: 'registry',
    summary: 'Reset a password (ends sessions)',
    auth: 'signed-in',
    params: byId,
    body: resetPasswordInput,
    status: 204,
    handler: ({ services, actor, params, body }) => services.users.resetPassword(actor, params.id, body.password),
  }),
];

export const registryRoutes: Route[] = [...agencyRoutes, ...sectorRoutes, ...systemRoutes, ...teamRoutes, ...userRoutes];
