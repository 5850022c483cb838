/** Opaque keyset cursors: the sort key and id of the last row of a page. */
export interface CursorPosition {
  key: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

/** Returns null for a cursor this server did not make; callers turn that into a 400. */
export function decodeCursor(cursor: string): CursorPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string')
      return { key: value[0], id: value[1] };
  } catch {
    // fall through
  }
  return null;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
  }
}
