import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, apiUpload, authorizedFetch, downloadFile, session } from './client.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const login = (token: string) => ({ accessToken: token, user: { id: 'u1', username: 'a', displayName: 'A', role: 'responder' } });

/** A stand-in hub: accepts only the token "fresh"; a refresh hands it out. Records every request. */
function hub() {
  const seen: { path: string; auth: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const auth = new Headers(init.headers).get('Authorization');
      seen.push({ path: url, auth });
      if (url === '/api/auth/refresh') return Promise.resolve(json(200, login('fresh')));
      if (auth !== 'Bearer fresh') return Promise.resolve(json(401, { error: { code: 'unauthenticated', message: 'no' } }));
      return Promise.resolve(url.endsWith('.bin') ? new Response('bytes') : json(200, { ok: true }));
    }),
  );
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
  session.set(null);
});

describe('one fetch-with-refresh for every kind of request', () => {
  it.each([
    ['api', () => api('/incidents')],
    ['apiUpload', () => apiUpload('/incidents/i1/attachments', new File(['x'], 'a.txt'))],
    ['downloadFile', () => downloadFile('/incidents/i1/attachments/f.bin', 'f.bin')],
    ['authorizedFetch', () => authorizedFetch('/incidents/export.xlsx').then((r) => expect(r.status).toBe(200))],
  ])('%s: an expired token refreshes once and the request is repeated with the new token', async (_name, call) => {
    session.set(login('stale') as never);
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    const seen = hub();
    await call();
    expect(seen.map((s) => s.path.split('/').slice(0, 3).join('/'))).toEqual(['/api/incidents', '/api/auth', '/api/incidents']);
    expect(seen[0]!.auth).toBe('Bearer stale');
    expect(seen[2]!.auth).toBe('Bearer fresh');
  });

  it('sign-in is never retried through a refresh', async () => {
    const seen = hub();
    await expect(api('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 401 });
    expect(seen.map((s) => s.path)).toEqual(['/api/auth/login']);
  });
});
