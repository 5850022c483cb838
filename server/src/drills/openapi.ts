/** The drill endpoints for the OpenAPI document (server/src/openapi/document.ts), from the shared schemas. */
import type { z } from 'zod';
import {
  copyDrillInput,
  createDrillInput,
  drillActionInput,
  drillPlanInput,
  externalDrillInput,
  lessonInput,
  listDrillsQuery,
  observationInput,
  scoreInput,
  setParticipantsInput,
  updateLessonInput,
} from '@cert-hub/shared';

export const DRILL_OPERATIONS: {
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
}[] = [
  { method: 'get', path: '/drills', summary: 'Drills (of a year)', tag: 'drills', query: listDrillsQuery },
  { method: 'post', path: '/drills', summary: 'Plan a drill with its injects', tag: 'drills', body: createDrillInput },
  {
    method: 'post',
    path: '/drills/external',
    summary: 'Record a drill held elsewhere, with results per agency',
    tag: 'drills',
    body: externalDrillInput,
  },
  { method: 'get', path: '/drills/years/{year}', summary: 'The leaders’ year view (R4: who took part and who did not)', tag: 'drills' },
  { method: 'get', path: '/drills/plans/{year}', summary: 'The annual drill plan', tag: 'drills' },
  { method: 'put', path: '/drills/plans/{year}', summary: 'Set the annual drill plan', tag: 'drills', body: drillPlanInput },
  { method: 'get', path: '/drills/{id}', summary: 'One drill', tag: 'drills' },
  ...(['start', 'pause', 'resume', 'end', 'close'] as const).map((action) => ({
    method: 'post' as const,
    path: `/drills/{id}/${action}`,
    summary: `Drill controller: ${action}`,
    tag: 'drills',
    body: drillActionInput,
  })),
  {
    method: 'get',
    path: '/drills/{id}/metrics',
    summary: 'Per inject and team: time to acknowledge, leave triage, contain, close; tasks done',
    tag: 'drills',
  },
  { method: 'get', path: '/drills/{id}/report.docx', summary: 'After-action report (Decree 30/2020 DOCX)', tag: 'drills' },
  { method: 'post', path: '/drills/{id}/copy', summary: 'Copy a drill into another year', tag: 'drills', body: copyDrillInput },
  {
    method: 'put',
    path: '/drills/{id}/participants',
    summary: 'Named participants with attendance',
    tag: 'drills',
    body: setParticipantsInput,
  },
  { method: 'post', path: '/drills/{id}/scores', summary: 'An evaluator scores an objective', tag: 'drills', body: scoreInput },
  { method: 'post', path: '/drills/{id}/observations', summary: 'An evaluator’s observation', tag: 'drills', body: observationInput },
  { method: 'post', path: '/drills/{id}/lessons', summary: 'A lesson learned with owner and due date', tag: 'drills', body: lessonInput },
  {
    method: 'patch',
    path: '/drills/{id}/lessons/{lessonId}',
    summary: 'Track a lesson until done',
    tag: 'drills',
    body: updateLessonInput,
  },
];
