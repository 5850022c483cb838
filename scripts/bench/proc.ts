/**
 * The bench runs every server (the hub and the floors) in its own Node process, so the load
 * generator's CPU is not counted as the server's and each can be profiled on its own.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '../..');

export interface Child {
  process: ChildProcess;
  port: number;
  ask: <T>(message: Record<string, unknown>) => Promise<T>;
  stop: () => Promise<void>;
}

let nextId = 1;

export async function startChild(file: string, args: string[], env: Record<string, string> = {}, execArgv: string[] = []): Promise<Child> {
  const child = fork(path.join(benchDir, file), args, {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    // Request logs go nowhere (as to a log file nobody reads), errors stay visible.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  child.on('message', (m: { id?: number; result?: unknown }) => {
    if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)!(m.result);
      pending.delete(m.id);
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number }) =>
      m.type === 'ready' ? resolve(m.port!) : reject(new Error('bad start')),
    );
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
  return {
    process: child,
    port,
    ask: <T>(message: Record<string, unknown>) =>
      new Promise<T>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (value: unknown) => void);
        child.send({ ...message, id });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

/** Inside a child: answer the parent's questions. */
export function serve(handlers: Record<string, (m: Record<string, unknown>) => Promise<unknown>>) {
  process.on('message', (m: Record<string, unknown> & { id: number; type: string }) => {
    const handler = handlers[m.type];
    if (!handler) return;
    void handler(m).then((result) => process.send?.({ id: m.id, result }));
  });
}
