/** Store records for on-call rosters: one per team. */
import type { OnCallOverride, OnCallSlot } from '@cert-hub/shared';

export interface OnCallRosterRecord {
  teamId: string;
  rotationStart: string;
  weeks: OnCallSlot[];
  overrides: OnCallOverride[];
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface OnCallRepository {
  get(teamId: string): Promise<OnCallRosterRecord | null>;
  /** Creates (expectedVersion null) or replaces the roster; false when the version is stale or it already exists. */
  save(roster: OnCallRosterRecord, expectedVersion: number | null): Promise<boolean>;
  list(): Promise<OnCallRosterRecord[]>;
}
