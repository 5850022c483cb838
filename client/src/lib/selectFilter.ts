import { normalizeSearch } from '@cert-hub/shared';

/** Select search that ignores Vietnamese diacritics, like the API's search: "tan hoi" finds "Tân Hội". */
export const diacriticFilter = (input: string, option?: { label?: unknown }) =>
  normalizeSearch(typeof option?.label === 'string' ? option.label : '').includes(normalizeSearch(input));
