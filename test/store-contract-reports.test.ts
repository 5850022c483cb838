/**
 * The store contract of the leaders' repositories (statistics, report rounds and submissions,
 * assessments), run against SQLite always and MongoDB when MONGODB_URI is set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AgencyRecord,
  AssessmentRecord,
  IncidentRecord,
  ReportAttachmentRecord,
  ReportRoundRecord,
  ReportSubmissionRecord,
} from '../server/src/store/port.js';
import { agencyRecord, incidentRecord, NOW, storeAdapters, suiteStore } from './helpers/storeContract.js';

const round = (id: string, deadline: string, remindAt: string, agencyIds: string[]): ReportRoundRecord => ({
  id,
  reportType: 'agency_annual',
  title: `Đợt ${id}`,
  year: 2026,
  deadline,
  remindAt,
  remindedAt: null,
  agencyIds,
  reminders: [],
  openedBy: 'u1',
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
});

const agency = (id: string, type: AgencyRecord['type']): AgencyRecord => agencyRecord(id, `Cơ quan ${id}`, { type });
/** The leaders' figures count by sector; the fixture's indicators and routing reasons play no part. */
const incident = (id: string, reportedAt: string, extra: Partial<IncidentRecord> = {}): IncidentRecord =>
  incidentRecord(id, reportedAt, {
    sector: 'health',
    title: 'Sự cố',
    indicators: [],
    routing: { teamId: 't1', ruleId: null, informedTeamIds: [], assigneeIds: [], teamIds: ['t1'], reasons: [] },
    ...extra,
  });

for (const adapter of storeAdapters('store-contract-reports')) {
  describe(`store contract (leaders): ${adapter.name}`, () => {
    const store = suiteStore(adapter);
    beforeAll(async () => {
      await store.agencies.insert(agency('a1', 'provincial_department'));
      await store.agencies.insert(agency('a2', 'commune_committee'));
      // Reported 31/01 23:30 in Viet Nam = 16:30 UTC: January, not February, on the dashboard.
      await store.incidents.insert(incident('i1', '2026-01-31T16:30:00.000Z', { status: 'closed', lateReport: true, severity: 'high' }));
      await store.incidents.insert(incident('i2', '2026-02-10T03:00:00.000Z', { agencyId: 'a2', category: 'ddos', serious: true }));
      await store.incidents.insert(incident('i3', '2026-02-11T03:00:00.000Z', { drill: { drillId: 'd1', injectId: null } }));
      await store.incidents.insert(incident('i4', '2025-12-01T03:00:00.000Z'));
      for (const [entityId, from, to, at] of [
        ['i1', 'received', 'triage', '2026-01-31T17:00:00.000Z'],
        ['i1', 'triage', 'initial_response', '2026-02-01T00:00:00.000Z'],
        ['i3', 'received', 'triage', '2026-02-11T04:00:00.000Z'],
      ] as const)
        await store.events.append({
          type: 'incident.status_changed',
          entity: 'incident',
          entityId,
          incidentId: entityId,
          version: 2,
          at,
          actorId: null,
          data: { from, to },
        });
    });

    const year = { from: '2025-12-31T17:00:00.000Z', to: '2026-12-31T16:59:59.999Z' };

    it('counts real incidents of a range by month (Viet Nam time), category, agency, agency type, and late/serious', async () => {
      const c = await store.stats.counts(year);
      expect(c.total).toBe(2);
      expect(c.closed).toBe(1);
      expect(c.open).toBe(1);
      expect(c.late).toBe(1);
      expect(c.serious).toBe(1);
      expect(c.byMonth).toEqual([
        { key: '2026-01', count: 1 },
        { key: '2026-02', count: 1 },
      ]);
      expect(c.byCategory).toEqual([
        { key: 'ddos', count: 1 },
        { key: 'defacement', count: 1 },
      ]);
      expect(c.byAgencyType.map((b) => b.key).sort()).toEqual(['commune_committee', 'provincial_department']);
      expect(c.bySector).toEqual([{ key: 'health', count: 2 }]);
      expect(c.bySystemLevel).toEqual([{ key: '3', count: 2 }]);
      expect(c.lateByAgency).toEqual([
        { agencyId: 'a1', total: 1, late: 1 },
        { agencyId: 'a2', total: 1, late: 0 },
      ]);
    });

    it('reads the status histories of real incidents only', async () => {
      const histories = [];
      for await (const h of store.stats.listStatusHistories(year)) histories.push(h);
      expect(histories.map((h) => h.incidentId)).toEqual(['i1', 'i2']);
      expect(histories[0]!.changes.map((c) => c.to)).toEqual(['triage', 'initial_response']);
      expect(histories[1]!.changes).toEqual([]);
      // What the SLA compliance figures pick the policy by.
      expect(histories.map((h) => [h.status, h.severity, h.serious])).toEqual([
        ['closed', 'high', false],
        ['received', null, true],
      ]);
    });

    it('keeps rounds newest deadline first, filters by year and agency, and finds due reminders', async () => {
      await store.reportRounds.insert(round('r1', '2026-06-14T17:00:00.000Z', '2026-06-11T17:00:00.000Z', ['a1']));
      await store.reportRounds.insert(round('r2', '2026-12-04T17:00:00.000Z', '2026-12-01T17:00:00.000Z', ['a1', 'a2']));
      const all = await store.reportRounds.list({ limit: 1 });
      expect(all.items.map((r) => r.id)).toEqual(['r2']);
      const next = await store.reportRounds.list({ limit: 1, cursor: all.nextCursor! });
      expect(next.items.map((r) => r.id)).toEqual(['r1']);
      expect(next.nextCursor).toBeNull();
      expect((await store.reportRounds.list({ limit: 10, agencyId: 'a2' })).items.map((r) => r.id)).toEqual(['r2']);
      expect((await store.reportRounds.list({ limit: 10, year: 2025 })).items).toEqual([]);
      expect(await store.reportRounds.getNextReminderAt()).toBe('2026-06-11T17:00:00.000Z');
      expect((await store.reportRounds.listDueReminders('2026-07-01T00:00:00.000Z')).map((r) => r.id)).toEqual(['r1']);
      const r1 = (await store.reportRounds.get('r1'))!;
      const reminded = { ...r1, remindedAt: '2026-07-01T00:00:00.000Z', version: 2 };
      expect(await store.reportRounds.update(reminded, 1)).toBe(true);
      expect(await store.reportRounds.update({ ...reminded, version: 3 }, 1)).toBe(false);
      expect(await store.reportRounds.listDueReminders('2026-07-01T00:00:00.000Z')).toEqual([]);
      expect(await store.reportRounds.getNextReminderAt()).toBe('2026-12-01T17:00:00.000Z');
    });

    it('keeps a round’s attachments per agency, oldest first', async () => {
      const file = (id: string, agencyId: string, createdAt: string): ReportAttachmentRecord => ({
        id,
        roundId: 'r2',
        agencyId,
        fileName: `${id}.pdf`,
        storageKey: `reports/2026/${id}`,
        mediaType: 'application/pdf',
        size: 10,
        sha256: 'a'.repeat(64),
        uploadedBy: 'u1',
        createdAt,
      });
      await store.reportAttachments.insert(file('f2', 'a1', '2026-11-02T00:00:00.000Z'));
      await store.reportAttachments.insert(file('f1', 'a1', '2026-11-01T00:00:00.000Z'));
      await store.reportAttachments.insert(file('f3', 'a2', '2026-11-03T00:00:00.000Z'));
      await store.reportAttachments.insert({ ...file('f4', 'a1', '2026-11-01T00:00:00.000Z'), roundId: 'r1' });
      expect((await store.reportAttachments.listByRound('r2', 'a1')).map((a) => a.id)).toEqual(['f1', 'f2']);
      expect((await store.reportAttachments.listByRound('r2')).map((a) => a.id)).toEqual(['f1', 'f2', 'f3']);
      expect(await store.reportAttachments.get('f3')).toEqual(file('f3', 'a2', '2026-11-03T00:00:00.000Z'));
      expect(await store.reportAttachments.get('nope')).toBeNull();
      await expect(store.reportAttachments.insert(file('f1', 'a1', NOW))).rejects.toThrow();
    });

    it('keeps one submission per agency and round with optimistic versions', async () => {
      const s: ReportSubmissionRecord = {
        id: 's1',
        roundId: 'r2',
        agencyId: 'a1',
        sections: { results: 'Kết quả', difficulties: '', recommendations: '' },
        submittedAt: null,
        submittedBy: null,
        updatedBy: 'u1',
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      };
      await store.reportSubmissions.insert(s);
      await expect(store.reportSubmissions.insert({ ...s, id: 's2' })).rejects.toThrow();
      expect(await store.reportSubmissions.update({ ...s, submittedAt: NOW, version: 2 }, 1)).toBe(true);
      expect(await store.reportSubmissions.update({ ...s, version: 3 }, 1)).toBe(false);
      expect((await store.reportSubmissions.get('r2', 'a1'))!.submittedAt).toBe(NOW);
      expect(await store.reportSubmissions.get('r2', 'a2')).toBeNull();
      expect((await store.reportSubmissions.listByRound('r2')).map((x) => x.id)).toEqual(['s1']);
    });

    it('answers each system’s latest assessment', async () => {
      const a = (id: string, systemId: string, assessedAt: string): AssessmentRecord => ({
        id,
        systemId,
        agencyId: 'a1',
        systemLevel: 5,
        approvalDecision: { number: '1/QĐ', date: '2025-01-01' },
        assessor: 'Đơn vị đánh giá',
        monitoringProvider: null,
        assessedAt,
        nextDueAt: null,
        result: 'passed',
        findings: [],
        recordedBy: 'u1',
        createdAt: NOW,
      });
      await store.assessments.insert(a('x1', 'sys1', '2025-10-01'));
      await store.assessments.insert(a('x2', 'sys1', '2026-04-01'));
      await store.assessments.insert(a('x3', 'sys2', '2026-01-01'));
      expect((await store.assessments.listLatestPerSystem()).map((x) => x.id)).toEqual(['x2', 'x3']);
      expect((await store.assessments.listBySystem('sys1')).map((x) => x.id)).toEqual(['x2', 'x1']);
    });
  });
}
