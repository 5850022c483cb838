import crypto from 'node:crypto';

export type IdFactory = () => string;

/** Random ids that are safe in URLs and identical in both stores. */
export const randomId: IdFactory = () => crypto.randomUUID();
