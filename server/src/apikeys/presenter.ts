import type { ApiKeyView } from '@cert-hub/shared';
import type { ApiKeyRecord } from '../store/port.js';

/** Never the hash: only the prefix identifies a key in lists. */
export const presentApiKey = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  agencyIds: [...k.agencyIds],
  createdAt: k.createdAt,
  revokedAt: k.revokedAt,
  lastUsedAt: k.lastUsedAt,
});
