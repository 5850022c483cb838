/** Serialises async work: one SQLite connection can hold one transaction at a time. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Names of repository methods that only read; everything else writes. */
export const isReadMethod = (name: string) => /^(get|list|count|last)/.test(name);

/**
 * Wraps every writing method of every repository so that a write made outside a
 * transaction waits for the running one instead of landing inside it.
 */
export function serialiseWrites<T extends object>(repos: T, mutex: Mutex, afterWrite?: () => Promise<void>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(repos)) {
    wrapped[name] = new Proxy(repo as object, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || isReadMethod(prop)) return value;
        const write = (...args: unknown[]) => mutex.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        // A write on its own commits by itself: answered once that commit is durable too.
        return afterWrite ? (...args: unknown[]) => write(...args).then(async (result) => (await afterWrite(), result)) : write;
      },
    });
  }
  return wrapped as T;
}

/**
 * Makes every read method wait for `ready()` first (the SQLite adapter: until everything
 * committed so far is on disk, so a read never shows what a power cut could still undo).
 */
export function readsAfter<T extends object>(repos: T, ready: () => Promise<void>): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(repos)) {
    wrapped[name] = new Proxy(repo as object, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || !isReadMethod(prop)) return value;
        const read = value as (...a: unknown[]) => unknown;
        // A streaming read (async generator) must stay async-iterable.
        if (Object.prototype.toString.call(value) === '[object AsyncGeneratorFunction]')
          return async function* (...args: unknown[]) {
            await ready();
            yield* read.apply(target, args) as AsyncIterable<unknown>;
          };
        return async (...args: unknown[]) => {
          await ready();
          return read.apply(target, args);
        };
      },
    });
  }
  return wrapped as T;
}

/** Like serialiseWrites for the read methods: a read waits for the running transaction. */
export function serialiseReads<T extends object>(repos: T, mutex: Mutex): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(repos)) {
    wrapped[name] = new Proxy(repo as object, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || !isReadMethod(prop)) return value;
        return (...args: unknown[]) => mutex.run(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  }
  return wrapped as T;
}

/** Read methods from `reads`, everything else from `writes` (same repository names). */
export function readsFrom<T extends object>(reads: T, writes: T): T {
  const combined: Record<string, unknown> = {};
  for (const [name, writeRepo] of Object.entries(writes)) {
    const readRepo = (reads as Record<string, object>)[name]!;
    combined[name] = new Proxy(writeRepo as object, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && isReadMethod(prop)) return Reflect.get(readRepo, prop) as unknown;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  }
  return combined as T;
}
