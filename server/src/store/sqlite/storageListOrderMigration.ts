/**
 * Storage per incident (issue #11, ≤ 3 KB per incident with its events), one migration:
 *
 * - the incidents' search indexes number incidents densely in list order (listOrderRowids.ts),
 *   so their postings' rowid deltas are one-byte varints (~540 B less per incident);
 * - the statistics rows lose their reporting-time index (~90 B): a range of them is read along
 *   the incidents' list-order index (a reporting-time range is a sort-key range), each row by
 *   its key, as that index had it read (statsAggregates.ts `listStatsRows`);
 * - likewise the incidents' (is_drill, reported_at) index (~65 B): the figures recomputed from
 *   incidents (reports.ts) read a range along the list-order index;
 * - the list-order indexes keep the sort key (and id) descending: the sort key counts reporting
 *   time down, so a live hub's every new incident had the smallest key and split the indexes'
 *   first pages, leaving them about half full (~420 B per incident at 100k, measured on a store
 *   filled oldest first); descending, new incidents append at the end and pages fill. Reads in
 *   list order walk them backwards, with the same ranges and no sort step.
 */
import { LIST_ORDER_ROWIDS_MIGRATION } from './listOrderRowids.js';

/** The list-order indexes as they were, with sort key and id descending. */
const LIST_ORDER_INDEXES: [string, string][] = [
  ['incidents_sort', 'incidents (sort_key DESC, id DESC)'],
  ['incidents_agency_sort', 'incidents (agency_id, sort_key DESC, id DESC)'],
  ['incidents_status_sort', 'incidents (status, sort_key DESC, id DESC)'],
  ['incidents_category_sort', 'incidents (category, sort_key DESC, id DESC)'],
  ['incidents_severity_sort', 'incidents (severity, sort_key DESC, id DESC)'],
  ['incidents_serious_sort', 'incidents (sort_key DESC, id DESC) WHERE serious = 1'],
  ['incidents_drill_sort', 'incidents (is_drill, sort_key DESC, id DESC) WHERE is_drill = 1'],
  ['incidents_open_sort', 'incidents (sort_key DESC, id DESC) WHERE is_open = 1'],
  ['incident_teams_team_sort', 'incident_teams (team_id, incident_sort_key DESC, incident_id DESC)'],
  ['incident_teams_team_open_sort', 'incident_teams (team_id, incident_sort_key DESC, incident_id DESC) WHERE incident_open = 1'],
];

export const STORAGE_LIST_ORDER_MIGRATION = `
  ${LIST_ORDER_ROWIDS_MIGRATION}
  DROP INDEX IF EXISTS incident_stats_reported;
  DROP INDEX IF EXISTS incidents_reported;
  ${LIST_ORDER_INDEXES.map(([name]) => `DROP INDEX ${name};`).join('\n  ')}
  ${LIST_ORDER_INDEXES.map(([name, definition]) => `CREATE INDEX ${name} ON ${definition};`).join('\n  ')}
`;
