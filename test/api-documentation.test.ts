/**
 * The endpoint list must agree in the three places people read it: what Express mounts, the
 * OpenAPI document (`GET /api/openapi.json`, built from the route declarations) and the README's
 * API table. A route mounted the old way (not declared with http/route.ts), a declaration
 * missing from the README, or a README row for a route that does not exist fails here, naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../server/src/testing/testHub.js';
import { documentedRoutes, mountedRoutes, readmeRoutes } from './helpers/routes.js';

const README = path.join(import.meta.dirname, '..', 'README.md');
const missingFrom = (from: string[], expected: string[]) => expected.filter((r) => !from.includes(r)).sort();

let hub: TestHub;
let mounted: string[];
let documented: string[];
beforeAll(async () => {
  hub = createTestHub();
  mounted = mountedRoutes(hub.app);
  const res = await hub.http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  documented = documentedRoutes(res.body);
});
afterAll(() => hub.close());

describe('the endpoint list', () => {
  it('is found in all three places', () => {
    // A broken walker or parser would make every comparison below pass vacuously.
    expect(mounted.length).toBeGreaterThan(100);
    expect(mounted).toContain('PATCH /api/incidents/:id');
    expect(documented.length).toBeGreaterThan(100);
    expect(readmeRoutes(fs.readFileSync(README, 'utf8'))).toContain('POST /api/auth/refresh');
  });

  it('documents every mounted route in the OpenAPI document, and nothing else', () => {
    expect({ undocumented: missingFrom(documented, mounted), notMounted: missingFrom(mounted, documented) }).toEqual({
      undocumented: [],
      notMounted: [],
    });
  });

  it('lists every mounted route in the README API table, and nothing else', () => {
    const listed = readmeRoutes(fs.readFileSync(README, 'utf8'));
    expect({ missingFromReadme: missingFrom(listed, mounted), notMounted: missingFrom(mounted, listed) }).toEqual({
      missingFromReadme: [],
      notMounted: [],
    });
  });
});

describe('the README table parser', () => {
  it('reads methods, sibling paths, optional tails and ignores other code spans', () => {
    const table = [
      '| endpoint | what |',
      '| --- | --- |',
      '| `GET/POST /api/things?q=` | list, add |',
      '| `POST /api/auth/login` · `/refresh`, `GET /api/x/:id[/history]` `{ version }` | … |',
      '',
      '| `GET /api/not-in-the-table` | |',
    ].join('\n');
    expect(readmeRoutes(table).sort()).toEqual(
      [
        'GET /api/things',
        'POST /api/things',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'GET /api/x/:id',
        'GET /api/x/:id/history',
      ].sort(),
    );
  });
});
