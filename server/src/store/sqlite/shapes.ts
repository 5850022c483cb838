/**
 * Compact storage of JSON objects of a known shape (issue #11): fields at their usual empty
 * value, or equal to what the other fields imply, are left out, and put back in the usual
 * order when read. An object whose fields are not exactly the usual ones, in the usual order,
 * also stores its field list (`#`), so every object reads back exactly as written.
 */
export interface Shape {
  /** The fields, in the order they are written. */
  order: readonly string[];
  /** Left out when equal to this JSON text. */
  empty: Readonly<Record<string, string>>;
  /** Left out when equal to what the other fields imply. */
  derived?: Readonly<Record<string, (o: Record<string, unknown>) => unknown>>;
}

export function encodeShape(o: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(o).filter((k) => o[k] !== undefined);
  for (const k of keys) {
    const text = JSON.stringify(o[k]);
    if (k in shape.empty && text === shape.empty[k]) continue;
    const derive = shape.derived?.[k];
    if (derive && text === JSON.stringify(derive(o))) continue;
    out[k] = o[k];
  }
  if (keys.join() !== shape.order.join()) out['#'] = keys;
  return out;
}

export function decodeShape(stored: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const order = (stored['#'] as string[] | undefined) ?? shape.order;
  const out: Record<string, unknown> = {};
  // Plain fields first: the derived ones are computed from them.
  for (const k of order) {
    if (k in stored) out[k] = stored[k];
    else if (k in shape.empty) out[k] = JSON.parse(shape.empty[k]!);
  }
  for (const [k, derive] of Object.entries(shape.derived ?? {})) if (order.includes(k) && !(k in stored)) out[k] = derive(out);
  // Back in the written order.
  return Object.fromEntries(order.filter((k) => k in out).map((k) => [k, out[k]]));
}

/** Every team that may see an incident: the owner and the informed teams (routing/service.ts). */
const teamIdsOf = (o: Record<string, unknown>) => [
  ...new Set([...(typeof o.teamId === 'string' ? [o.teamId] : []), ...((o.informedTeamIds as string[] | undefined) ?? [])]),
];

/** An incident's routing (IncidentRouting). */
export const ROUTING_SHAPE: Shape = {
  order: ['teamId', 'ruleId', 'informedTeamIds', 'assigneeIds', 'teamIds', 'reasons'],
  empty: { ruleId: 'null', informedTeamIds: '[]', assigneeIds: '[]', reasons: '[]' },
  derived: { teamIds: teamIdsOf },
};

/** The data of `incident.routed`: the routing decision at intake (incidents/intake.ts). */
export const ROUTED_EVENT_SHAPE: Shape = {
  order: [...ROUTING_SHAPE.order, 'ruleName', 'informLeaders'],
  empty: { ...ROUTING_SHAPE.empty, ruleName: 'null', informLeaders: 'false' },
  derived: ROUTING_SHAPE.derived!,
};

/** The data of `incident.created` (incidents/intake.ts). */
export const CREATED_EVENT_SHAPE: Shape = {
  order: ['code', 'title', 'category', 'agencyId', 'reportedVia', 'serious', 'lateReport'],
  empty: { reportedVia: '"agency"', serious: 'false', lateReport: 'false' },
};
