import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@cert-hub/shared';
import { boardFilters, columnPath, FETCHED_COLUMNS, prefetchBoard, takePrefetched } from './boardQuery.js';

const responder = { id: 'u1', username: 'responder', displayName: 'R', role: 'responder' } as SessionUser;
const focalPoint = { id: 'u2', username: 'focal', displayName: 'F', role: 'focal_point' } as SessionUser;
const page = (status: string) => ({ items: [{ id: `${status}-1` }], nextCursor: null, lastSeq: 7 });

/** A stand-in hub answering every column's page; records the paths asked for. */
function hub(status = 200) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      asked.push(url);
      const column = new URL(url, 'http://x').searchParams.get('status') ?? '';
      const body = status === 200 ? page(column) : { error: { code: 'internal', message: 'down' } };
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    }),
  );
  return asked;
}

afterEach(async () => {
  // Nothing asked for early survives into the next case (taken while the stand-in still answers).
  hub();
  const taken = FETCHED_COLUMNS.map((status) =>
    takePrefetched(columnPath(status, boardFilters(new URLSearchParams()), responder.id, null)),
  );
  await Promise.all(taken.filter((p) => p !== null));
  vi.unstubAllGlobals();
});

describe("the board's first pages, asked for when the session starts", () => {
  it('asks for every column with the filters in the address, and hands each page over once', async () => {
    const asked = hub();
    prefetchBoard('/board?team=t1&mine=true', responder);
    expect(asked).toHaveLength(FETCHED_COLUMNS.length);
    const filters = boardFilters(new URLSearchParams('team=t1&mine=true'));
    expect(filters).toMatchObject({ team: 't1', mine: true, serious: false, kind: 'all' });
    const path = columnPath('received', filters, responder.id, null);
    expect(asked).toContain(`/api${path}`);
    expect(path).toContain('assigneeId=u1');
    await expect(takePrefetched(path)).resolves.toEqual(page('received'));
    expect(takePrefetched(path)).toBeNull(); // the board asks itself for anything later
    expect(asked).toHaveLength(FETCHED_COLUMNS.length);
  });

  it('asks for nothing when the user lands elsewhere or may not see the board', () => {
    const asked = hub();
    prefetchBoard('/incidents', responder);
    prefetchBoard('/board', focalPoint);
    expect(asked).toEqual([]);
  });

  it('asks again when the early request failed', async () => {
    hub(500);
    prefetchBoard('/board', responder);
    const path = columnPath('triage', boardFilters(new URLSearchParams()), responder.id, null);
    const asked = hub(200);
    await expect(takePrefetched(path)).resolves.toEqual(page('triage'));
    expect(asked).toEqual([`/api${path}`]);
  });
});
