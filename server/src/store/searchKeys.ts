/** The derived sort and search keys both adapters store beside each record. */
import { normalizeSearch } from '@cert-hub/shared';
import type { AgencyRecord, IncidentRecord, SystemRecord, TeamRecord, UserRecord } from './port.js';

const join = (...parts: (string | null | undefined)[]) => normalizeSearch(parts.filter(Boolean).join(' '));

export const agencyKeys = (a: AgencyRecord) => ({
  sortKey: normalizeSearch(a.name),
  searchText: join(a.name, a.shortName, a.email, a.phone, a.address, ...a.formerNames),
});
export const systemKeys = (s: SystemRecord) => ({
  sortKey: normalizeSearch(s.name),
  searchText: join(s.name, s.description, ...s.domains, ...s.ipRanges),
});
export const teamKeys = (t: TeamRecord) => ({
  sortKey: normalizeSearch(t.name),
  searchText: join(t.name, t.organization, t.description),
});
export const userKeys = (u: UserRecord) => ({
  sortKey: u.username,
  searchText: join(u.username, u.displayName, u.email, u.phone),
});

/** Newest first with the same ascending keyset: the key is the time counted down from year 9999. */
const MAX_MS = 253_402_300_799_999;
export const incidentSortKeyAt = (time: string) => String(MAX_MS - new Date(time).getTime()).padStart(15, '0');
export const incidentKeys = (i: IncidentRecord) => ({
  sortKey: incidentSortKeyAt(i.reportedAt),
  // What people search incidents by: code, title, system and indicators (not the free-text
  // description and actions, which tripled the search index for little use).
  searchText: join(i.code, i.title, i.systemName, ...i.indicators.map((x) => x.value)),
});
