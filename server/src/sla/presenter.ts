/** The SLA policy fields that leave the server. */
import type { SlaPolicyView } from '@cert-hub/shared';
import type { SlaPolicyRecord } from '../store/port.js';

export const presentSlaPolicy = (p: SlaPolicyRecord): SlaPolicyView => ({
  scope: p.scope,
  acknowledge: p.acknowledge,
  leaveTriage: p.leaveTriage,
  contain: p.contain,
  escalationDelay: p.escalationDelay,
  version: p.version,
  updatedAt: p.updatedAt,
});
