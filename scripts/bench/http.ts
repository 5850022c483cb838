/** Tiny HTTP helpers for the bench (Node's fetch, keep-alive by default). */
export interface Session {
  token: string;
  user: { id: string; agencyId: string | null; teamIds: string[] };
}

export async function login(base: string, username: string, password = 'Demo@12345'): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const body = (await res.json()) as { accessToken: string; user: Session['user'] };
  return { token: body.accessToken, user: body.user };
}

export async function getJson<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One report of the national form, as an agency's focal point files it. */
export const reportBody = (agencyId: string, n: number) => ({
  agencyId,
  title: `Thư lừa đảo giả mạo lãnh đạo tỉnh số ${n}`,
  category: 'phishing',
  description: 'Nhiều cán bộ nhận thư giả mạo yêu cầu chuyển tiền; đã chặn tên miền gửi thư.',
  detectedAt: '2026-11-19T08:30:00+07:00',
  impacts: [],
  indicators: [
    { type: 'domain', value: 'hoalam-gov.example' },
    { type: 'ip', value: '203.0.113.7' },
  ],
  actionsTaken: 'Chặn tên miền trên cổng thư',
  supportRequested: true,
  tlp: 'amber',
});

export const now = () => performance.now();
