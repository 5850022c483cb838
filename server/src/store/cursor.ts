/**
 * Opaque keyset cursors: the sort key and id of the last row of a page. This module holds the
 * part of keyset paging that does not depend on the database (decoding a cursor, cutting the
 * one extra row fetched into "there is more"); each adapter has one helper that builds its
 * query around it (sqlite/table.ts `keysetPage`, mongo/collection.ts `keysetPage`).
 */
import type { PageQuery, PageResult } from './port.js';

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

/**
 * Where the page asked for starts: null for the first page, the decoded position otherwise.
 * A cursor this server did not make (or one `isValid` refuses) throws InvalidCursorError.
 */
export function pageStart(query: PageQuery, isValid: (position: CursorPosition) => boolean = () => true): CursorPosition | null {
  if (!query.cursor) return null;
  const position = decodeCursor(query.cursor);
  if (!position || !isValid(position)) throw new InvalidCursorError();
  return position;
}

/**
 * Turns the rows of a keyset query (fetched with LIMIT `limit + 1`) into a page: the extra
 * row only says that there is more, and the cursor points after the last row kept.
 */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => CursorPosition,
  toItem: (row: Row) => T,
): PageResult<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
