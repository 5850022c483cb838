/**
 * The migration that makes report types stored records, seeded with the demo province's
 * types (the shared `DEFAULT_REPORT_TYPES`, as set in the seeds) so that existing rounds and
 * the console's choices stay as they were. MongoDB gets the same seed at boot
 * (`ReportTypeService.ensureDefaults`).
 */
import { seededReportTypes } from '../reportTypes.js';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export const REPORT_TYPES_MIGRATION = `
  CREATE TABLE report_types (code TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  ${seededReportTypes()
    .map((t) => `INSERT INTO report_types (code, version, doc) VALUES (${quote(t.code)}, 1, ${quote(JSON.stringify(t))});`)
    .join('\n  ')}
`;
