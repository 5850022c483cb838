import type { SessionUser } from '@cert-hub/shared';
import type { UserRecord } from '../store/port.js';

type SessionUserSource = Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role' | 'agencyId' | 'teamIds'>;

export const presentSessionUser = (user: SessionUserSource): SessionUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  agencyId: user.agencyId,
  teamIds: [...user.teamIds],
});
