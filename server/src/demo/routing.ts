/**
 * The demo province's routing rules and on-call roster, 2026 model (seed 004 §V.1): the
 * provincial CERT's standing office is the Provincial Police's PA05. Rules follow the seeds:
 * national security and state secrets go to the police cyber team (R7, seed 002 r.7), a
 * health-sector system also informs the health CERT, serious incidents go to the standing
 * team with the leaders told. Data, loaded through the same services as the API.
 */
import type { CreateRoutingRuleInput } from '@cert-hub/shared';
import { systemActor } from '../auth/actor.js';
import type { Services } from '../app.js';

/** Rules by team key (see TEAMS in province.ts); `null` owner = the standing team. */
export function demoRules(team: (key: string) => string): CreateRoutingRuleInput[] {
  const rule = (
    name: string,
    description: string,
    conditions: CreateRoutingRuleInput['conditions'],
    actions: Partial<CreateRoutingRuleInput['actions']>,
  ): CreateRoutingRuleInput => ({
    name,
    description,
    enabled: true,
    conditions,
    actions: { owningTeamId: null, informTeamIds: [], assignOnCall: true, informLeaders: false, tags: [], playbook: null, ...actions },
  });
  return [
    rule(
      'Lộ bí mật nhà nước → Công an tỉnh (PA05)',
      'R7: sự cố có khả năng lộ bí mật nhà nước do lực lượng an ninh mạng Công an tỉnh xử lý; Đội ứng cứu tỉnh được thông báo.',
      { impacts: ['state_secret_disclosure'] },
      { owningTeamId: team('police'), informTeamIds: [team('cert')], tags: ['R7', 'bí mật nhà nước'] },
    ),
    rule(
      'An ninh quốc gia → Công an tỉnh (PA05)',
      'R7: hệ thống thuộc lĩnh vực an ninh, trật tự do Công an tỉnh xử lý.',
      { sectors: ['security_public_order'] },
      { owningTeamId: team('police'), informTeamIds: [team('cert')], tags: ['R7', 'an ninh quốc gia'] },
    ),
    rule(
      'Sự cố nghiêm trọng → Đội ứng cứu tỉnh và lãnh đạo',
      'R2: sự cố nghiêm trọng do cơ quan thường trực xử lý, báo cáo lãnh đạo tỉnh và cơ quan điều phối quốc gia.',
      { serious: true },
      { informLeaders: true, tags: ['nghiêm trọng'] },
    ),
    rule(
      'Hệ thống ngành Y tế → thông báo CERT Y tế',
      'Hệ thống thông tin ngành y tế: Đội ứng cứu tỉnh xử lý, CERT lĩnh vực Y tế phối hợp.',
      { sectors: ['health'] },
      { informTeamIds: [team('health-cert')], tags: ['y tế'] },
    ),
    rule('Mặc định → Đội ứng cứu tỉnh (thường trực)', 'Mọi báo cáo khác: cơ quan thường trực, người trực được giao ngay.', {}, {}),
  ];
}

/** Loads the rules once (when there are none) and the standing team's roster (when it has none). */
export async function seedDemoRouting(services: Services, teamIds: Map<string, string>, userIds: Map<string, string>): Promise<void> {
  const actor = systemActor;
  const team = (key: string) => teamIds.get(key)!;
  if ((await services.routing.list(actor)).length === 0) {
    for (const input of demoRules(team)) await services.routing.create(actor, input);
  }
  const cert = team('cert');
  const { roster } = await services.oncall.get(actor, cert);
  const responder = userIds.get('responder');
  const coordinator = userIds.get('coordinator');
  if (!roster && responder && coordinator) {
    await services.oncall.set(actor, cert, {
      version: null,
      // Handover every Monday 08:00 in Hà Nội; the responder and the coordinator alternate.
      rotationStart: '2026-01-05T08:00:00+07:00',
      weeks: [
        { primaryUserId: responder, backupUserId: coordinator },
        { primaryUserId: coordinator, backupUserId: responder },
      ],
      overrides: [
        {
          from: '2027-01-01T00:00:00+07:00',
          to: '2027-01-02T00:00:00+07:00',
          primaryUserId: responder,
          backupUserId: coordinator,
          reason: 'Trực Tết Dương lịch 2027',
        },
      ],
    });
  }
}
