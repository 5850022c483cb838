/**
 * The hub under test, in its own process: the production composition (composeFromEnv, the
 * same wiring as `npm start`) on a temporary DATA_DIR, the demo province, and a listener on a
 * free port. Also generates stored incidents straight through the store port, in large
 * transactions, so the read figures can be taken at 10k … 1M incidents in minutes.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { EVENTS, INCIDENT_CATEGORY_CODES, SEVERITIES, vietnamYear } from '@cert-hub/shared';
import { appendAudit } from '../../server/src/audit/chain.js';
import { composeFromEnv } from '../../server/src/compose.js';
import { randomId } from '../../server/src/platform/ids.js';
import { seedDemo } from '../../server/src/demo/seed.js';
import { startServer } from '../../server/src/server.js';
import { checklistTaskId } from '../../server/src/store/incidentTasks.js';
import type { EventRecord, IncidentRecord } from '../../server/src/store/port.js';
import { serve } from './proc.js';

const { config, deps, services } = await composeFromEnv();
await seedDemo(services);
const hub = await startServer(deps, services, { port: 0, host: '127.0.0.1' });

const TITLES = [
  'Thay đổi giao diện cổng thông tin điện tử',
  'Thư lừa đảo giả mạo Sở Tài chính tỉnh Hòa Lâm',
  'Mã độc tống tiền mã hóa máy chủ tệp',
  'Tấn công từ chối dịch vụ vào cổng dịch vụ công',
  'Rò rỉ dữ liệu hồ sơ một cửa',
  'Quét cổng từ địa chỉ nước ngoài',
  'Đăng nhập trái phép hộp thư công vụ',
  'Máy trạm kết nối máy chủ điều khiển mã độc',
];
const STATUSES = ['received', 'triage', 'initial_response', 'containment', 'recovery'] as const;

let generated = 0;
/** The generated incidents' spacing in time: 1M of them span three years. */
const GENERATED_EVERY_MS = Math.round((3 * 365 * 86_400_000) / 1_000_000);

/** The lifecycle a generated incident went through to reach its status (milestones for the statistics). */
const PATH = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed'] as const;

/**
 * Generates `count` incidents. With `history`, each also gets the status changes that brought it
 * to its status (acknowledged, contained, closed at spread-out times), as worked incidents have:
 * the statistics' response times and SLA compliance then have real milestones to measure.
 */
async function generate(count: number, history = false) {
  const { store } = deps;
  const template = (await store.incidents.list({ limit: 1 })).items[0];
  if (!template) throw new Error('file one incident through the API before generating');
  const templateEvents = await store.events.listForEntity('incident', template.id, 20);
  const created = templateEvents.find((e) => e.type === EVENTS.incidentCreated);
  const eventData = JSON.stringify(created?.data ?? {});
  const routed = templateEvents.find((e) => e.type === EVENTS.incidentRouted);
  const agencies = (await store.agencies.list({ limit: 200 })).items.map((a) => a.id);
  const teams = (await store.teams.list({ limit: 200 })).items.map((t) => t.id);
  const now = deps.clock.now().getTime();
  // Each increment covers the window just older than what is stored (so the reads at each size
  // see the newest incidents), stored newest first: n counts back from now. A live hub stores
  // oldest first; inside an increment that would make every placement land between two packed
  // list-order rowids (listOrderRowids.ts shifts the whole increment each time: quadratic). So
  // the generated layout is the reverse of a live hub's: its descending list-order indexes
  // fill at their front, half full, and its search rowid maps at their end, packed —
  // storageByTable.ts also prints the figure laid out as a live hub (liveLayout.ts).
  const first = generated + 1;
  generated += count;
  const BATCH = 2000;
  for (let done = 0; done < count; done += BATCH) {
    const size = Math.min(BATCH, count - done);
    await store.transaction(async (tx) => {
      for (let k = 0; k < size; k++) {
        const n = first + done + k;
        // A random id, as the hub makes them (platform/ids.ts): id-keyed indexes fill at random.
        const id = randomId();
        // Years of history, filed one after another (one every ~95 s: 1M incidents make three
        // years): most are closed, a few are open on the board.
        const atMs = now - n * GENERATED_EVERY_MS;
        const at = new Date(atMs).toISOString();
        const open = n % 20 === 0;
        const team = teams[n % teams.length]!;
        const record: IncidentRecord = {
          ...template,
          id,
          code: generatedCode(atMs),
          agencyId: agencies[(n * 31) % agencies.length]!,
          title: `${TITLES[n % TITLES.length]} ${n}`,
          category: INCIDENT_CATEGORY_CODES[n % INCIDENT_CATEGORY_CODES.length]!,
          status: open ? STATUSES[n % STATUSES.length]! : 'closed',
          severity: SEVERITIES[n % SEVERITIES.length]!,
          serious: n % 50 === 0,
          routing: {
            teamId: team,
            ruleId: null,
            informedTeamIds: n % 3 === 0 ? [teams[(n + 1) % teams.length]!] : [],
            assigneeIds: [],
            teamIds: n % 3 === 0 ? [team, teams[(n + 1) % teams.length]!] : [team],
            reasons: [],
          },
          reportedAt: at,
          detectedAt: at,
          statusChangedAt: at,
          createdAt: at,
          updatedAt: at,
          version: 1,
          // Its checklist's task ids derive from its own id, as intake's do.
          tasks: template.tasks.map((task, k) => ({ ...task, id: checklistTaskId(id, k) })),
        };
        await tx.incidents.insert(record);
        const data = JSON.parse(eventData.replaceAll(template.id, id).replaceAll(template.code, record.code)) as Record<string, unknown>;
        // What intake records beside the incident: its creation and routing events, each with
        // its audit-chain entry.
        for (const event of [
          { type: EVENTS.incidentCreated, data },
          // The routing decision as intake records it: the generated routing, the template's rule.
          { type: EVENTS.incidentRouted, data: { ...routed?.data, ...record.routing } as Record<string, unknown> },
        ]) {
          const stored = await tx.events.append({
            ...event,
            entity: 'incident',
            entityId: id,
            incidentId: id,
            version: 1,
            at,
            actorId: created?.actorId ?? null,
          } satisfies Omit<EventRecord, 'seq'>);
          await appendAudit(tx, stored);
        }
        if (history)
          for (let step = 1; step <= PATH.indexOf(record.status as (typeof PATH)[number]); step++) {
            // Minutes to days between moves, varying by incident.
            const changedAt = new Date(Date.parse(at) + step * (60_000 + ((n * 7_919 * step) % 86_400) * 1000)).toISOString();
            const stored = await tx.events.append({
              type: EVENTS.incidentStatusChanged,
              entity: 'incident',
              entityId: id,
              incidentId: id,
              version: 1 + step,
              at: changedAt,
              actorId: created?.actorId ?? null,
              data: { from: PATH[step - 1], to: PATH[step], severity: record.severity, category: record.category, reason: null },
            });
            await appendAudit(tx, stored);
          }
      }
    });
  }
  return { total: await store.incidents.count() };
}

/**
 * A generated incident's code, shaped and ordered as intake's (`SC-<year>-<sequence>`, the
 * sequence counting up through the Vietnamese year): its rank in the year on the generator's
 * grid. The prefix differs so that reports filed through the API during a bench (the year's
 * counter) never collide with a generated code.
 */
function generatedCode(atMs: number): string {
  const year = vietnamYear(new Date(atMs));
  const yearStart = Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS;
  const sequence = Math.floor((atMs - yearStart) / GENERATED_EVERY_MS) + 1;
  return `BM-${year}-${String(sequence).padStart(6, '0')}`;
}
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The store's size on disk once its write-ahead log is checkpointed into the main file (the
 * log is a reusable buffer as large as the biggest transaction — the generator's batches —
 * not storage that grows with the incidents).
 */
function storeBytes() {
  if (deps.store.kind !== 'sqlite') return null;
  const file = path.join(config.dataDir, 'cert-hub.sqlite');
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

serve({
  rss: async () => ({ rss: process.memoryUsage().rss }),
  cpu: async () => ({ micros: process.cpuUsage().user + process.cpuUsage().system }),
  generate: async (m) => generate(Number(m.count), m.history === true),
  storage: async () => ({ bytes: storeBytes(), incidents: await deps.store.incidents.count() }),
  stop: async () => {
    await hub.close();
    await deps.store.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready', port: hub.port });
