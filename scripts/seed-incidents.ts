/**
 * `npm run seed:incidents -- <count>`: files <count> fictional incidents (default 200) for the
 * demo province through the same service the API uses, to try the live board under load.
 * Run `npm run seed:demo` first.
 */
import { createIncidentInput, INCIDENT_CATEGORIES } from '@cert-hub/shared';
import { actorOf } from '../server/src/auth/actor.js';
import { composeFromEnv } from '../server/src/compose.js';

const count = Number(process.argv[2] ?? 200);
if (!Number.isInteger(count) || count < 1 || count > 50_000) {
  process.stderr.write('Usage: npm run seed:incidents -- <count (1-50000)>\n');
  process.exit(2);
}
const { deps, services } = await composeFromEnv();
const responder = await deps.store.users.getByUsername('responder');
if (!responder) {
  process.stderr.write('Run npm run seed:demo first.\n');
  process.exit(2);
}
const actor = actorOf(responder, null);
const agencies = (await deps.store.agencies.list({ limit: 200 })).items;
const now = deps.clock.now().getTime();
for (let i = 0; i < count; i++) {
  const category = INCIDENT_CATEGORIES[i % INCIDENT_CATEGORIES.length]!;
  const agency = agencies[i % agencies.length]!;
  await services.incidents.create(
    actor,
    createIncidentInput.parse({
      agencyId: agency.id,
      title: `${category.vi} tại ${agency.name} (#${i + 1})`,
      category: category.code,
      description: 'Sự cố được tạo tự động để thử bảng điều phối.',
      detectedAt: new Date(now - (i % 72) * 3_600_000).toISOString(),
      systemLevel: (i % 5) + 1,
      impacts: i % 7 === 0 ? ['service_interruption'] : [],
    }),
    null,
  );
}
await deps.store.close();
process.stdout.write(`Filed ${count} incidents.\n`);
