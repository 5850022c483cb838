/** The leaders' endpoints (issue #10) for the OpenAPI document, from the same shared schemas the routes use. */
import * as schemas from '@cert-hub/shared';

export const LEADERS_OPERATIONS = [
  {
    method: 'get',
    path: '/stats',
    summary: 'Statistics of real incidents for a period (dashboard)',
    tag: 'reports',
    query: schemas.statsQuery,
  },
  { method: 'get', path: '/stats/export.xlsx', summary: 'The dashboard tables as XLSX', tag: 'reports', query: schemas.statsQuery },
  {
    method: 'get',
    path: '/compliance',
    summary: 'Who is behind (R1, R3, R5, R6) for a year',
    tag: 'reports',
    query: schemas.complianceQuery,
  },
  { method: 'get', path: '/reports/types', summary: 'Configured report types', tag: 'reports' },
  { method: 'get', path: '/reports/annual/{file}', summary: "The province's annual report as DOCX (`2026.docx`)", tag: 'reports' },
  {
    method: 'get',
    path: '/reports/rounds',
    summary: 'Report rounds, newest deadline first',
    tag: 'reports',
    query: schemas.listRoundsQuery,
  },
  {
    method: 'post',
    path: '/reports/rounds',
    summary: 'Open a round to agencies (coordinator)',
    tag: 'reports',
    body: schemas.openRoundInput,
  },
  { method: 'get', path: '/reports/rounds/{id}', summary: 'A round: who submitted, who is late', tag: 'reports' },
  { method: 'get', path: '/reports/rounds/{id}/consolidated', summary: "The answers gathered: the province's draft", tag: 'reports' },
  {
    method: 'put',
    path: '/reports/rounds/{id}/submission',
    summary: "Save or submit the caller's agency answer",
    tag: 'reports',
    body: schemas.submissionInput,
  },
  { method: 'get', path: '/reports/mine', summary: "Rounds the focal point's agency still owes, with reminders", tag: 'reports' },
  { method: 'get', path: '/assessments', summary: 'Level 3+ systems with their last assessment and next due date (R3)', tag: 'reports' },
  {
    method: 'post',
    path: '/assessments',
    summary: 'Record an independent assessment',
    tag: 'reports',
    body: schemas.recordAssessmentInput,
  },
  { method: 'get', path: '/systems/{id}/assessments', summary: "A system's assessments", tag: 'reports' },
  {
    method: 'get',
    path: '/incidents/export.xlsx',
    summary: 'The incident list with its filters as XLSX (streamed)',
    tag: 'incidents',
    query: schemas.exportIncidentsQuery,
  },
  {
    method: 'get',
    path: '/incidents/{id}/documents/initial-report.docx',
    summary: 'Initial report (Decree 30/2020 DOCX)',
    tag: 'incidents',
  },
  {
    method: 'get',
    path: '/incidents/{id}/documents/closing-report.docx',
    summary: 'Closing report (Decree 30/2020 DOCX)',
    tag: 'incidents',
  },
] as const;
