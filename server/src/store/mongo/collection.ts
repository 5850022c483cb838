/**
 * What every MongoDB repository shares: document ↔ record mapping (the record's key is the
 * document's `_id`; derived search/sort fields are stripped on the way out), the one keyset
 * pager of this adapter, and `DocCollection` for the versioned, searchable aggregates.
 * Every call passes the transaction's session (undefined outside a transaction).
 */
import type { ClientSession, Model } from 'mongoose';
import { normalizeSearch } from '@cert-hub/shared';
import { pageStart, toPage } from '../cursor.js';
import type { PageQuery, PageResult } from '../port.js';

export type Filter = Record<string, unknown>;
export type StoredDoc = Record<string, unknown>;
export type AnyModel = Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Keyed = { sortKey: string; searchText: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stored document as the port's record: `_id` back to `id`, the derived search fields dropped. */
export function toRecord<T>(doc: StoredDoc | null): T | null {
  if (!doc) return null;
  const { _id, sortKey: _s, searchText: _t, ...rest } = doc;
  return { id: _id, ...rest } as T;
}

/** For records whose key is one of their own fields (a sector's code, a playbook's category): `_id` is dropped. */
export function withoutId<T>(doc: StoredDoc | null): T | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return rest as T;
}

/** `{ id, ...rest }` as `{ _id: id, ...rest }`, the way a record is inserted. */
export function withId<R extends { id: string }>(record: R) {
  const { id, ...rest } = record;
  return { _id: id, ...rest };
}

/** One stored document matching `filter`, read in the session (null when none). */
export const findDoc = (model: AnyModel, filter: Filter, session: ClientSession | undefined) =>
  model
    .findOne(filter)
    .session(session ?? null)
    .lean<StoredDoc>()
    .exec();

/** The stored documents matching `filter`, in `sort` order, read in the session. */
export const findDocs = (model: AnyModel, filter: Filter, sort: Record<string, 1 | -1>, session: ClientSession | undefined) =>
  model
    .find(filter)
    .sort(sort)
    .session(session ?? null)
    .lean<StoredDoc[]>()
    .exec();

/**
 * Keyset pagination over (`key`, _id) — the one pager of the MongoDB adapter, ascending unless
 * `direction` is -1. `filter` holds the query's conditions; the page is read with one extra
 * document to know whether there is more.
 */
export async function keysetPage<T>(
  model: AnyModel,
  filter: Filter,
  query: PageQuery,
  session: ClientSession | undefined,
  toItem: (doc: StoredDoc) => T,
  { key = 'sortKey', direction = 1 }: { key?: string; direction?: 1 | -1 } = {},
): Promise<PageResult<T>> {
  const start = pageStart(query);
  const after = direction === -1 ? '$lt' : '$gt';
  // Appended to the filter's own $and (kept flat: a $text clause stays at the top level).
  const own = Object.keys(filter).length === 1 && Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [filter];
  const where = start
    ? { $and: [...own, { $or: [{ [key]: { [after]: start.key } }, { [key]: start.key, _id: { [after]: start.id } }] }] }
    : filter;
  const docs = await model
    .find(where)
    .sort({ [key]: direction, _id: direction })
    .limit(query.limit + 1)
    .session(session ?? null)
    .lean<StoredDoc[]>();
  return toPage(docs, query.limit, (d) => ({ key: String(d[key]), id: String(d._id) }), toItem);
}

/**
 * The versioned aggregates with a sort key and search text (agencies, systems, teams, users,
 * incidents): insert, update at the expected version, get, find, search-and-page, count.
 */
export class DocCollection<T extends { id: string; version: number }> {
  constructor(
    private readonly model: AnyModel,
    private readonly keysOf: (record: T) => Keyed,
    private readonly session: ClientSession | undefined,
  ) {}

  async insert(record: T) {
    await this.model.create([{ ...withId(record), ...this.keysOf(record) }], { session: this.session });
  }

  async update(record: T, expectedVersion: number) {
    const { id, ...rest } = record;
    const r = await this.model.updateOne(
      { _id: id, version: expectedVersion },
      { $set: { ...rest, ...this.keysOf(record) } },
      { session: this.session },
    );
    return r.matchedCount === 1;
  }

  async get(id: string) {
    return this.findOne({ _id: id });
  }

  async findOne(filter: Filter) {
    return toRecord<T>(await findDoc(this.model, filter, this.session));
  }

  async find(filter: Filter, sort: Record<string, 1 | -1> = { sortKey: 1, _id: 1 }) {
    return (await findDocs(this.model, filter, sort, this.session)).map((d) => toRecord<T>(d) as T);
  }

  async page(filter: Filter, query: PageQuery & { q?: string }): Promise<PageResult<T>> {
    const clauses: Filter[] = [filter];
    // Every word, in any order: the text index finds candidates, the regex keeps SQLite's
    // substring meaning for each word (the text index alone matches whole words only).
    const words = [...new Set((query.q ? normalizeSearch(query.q) : '').split(' ').filter(Boolean))];
    if (words.length > 0) {
      clauses.push({ $text: { $search: words.map((w) => `"${w.replace(/"/g, '')}"`).join(' ') } });
      for (const word of words) clauses.push({ searchText: { $regex: escapeRegex(word) } });
    }
    return keysetPage(this.model, { $and: clauses }, query, this.session, (d) => toRecord<T>(d) as T);
  }

  async count(filter: Filter = {}) {
    return this.model.countDocuments(filter).session(this.session ?? null);
  }
}
