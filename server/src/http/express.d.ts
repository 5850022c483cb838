import type { Actor } from '../auth/actor.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate`: who is calling, loaded fresh from the store. */
      actor?: Actor;
      /** Set by the validate step of http/route.ts: the parsed body, query, params and Idempotency-Key. */
      valid?: unknown;
    }
  }
}
export {};
