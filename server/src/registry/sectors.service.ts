import { CRITICAL_SECTORS, EVENTS, type CreateSectorInput, fieldIssue } from '@cert-hub/shared';
import type { Actor } from '../auth/actor.js';
import { conflict, forbidden } from '../platform/errors.js';
import { commit, type ServiceDeps } from '../platform/unitOfWork.js';
import type { SectorRecord } from '../store/port.js';
import { registryPolicy as can } from './policy.js';

export class SectorService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The 11 critical sectors are data every store starts with (idempotent). */
  async ensureCriticalSectors(): Promise<void> {
    for (const sector of CRITICAL_SECTORS) {
      if (!(await this.deps.store.sectors.get(sector.code))) await this.deps.store.sectors.upsert({ ...sector, critical: true });
    }
  }

  async list(actor: Actor): Promise<SectorRecord[]> {
    if (!can.readSectors(actor)) throw forbidden();
    return this.deps.store.sectors.list();
  }

  async create(actor: Actor, input: CreateSectorInput): Promise<SectorRecord> {
    if (!can.createSector(actor)) throw forbidden();
    if (await this.deps.store.sectors.get(input.code)) throw conflict('A sector with this code exists', [fieldIssue('code', 'taken')]);
    return commit(this.deps, actor, async (tx, record) => {
      const sector: SectorRecord = { ...input };
      await tx.sectors.upsert(sector);
      await record({ type: EVENTS.sectorCreated, entity: 'sector', entityId: sector.code, data: { ...sector } });
      return sector;
    });
  }
}
