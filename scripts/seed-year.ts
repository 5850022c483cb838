/**
 * `npm run seed:year -- [year] [count]`: files a year of fictional incidents (default: this
 * year, 600) for the demo province, with realistic status histories, through the same
 * incident service the API uses — for the leaders' dashboard. Run `npm run seed:demo` first.
 */
import { createServices } from '../server/src/app.js';
import { composeFromEnv } from '../server/src/compose.js';
import { generateYearOfIncidents } from '../server/src/demo/yearOfIncidents.js';
import { FakeClock } from '../server/src/platform/clock.js';

const year = Number(process.argv[2] ?? new Date().getUTCFullYear());
const count = Number(process.argv[3] ?? 600);
if (!Number.isInteger(year) || year < 2000 || year > 2100 || !Number.isInteger(count) || count < 1 || count > 20_000) {
  process.stderr.write('Usage: npm run seed:year -- [year 2000-2100] [count 1-20000]\n');
  process.exit(2);
}
const { deps } = await composeFromEnv();
// The incidents are filed and worked at their own (past) times: the services run on a clock
// the generator moves.
const clock = new FakeClock();
const services = createServices({ ...deps, clock });
const plan = await generateYearOfIncidents(services, deps.store, clock, { year, count });
await deps.store.close();
process.stdout.write(`Filed ${plan.length} incidents for ${year} (${plan.filter((p) => p.drill).length} marked as drill injects).\n`);
