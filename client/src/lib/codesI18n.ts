/** Names for codes the hub sends that people see: audit record kinds and routing reason codes. */
export const codesI18n = {
  vi: {
    entities: {
      incident: 'sự cố',
      user: 'tài khoản',
      team: 'đội',
      drill: 'diễn tập',
      drill_plan: 'kế hoạch diễn tập',
      agency: 'cơ quan',
      system: 'hệ thống',
      routing_rule: 'quy tắc điều phối',
      webhook: 'webhook',
      report_round: 'đợt báo cáo',
      sla_policy: 'chính sách SLA',
      api_key: 'khóa API',
      sector: 'lĩnh vực',
      playbook: 'kịch bản ứng cứu',
      notification: 'thông báo',
    },
    routingReasons: {
      no_conditions: 'Quy tắc không có điều kiện (áp dụng cho mọi báo cáo)',
      default_standing_team: 'Không quy tắc nào khớp: giao cơ quan thường trực',
    },
  },
  en: {
    entities: {
      incident: 'incident',
      user: 'account',
      team: 'team',
      drill: 'drill',
      drill_plan: 'drill plan',
      agency: 'agency',
      system: 'system',
      routing_rule: 'routing rule',
      webhook: 'webhook',
      report_round: 'report round',
      sla_policy: 'SLA policy',
      api_key: 'API key',
      sector: 'sector',
      playbook: 'playbook',
      notification: 'notification',
    },
    routingReasons: {
      no_conditions: 'The rule has no conditions (applies to every report)',
      default_standing_team: 'No rule matched: sent to the standing team',
    },
  },
};
