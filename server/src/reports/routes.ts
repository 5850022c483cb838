/**
 * HTTP routes of the leaders' capabilities: statistics, compliance, the reporting cycle, the
 * assessments register, official documents and spreadsheets. Each route: authenticate →
 * rate-limit → validate → service → present. Mounted before the incident routes so that
 * `/incidents/export.xlsx` is not read as an incident id.
 */
import { Router, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import {
  complianceQuery,
  createReportTypeInput,
  reportTypeCode,
  updateReportTypeInput,
  exportIncidentsQuery,
  idSchema,
  listRoundsQuery,
  openRoundInput,
  recordAssessmentInput,
  statsQuery,
  submissionInput,
} from '@cert-hub/shared';
import type { AssessmentService } from '../assessments/service.js';
import type { ComplianceService } from '../compliance/service.js';
import type { ExportService } from '../exports/service.js';
import { actorOf } from '../http/authenticate.js';
import type { RateLimit } from '../http/rateLimit.js';
import { valid, validate } from '../http/validate.js';
import type { StatsService } from '../stats/service.js';
import {
  presentAssessment,
  presentComplianceLine,
  presentConsolidated,
  presentRound,
  presentRegisterLine,
  presentReportType,
  presentRoundView,
  presentSubmission,
} from './presenter.js';
import type { ReportAttachmentService } from './attachments.js';
import { reportAttachmentRoutes } from './attachmentRoutes.js';
import type { ReportService } from './service.js';
import type { ReportTypeService } from './types.js';

export interface LeadersRouteDeps {
  authenticate: RequestHandler;
  rateLimit: RateLimit;
  stats: StatsService;
  compliance: ComplianceService;
  reports: ReportService;
  assessments: AssessmentService;
  exports: ExportService;
  reportAttachments: ReportAttachmentService;
  reportTypes: ReportTypeService;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sendFile = (res: Response, type: string, fileName: string, bytes: Buffer) => {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(bytes);
};

const byId = z.strictObject({ id: idSchema });
const annualFile = z.strictObject({
  file: z
    .string()
    .regex(/^\d{4}\.docx$/, 'must be <year>.docx')
    .transform((f) => Number(f.slice(0, 4)))
    .pipe(z.number().int().min(2000).max(2100)),
});
const saveSubmission = z.strictObject({ ...submissionInput.shape, version: z.number().int().min(1).nullable().default(null) });

export function leadersRoutes(d: LeadersRouteDeps): Router {
  const r = Router();
  const guard = [d.authenticate, d.rateLimit];

  // ---- statistics ----
  const stats = { query: statsQuery };
  r.get('/stats', ...guard, validate(stats), async (req, res) => {
    res.json(await d.stats.view(actorOf(req), valid(req, stats).query));
  });
  r.get('/stats/export.xlsx', ...guard, validate(stats), async (req, res) => {
    sendFile(res, XLSX, 'thong-ke-su-co.xlsx', await d.exports.statsSpreadsheet(actorOf(req), valid(req, stats).query));
  });

  // ---- compliance ----
  const compliance = { query: complianceQuery };
  r.get('/compliance', ...guard, validate(compliance), async (req, res) => {
    const { year } = valid(req, compliance).query;
    res.json({ year, items: (await d.compliance.forYear(actorOf(req), year)).map(presentComplianceLine) });
  });

  // ---- reporting cycle ----
  r.get('/reports/types', ...guard, async (_req, res) => {
    res.json({ items: (await d.reportTypes.list()).map(presentReportType) });
  });
  const createType = { body: createReportTypeInput };
  r.post('/reports/types', ...guard, validate(createType), async (req, res) => {
    const type = await d.reportTypes.create(actorOf(req), valid(req, createType).body);
    res.status(201).location(`/api/reports/types/${type.code}`).json(presentReportType(type));
  });
  const updateType = { params: z.strictObject({ code: reportTypeCode }), body: updateReportTypeInput };
  r.put('/reports/types/:code', ...guard, validate(updateType), async (req, res) => {
    const { params, body } = valid(req, updateType);
    res.json(presentReportType(await d.reportTypes.update(actorOf(req), params.code, body)));
  });
  const annual = { params: annualFile };
  r.get('/reports/annual/:file', ...guard, validate(annual), async (req, res) => {
    const year = valid(req, annual).params.file;
    sendFile(res, DOCX, `bao-cao-nam-${year}.docx`, await d.exports.annualReport(actorOf(req), year));
  });
  const listRounds = { query: listRoundsQuery };
  r.get('/reports/rounds', ...guard, validate(listRounds), async (req, res) => {
    const page = await d.reports.list(actorOf(req), valid(req, listRounds).query);
    res.json({ items: page.items.map(presentRound), nextCursor: page.nextCursor });
  });
  r.get('/reports/mine', ...guard, async (req, res) => {
    const pending = await d.reports.pendingForMyAgency(actorOf(req));
    res.json({ items: pending.map((p) => ({ round: presentRound(p.round), status: { ...p.status } })) });
  });
  const open = { body: openRoundInput };
  r.post('/reports/rounds', ...guard, validate(open), async (req, res) => {
    const round = await d.reports.open(actorOf(req), valid(req, open).body);
    res.status(201).location(`/api/reports/rounds/${round.id}`).json(presentRound(round));
  });
  const oneRound = { params: byId };
  r.get('/reports/rounds/:id', ...guard, validate(oneRound), async (req, res) => {
    res.json(presentRoundView(await d.reports.get(actorOf(req), valid(req, oneRound).params.id)));
  });
  r.get('/reports/rounds/:id/consolidated', ...guard, validate(oneRound), async (req, res) => {
    res.json(presentConsolidated(await d.reports.consolidate(actorOf(req), valid(req, oneRound).params.id)));
  });
  const save = { params: byId, body: saveSubmission };
  r.put('/reports/rounds/:id/submission', ...guard, validate(save), async (req, res) => {
    const { params, body } = valid(req, save);
    const { version, ...input } = body;
    res.json(presentSubmission(await d.reports.save(actorOf(req), params.id, input, version)));
  });

  r.use(reportAttachmentRoutes(d));

  // ---- assessments register (R3) ----
  r.get('/assessments', ...guard, async (req, res) => {
    res.json({ items: (await d.assessments.register(actorOf(req))).map(presentRegisterLine) });
  });
  const record = { body: recordAssessmentInput };
  r.post('/assessments', ...guard, validate(record), async (req, res) => {
    res.status(201).json(presentAssessment(await d.assessments.record(actorOf(req), valid(req, record).body)));
  });
  r.get('/systems/:id/assessments', ...guard, validate(oneRound), async (req, res) => {
    res.json({ items: (await d.assessments.listForSystem(actorOf(req), valid(req, oneRound).params.id)).map(presentAssessment) });
  });

  // ---- incident documents and export ----
  const exportQuery = { query: exportIncidentsQuery };
  r.get('/incidents/export.xlsx', ...guard, validate(exportQuery), async (req, res) => {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', 'attachment; filename="su-co.xlsx"');
    res.setHeader('Cache-Control', 'no-store');
    await d.exports.streamIncidents(actorOf(req), valid(req, exportQuery).query, res);
  });
  r.get('/incidents/:id/documents/initial-report.docx', ...guard, validate(oneRound), async (req, res) => {
    const { incident, bytes } = await d.exports.initialReport(actorOf(req), valid(req, oneRound).params.id);
    sendFile(res, DOCX, `${incident.code}-bao-cao-ban-dau.docx`, bytes);
  });
  r.get('/incidents/:id/documents/closing-report.docx', ...guard, validate(oneRound), async (req, res) => {
    const { incident, bytes } = await d.exports.closingReport(actorOf(req), valid(req, oneRound).params.id);
    sendFile(res, DOCX, `${incident.code}-bao-cao-ket-thuc.docx`, bytes);
  });
  return r;
}
