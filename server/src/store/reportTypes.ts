/**
 * Report types of the reporting cycle (R5) as stored configuration: name, period, deadline
 * rule, who submits, to whom, the sections a submission must contain. Retired types stay (old
 * rounds name them) but no new round opens from them. Contract cases:
 * test/store-contract-report-types.test.ts.
 */
import { DEFAULT_REPORT_TYPES, type ReportSection } from '@cert-hub/shared';

export interface ReportTypeRecord {
  /** Stable key, e.g. `agency_annual`; rounds keep it. */
  code: string;
  nameVi: string;
  nameEn: string;
  period: 'yearly' | 'six_monthly' | 'ad_hoc';
  /** `MM-DD` deadlines in the year (Viet Nam time); empty for ad-hoc. */
  deadlines: string[];
  submittedBy: string;
  sentTo: string;
  sections: ReportSection[];
  retired: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ReportTypeRepository {
  /** Fails (a duplicate key) when the code exists. */
  insert(type: ReportTypeRecord): Promise<void>;
  /** Replaces the type when its stored version is `expectedVersion`; false otherwise. */
  update(type: ReportTypeRecord, expectedVersion: number): Promise<boolean>;
  get(code: string): Promise<ReportTypeRecord | null>;
  /** Every type, retired ones included, by code. */
  list(): Promise<ReportTypeRecord[]>;
}

/** The demo province's types as first stored (by the SQLite migration, or at boot on MongoDB). */
/** When the seeded types count as created: a fixed instant, so every new hub stores the same rows. */
export const SEEDED_AT = '2026-01-01T00:00:00.000Z';

export const seededReportTypes = (): ReportTypeRecord[] =>
  DEFAULT_REPORT_TYPES.map((t) => ({
    ...t,
    deadlines: [...t.deadlines],
    sections: [...t.sections],
    retired: false,
    version: 1,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    updatedBy: null,
  }));
