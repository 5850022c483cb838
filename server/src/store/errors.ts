/**
 * Port-level store errors. Adapters translate their driver's codes (MongoDB 11000, SQLite
 * constraint codes) into these, so services never see which database is behind the port.
 */
export class DuplicateKeyError extends Error {
  readonly code = 'DUPLICATE_KEY';
  constructor(message = 'a record with the same unique key already exists', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DuplicateKeyError';
  }
}

/** The disk holding the store (or the attachments) is full: nothing of the write was kept. */
export class StorageFullError extends Error {
  readonly code = 'STORAGE_FULL';
  constructor(message = 'the disk holding the store is full', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}

/** Another process held the database lock for longer than the store waits: retry later. */
export class StoreBusyError extends Error {
  readonly code = 'STORE_BUSY';
  constructor(message = 'the store is busy', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreBusyError';
  }
}

/** A file-system error meaning the disk is full (attachments, temp files, the database). */
export const isDiskFull = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
};

/**
 * Wraps every method of every repository so that a driver error is rethrown as the port's
 * error (`translate` returns the error unchanged when it is not one the port names).
 */
export function translateErrors<T extends object>(repos: T, translate: (error: unknown) => unknown): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repo] of Object.entries(repos)) {
    wrapped[name] = new Proxy(repo as object, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        // A streaming read (async generator) must stay async-iterable, not become a promise.
        if (Object.prototype.toString.call(value) === '[object AsyncGeneratorFunction]')
          return async function* (...args: unknown[]) {
            try {
              yield* (value as (...a: unknown[]) => AsyncIterable<unknown>).apply(target, args);
            } catch (error) {
              throw translate(error);
            }
          };
        return async (...args: unknown[]) => {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (error) {
            throw translate(error);
          }
        };
      },
    });
  }
  return wrapped as T;
}
