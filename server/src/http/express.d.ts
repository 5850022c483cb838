import type { Actor } from '../auth/actor.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by `authenticate`: who is calling, loaded fresh from the store. */
      actor?: Actor;
      /** Set by `validate`: the parsed body, query and params. */
      valid?: unknown;
    }
  }
}
export {};
