/**
 * The leaders' capabilities: statistics, compliance, the reporting cycle, the assessments
 * register, official documents and spreadsheets. Mounted before the incident routes so that
 * `/incidents/export.xlsx` is not read as an incident id.
 */
import type { Response } from 'express';
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
import { route, type Route } from '../http/route.js';
import {
  presentAssessment,
  presentComplianceLine,
  presentConsolidated,
  presentRound,
  presentReportType,
  presentRegisterLine,
  presentRoundView,
  presentSubmission,
} from './presenter.js';

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

const statsRoutes: Route[] = [
  route({
    method: 'get',
    path: '/stats',
    tag: 'reports',
    summary: 'Statistics of real incidents for a period (dashboard)',
    auth: 'signed-in',
    query: statsQuery,
    handler: ({ services, actor, query }) => services.stats.view(actor, query),
  }),
  route({
    method: 'get',
    path: '/stats/export.xlsx',
    tag: 'reports',
    summary: 'The dashboard tables as XLSX',
    auth: 'signed-in',
    query: statsQuery,
    download: XLSX,
    handler: async ({ services, actor, query, res }) =>
      sendFile(res, XLSX, 'thong-ke-su-co.xlsx', await services.exports.statsSpreadsheet(actor, query)),
  }),
  route({
    method: 'get',
    path: '/compliance',
    tag: 'reports',
    summary: 'Who is behind (R1, R3, R4, R5, R6) for a year',
    auth: 'signed-in',
    query: complianceQuery,
    handler: async ({ services, actor, query: { year } }) => ({
      year,
      items: (await services.compliance.forYear(actor, year)).map(presentComplianceLine),
    }),
  }),
];

const reportingRoutes: Route[] = [
  route({
    method: 'get',
    path: '/reports/types',
    tag: 'reports',
    summary: 'Configured report types (retired ones included, flagged)',
    auth: 'signed-in',
    handler: async ({ services }) => ({ items: (await services.reportTypes.list()).map(presentReportType) }),
  }),
  route({
    method: 'post',
    path: '/reports/types',
    tag: 'reports',
    summary: 'Add a report type (coordinator, admin)',
    auth: 'signed-in',
    body: createReportTypeInput,
    status: 201,
    present: presentReportType,
    handler: async ({ services, actor, body, res }) => {
      const type = await services.reportTypes.create(actor, body);
      res.location(`/api/reports/types/${type.code}`);
      return type;
    },
  }),
  route({
    method: 'put',
    path: '/reports/types/:code',
    tag: 'reports',
    summary: 'Edit or retire a report type (send `version`; 409 with the current type)',
    auth: 'signed-in',
    params: z.strictObject({ code: reportTypeCode }),
    body: updateReportTypeInput,
    present: presentReportType,
    handler: ({ services, actor, params, body }) => services.reportTypes.update(actor, params.code, body),
  }),
  route({
    method: 'get',
    path: '/reports/annual/:file',
    tag: 'reports',
    summary: "The province's annual report as DOCX (`2026.docx`)",
    auth: 'signed-in',
    params: annualFile,
    download: DOCX,
    handler: async ({ services, actor, params: { file: year }, res }) =>
      sendFile(res, DOCX, `bao-cao-nam-${year}.docx`, await services.exports.annualReport(actor, year)),
  }),
  route({
    method: 'get',
    path: '/reports/rounds',
    tag: 'reports',
    summary: 'Report rounds, newest deadline first',
    auth: 'signed-in',
    query: listRoundsQuery,
    handler: async ({ services, actor, query }) => {
      const page = await services.reports.list(actor, query);
      return { items: page.items.map(presentRound), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: 'get',
    path: '/reports/mine',
    tag: 'reports',
    summary: "Rounds the focal point's agency still owes, with reminders",
    auth: 'signed-in',
    handler: async ({ services, actor }) => {
      const pending = await services.reports.pendingForMyAgency(actor);
      return { items: pending.map((p) => ({ round: presentRound(p.round), status: { ...p.status } })) };
    },
  }),
  route({
    method: 'post',
    path: '/reports/rounds',
    tag: 'reports',
    summary: 'Open a round to agencies (coordinator)',
    auth: 'signed-in',
    body: openRoundInput,
    status: 201,
    present: presentRound,
    handler: async ({ services, actor, body, res }) => {
      const round = await services.reports.open(actor, body);
      res.location(`/api/reports/rounds/${round.id}`);
      return round;
    },
  }),
  route({
    method: 'get',
    path: '/reports/rounds/:id',
    tag: 'reports',
    summary: 'A round: who submitted, who is late',
    auth: 'signed-in',
    params: byId,
    present: presentRoundView,
    handler: ({ services, actor, params }) => services.reports.get(actor, params.id),
  }),
  route({
    method: 'get',
    path: '/reports/rounds/:id/consolidated',
    tag: 'reports',
    summary: "The answers gathered: the province's draft",
    auth: 'signed-in',
    params: byId,
    present: presentConsolidated,
    handler: ({ services, actor, params }) => services.reports.consolidate(actor, params.id),
  }),
  route({
    method: 'put',
    path: '/reports/rounds/:id/submission',
    tag: 'reports',
    summary: "Save or submit the caller's agency answer",
    auth: 'signed-in',
    params: byId,
    body: saveSubmission,
    present: presentSubmission,
    handler: ({ services, actor, params, body: { version, ...input } }) => services.reports.save(actor, params.id, input, version),
  }),
];

const assessmentRoutes: Route[] = [
  route({
    method: 'get',
    path: '/assessments',
    tag: 'reports',
    summary: 'Level 3+ systems with their last assessment and next due date (R3)',
    auth: 'signed-in',
    handler: async ({ services, actor }) => ({ items: (await services.assessments.register(actor)).map(presentRegisterLine) }),
  }),
  route({
    method: 'post',
    path: '/assessments',
    tag: 'reports',
    summary: 'Record an independent assessment',
    auth: 'signed-in',
    body: recordAssessmentInput,
    status: 201,
    present: presentAssessment,
    handler: ({ services, actor, body }) => services.assessments.record(actor, body),
  }),
  route({
    method: 'get',
    path: '/systems/:id/assessments',
    tag: 'reports',
    summary: "A system's assessments",
    auth: 'signed-in',
    params: byId,
    handler: async ({ services, actor, params }) => ({
      items: (await services.assessments.listForSystem(actor, params.id)).map(presentAssessment),
    }),
  }),
];

const documentRoutes: Route[] = [
  route({
    method: 'get',
    path: '/incidents/export.xlsx',
    tag: 'incidents',
    summary: 'The incident list with its filters as XLSX (streamed)',
    auth: 'signed-in',
    query: exportIncidentsQuery,
    download: XLSX,
    handler: async ({ services, actor, query, res }) => {
      res.setHeader('Content-Type', XLSX);
      res.setHeader('Content-Disposition', 'attachment; filename="su-co.xlsx"');
      res.setHeader('Cache-Control', 'no-store');
      await services.exports.streamIncidents(actor, query, res);
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:id/documents/initial-report.docx',
    tag: 'incidents',
    summary: 'Initial report (Decree 30/2020 DOCX)',
    auth: 'signed-in',
    params: byId,
    download: DOCX,
    handler: async ({ services, actor, params, res }) => {
      const { incident, bytes } = await services.exports.initialReport(actor, params.id);
      sendFile(res, DOCX, `${incident.code}-bao-cao-ban-dau.docx`, bytes);
    },
  }),
  route({
    method: 'get',
    path: '/incidents/:id/documents/closing-report.docx',
    tag: 'incidents',
    summary: 'Closing report (Decree 30/2020 DOCX)',
    auth: 'signed-in',
    params: byId,
    download: DOCX,
    handler: async ({ services, actor, params, res }) => {
      const { incident, bytes } = await services.exports.closingReport(actor, params.id);
      sendFile(res, DOCX, `${incident.code}-bao-cao-ket-thuc.docx`, bytes);
    },
  }),
];

export const leadersRoutes: Route[] = [...statsRoutes, ...reportingRoutes, ...assessmentRoutes, ...documentRoutes];
