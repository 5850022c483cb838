/**
 * Report types as configuration (R5): coordinators and administrators create them, edit them
 * (optimistic versions: a stale edit is refused with the current type) and retire them. A
 * round opened from a type keeps the type's sections at that moment.
 */
import { EVENTS, type CreateReportTypeInput, type UpdateReportTypeInput } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { conflict, forbidden } from '../platform/errors.js';
import { byId, commit, updateVersioned, type ServiceDeps } from '../platform/unitOfWork.js';
import type { ReportTypeRecord } from '../store/port.js';
import { seededReportTypes } from '../store/reportTypes.js';
import { reportPolicy } from './policy.js';

export class ReportTypeService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Every type, retired ones included (old rounds name them); anyone signed in reads them. */
  list(): Promise<ReportTypeRecord[]> {
    return this.deps.store.reportTypes.list();
  }

  /** Stores the demo province's types that are missing (a new MongoDB; SQLite seeds them by migration). */
  async ensureDefaults(): Promise<void> {
    for (const type of seededReportTypes()) {
      if (await this.deps.store.reportTypes.get(type.code)) continue;
      try {
        await this.deps.store.reportTypes.insert(type);
      } catch {
        // Another node seeded it first.
      }
    }
  }

  async create(actor: Actor, input: CreateReportTypeInput): Promise<ReportTypeRecord> {
    if (!reportPolicy.open(actor)) throw forbidden('Only coordinators and administrators configure report types');
    return commit(this.deps, actor, async (tx, record, at) => {
      if (await tx.reportTypes.get(input.code)) throw conflict('A report type with this code exists', [{ path: 'code', message: 'taken' }]);
      const type: ReportTypeRecord = { ...input, retired: false, version: 1, createdAt: at, updatedAt: at, updatedBy: actor.id };
      await tx.reportTypes.insert(type);
      await record({ type: EVENTS.reportTypeCreated, entity: 'report_type', entityId: type.code, version: 1, data: { type: input } });
      return type;
    });
  }

  async update(actor: Actor, code: string, input: UpdateReportTypeInput): Promise<ReportTypeRecord> {
    if (!reportPolicy.open(actor)) throw forbidden('Only coordinators and administrators configure report types');
    const { version, ...fields } = input;
    return updateVersioned<'report_type', ReportTypeRecord>(this.deps, actor, {
      entity: 'report_type',
      what: 'Report type',
      slot: (tx) => byId(tx.reportTypes, code),
      expected: version,
      change: (current) => ({ ...current, ...fields, updatedBy: actor.id }),
      after: async (next, _current, record) => {
        await record({
          type: EVENTS.reportTypeUpdated,
          entity: 'report_type',
          entityId: code,
          version: next.version,
          data: { type: fields },
        });
      },
    });
  }
}
