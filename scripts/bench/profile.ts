/** Summarises a V8 .cpuprofile: where the self time went, by function and by origin. */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const origin = (url: string, fn: string) => {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return fn;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.includes('/server/src/')) return `server/${url.split('/server/src/')[1]!.split('/')[0]}`;
  if (url.includes('/shared/src/')) return 'shared';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return 'other';
};

export function summariseProfile(file: string, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + (n.hitCount ?? 0), 0);
  const busy = total - idle;
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || n.callFrame.functionName === '(idle)') continue;
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|server\/src|shared\/src)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const o = origin(n.callFrame.url, n.callFrame.functionName);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + hits);
  }
  const pct = (h: number) => Math.round((1000 * h) / Math.max(1, busy)) / 10;
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, percentOfBusy: pct(hits) }));
  return {
    file,
    busyShare: Math.round((1000 * busy) / Math.max(1, total)) / 10,
    byOrigin: sorted(byOrigin),
    byFunction: sorted(byFunction),
  };
}
