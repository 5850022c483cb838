/** The on-call fields that leave the server. */
import type { OnCallNow, OnCallRosterView } from '@cert-hub/shared';
import type { OnCallRosterRecord } from '../store/port.js';

export const presentRoster = (r: OnCallRosterRecord): OnCallRosterView => ({
  teamId: r.teamId,
  rotationStart: r.rotationStart,
  weeks: r.weeks.map((w) => ({ primaryUserId: w.primaryUserId, backupUserId: w.backupUserId })),
  overrides: r.overrides.map((o) => ({
    from: o.from,
    to: o.to,
    primaryUserId: o.primaryUserId,
    backupUserId: o.backupUserId,
    reason: o.reason,
  })),
  version: r.version,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

export interface OnCallNowView extends OnCallNow {
  teamId: string;
  teamName: string;
  primary: { id: string; displayName: string; phone: string | null; email: string | null } | null;
  backup: { id: string; displayName: string; phone: string | null; email: string | null } | null;
}
