import type { RoutingConditions, RoutingRuleView } from '@cert-hub/shared';

/** A routing rule as the editor's form holds it (yes/no/any instead of an optional boolean). */
export type RuleForm = {
  name: string;
  description?: string;
  enabled: boolean;
  conditions: Omit<RoutingConditions, 'serious' | 'hasIndicators'> & {
    serious?: 'any' | 'yes' | 'no';
    hasIndicators?: 'any' | 'yes' | 'no';
  };
  actions: {
    owningTeamId?: string | null;
    informTeamIds?: string[];
    assignOnCall: boolean;
    informLeaders: boolean;
    tags?: string[];
    playbook?: string | null;
  };
};

const tri = (v: boolean | undefined) => (v === undefined ? 'any' : v ? 'yes' : 'no');
const fromTri = (v: 'any' | 'yes' | 'no' | undefined) => (v === 'yes' ? true : v === 'no' ? false : undefined);

/** Drops empty lists so that "no condition" is stored as absent, not as an empty "any of". */
function cleanConditions(c: RuleForm['conditions']): RoutingConditions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (key === 'serious' || key === 'hasIndicators') continue;
    if (Array.isArray(value) && value.length > 0) out[key] = value;
  }
  const serious = fromTri(c.serious);
  const hasIndicators = fromTri(c.hasIndicators);
  if (serious !== undefined) out.serious = serious;
  if (hasIndicators !== undefined) out.hasIndicators = hasIndicators;
  return out;
}

/** The form's values for a rule (or for a new one). */
export function toRuleForm(r: RoutingRuleView | null): RuleForm {
  return {
    name: r?.name ?? '',
    description: r?.description ?? '',
    enabled: r?.enabled ?? true,
    conditions: { ...(r?.conditions ?? {}), serious: tri(r?.conditions.serious), hasIndicators: tri(r?.conditions.hasIndicators) },
    actions: {
      owningTeamId: r?.actions.owningTeamId ?? null,
      informTeamIds: r?.actions.informTeamIds ?? [],
      assignOnCall: r?.actions.assignOnCall ?? true,
      informLeaders: r?.actions.informLeaders ?? false,
      tags: r?.actions.tags ?? [],
      playbook: r?.actions.playbook ?? null,
    },
  };
}

/** The request body of a rule from the form's values. */
export function ruleBody(values: RuleForm) {
  return {
    name: values.name,
    description: values.description || null,
    enabled: values.enabled,
    conditions: cleanConditions(values.conditions),
    actions: {
      owningTeamId: values.actions.owningTeamId ?? null,
      informTeamIds: values.actions.informTeamIds ?? [],
      assignOnCall: values.actions.assignOnCall,
      informLeaders: values.actions.informLeaders,
      tags: values.actions.tags ?? [],
      playbook: values.actions.playbook ?? null,
    },
  };
}
