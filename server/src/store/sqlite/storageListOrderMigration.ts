/**
 * Storage per incident (issue #11, ≤ 3 KB per incident with its events), one migration:
 *
 * - the incidents' search indexes number incidents densely in list order (listOrderRowids.ts),
 *   so their postings' rowid deltas are one-byte varints (~540 B less per incident);
 * - the statistics rows lose their reporting-time index (~90 B): a range of them is read along
 *   the incidents' list-order index (a reporting-time range is a sort-key range), each row by
 *   its key, as that index had it read (statsAggregates.ts `listStatsRows`);
 * - likewise the incidents' (is_drill, reported_at) index (~65 B): the figures recomputed from
 *   incidents (reports.ts) read a range along the list-order index.
 */
import { LIST_ORDER_ROWIDS_MIGRATION } from './listOrderRowids.js';

export const STORAGE_LIST_ORDER_MIGRATION = `
  ${LIST_ORDER_ROWIDS_MIGRATION}
  DROP INDEX IF EXISTS incident_stats_reported;
  DROP INDEX IF EXISTS incidents_reported;
`;
