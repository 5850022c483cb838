/**
 * Drill use cases (R4, domain §6), one object for the routes, the scheduler and the leaders'
 * views: planning (planning.ts), running with injects firing as real intake (running.ts),
 * measuring and evaluating (evaluation.ts) and the year view (year.ts), over one versioned
 * drill write (records.ts). Every change goes through commit() with a `drill.*` event;
 * services return records and the routes present them.
 */
import type { IncidentService } from '../incidents/service.js';
import type { ServiceDeps } from '../platform/unitOfWork.js';
import { DrillEvaluation } from './evaluation.js';
import { DrillPlanning } from './planning.js';
import { DrillRecords } from './records.js';
import { DrillRunner } from './running.js';
import { DrillYear } from './year.js';

export { nextDueOf } from './records.js';
export type { YearSummary } from './year.js';

export class DrillService {
  // planning
  readonly list: DrillRecords['list'];
  readonly get: DrillRecords['get'];
  readonly create: DrillPlanning['create'];
  readonly copy: DrillPlanning['copy'];
  readonly setParticipants: DrillPlanning['setParticipants'];
  readonly getPlan: DrillPlanning['getPlan'];
  readonly setPlan: DrillPlanning['setPlan'];
  readonly recordExternal: DrillPlanning['recordExternal'];
  // running
  readonly act: DrillRunner['act'];
  readonly fireDue: DrillRunner['fireDue'];
  // measuring and evaluating
  readonly metrics: DrillEvaluation['metrics'];
  readonly score: DrillEvaluation['score'];
  readonly observe: DrillEvaluation['observe'];
  readonly addLesson: DrillEvaluation['addLesson'];
  readonly updateLesson: DrillEvaluation['updateLesson'];
  readonly reportDocx: DrillEvaluation['reportDocx'];
  // the year, for leaders
  readonly participatingAgencyIds: DrillYear['participatingAgencyIds'];
  readonly year: DrillYear['year'];

  constructor(deps: ServiceDeps, incidents: IncidentService) {
    const records = new DrillRecords(deps);
    const planning = new DrillPlanning(deps, records);
    const runner = new DrillRunner(deps, records, incidents);
    const evaluation = new DrillEvaluation(deps, records);
    const year = new DrillYear(deps);
    this.list = records.list.bind(records);
    this.get = records.get.bind(records);
    this.create = planning.create.bind(planning);
    this.copy = planning.copy.bind(planning);
    this.setParticipants = planning.setParticipants.bind(planning);
    this.getPlan = planning.getPlan.bind(planning);
    this.setPlan = planning.setPlan.bind(planning);
    this.recordExternal = planning.recordExternal.bind(planning);
    this.act = runner.act.bind(runner);
    this.fireDue = runner.fireDue.bind(runner);
    this.metrics = evaluation.metrics.bind(evaluation);
    this.score = evaluation.score.bind(evaluation);
    this.observe = evaluation.observe.bind(evaluation);
    this.addLesson = evaluation.addLesson.bind(evaluation);
    this.updateLesson = evaluation.updateLesson.bind(evaluation);
    this.reportDocx = evaluation.reportDocx.bind(evaluation);
    this.participatingAgencyIds = year.participatingAgencyIds.bind(year);
    this.year = year.year.bind(year);
  }
}
