/** `npm run seed:demo`: fills DATA_DIR (or MONGODB_URI) with the demo province. */
import { composeFromEnv } from '../server/src/compose.js';
import { DEMO_PASSWORD, USERS } from '../server/src/demo/province.js';
import { seedDemo } from '../server/src/demo/seed.js';

const { config, deps, services } = await composeFromEnv();
if (config.env === 'production' && !process.argv.includes('--allow-production')) {
  process.stderr.write('Refusing to load demo accounts with a known password into a production hub.\n');
  process.exit(2);
}
const summary = await seedDemo(services);
await deps.store.close();
process.stdout.write(
  `Demo province ready (${deps.store.kind}). Created: ${summary.agencies} agencies, ${summary.systems} systems, ` +
    `${summary.teams} teams, ${summary.users} accounts.\n` +
    `Accounts (password ${DEMO_PASSWORD}): ${USERS.map((u) => u.username).join(', ')}\n`,
);
