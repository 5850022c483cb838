/** On-call: a team's roster, and who is on call now across teams. */
import { z } from 'zod';
import { idSchema, setOnCallRosterInput } from '@cert-hub/shared';
import { route, type Route } from '../http/route.js';
import { presentRoster } from './presenter.js';

const byTeam = z.strictObject({ id: idSchema });

export const onCallRoutes: Route[] = [
  route({
    method: 'get',
    path: '/teams/:id/oncall',
    tag: 'routing',
    summary: 'A team’s on-call roster and who is on call now',
    auth: 'signed-in',
    params: byTeam,
    handler: async ({ services, actor, params }) => {
      const { roster, now } = await services.oncall.get(actor, params.id);
      return { roster: roster ? presentRoster(roster) : null, now };
    },
  }),
  route({
    method: 'put',
    path: '/teams/:id/oncall',
    tag: 'routing',
    summary: 'Set a team’s roster (weekly rotation, overrides)',
    auth: 'signed-in',
    params: byTeam,
    body: setOnCallRosterInput,
    present: presentRoster,
    handler: ({ services, actor, params, body }) => services.oncall.set(actor, params.id, body),
  }),
  route({
    method: 'get',
    path: '/oncall/now',
    tag: 'routing',
    summary: 'Who is on call now, every team',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: await services.oncall.now(actor), nextCursor: null }),
  }),
];
