/**
 * What the console may show in each language: its translation catalogue (client/src/i18n),
 * Ant Design's and dayjs's catalogues for that language, and data the hub sent. Used by the
 * screen walk to flag any visible string that comes from none of them.
 */
import { createRequire } from 'node:module';
import * as shared from '@cert-hub/shared';
import { en } from '../../client/src/i18n/en.js';
import { vi } from '../../client/src/i18n/vi.js';

export type Language = 'vi' | 'en';
const require = createRequire(import.meta.url);
const load = (name: string): unknown => {
  const m = require(name) as { default?: unknown };
  return m.default ?? m;
};

/**
 * The shared vocabulary's labels in one language: every `{ vi, en }` pair and every
 * `nameVi`/`nameEn` pair exported by @cert-hub/shared (statuses, categories, impacts, roles…).
 */
function sharedLabels(lang: Language, value: unknown = shared, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (!value || typeof value !== 'object' || seen.has(value) || '_zod' in value || '_def' in value) return out;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.vi === 'string' && typeof record.en === 'string') out.push(record[lang] as string);
  const named = lang === 'vi' ? record.nameVi : record.nameEn;
  if (typeof named === 'string') out.push(named);
  Object.values(record).forEach((v) => sharedLabels(lang, v, out, seen));
  return out;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Placeholders of i18next ({{x}}), Ant Design (${x}, {x}) and dayjs (%d, %s). */
const PLACEHOLDER = /\{\{[^}]+\}\}|\$\{[^}]+\}|\{[a-zA-Z]+\}|%[ds]/g;

/** dayjs's English relative times live in its relativeTime plugin, not in a locale file. */
const DAYJS_EN_RELATIVE = [
  ...['in %s', '%s ago', 'a few seconds', 'a minute', '%d minutes', 'an hour', '%d hours', 'a day', '%d days'],
  ...['a month', '%d months', 'a year', '%d years'],
];

export class Catalogue {
  private readonly exact = new Set<string>();
  private readonly templates: RegExp[] = [];
  private readonly texts: string[] = [];

  constructor(lang: Language) {
    const all = [
      ...strings(lang === 'vi' ? vi : en),
      ...sharedLabels(lang),
      ...strings(load(lang === 'vi' ? 'antd/locale/vi_VN' : 'antd/locale/en_US')),
      ...strings(lang === 'vi' ? (load('dayjs/locale/vi') as { relativeTime: unknown }).relativeTime : DAYJS_EN_RELATIVE),
    ].map(normalise);
    for (const s of all) {
      if (!s) continue;
      if (s.match(PLACEHOLDER)) {
        const parts = s.split(PLACEHOLDER).map((p) => escape(normalise(p)));
        this.templates.push(new RegExp(`^${parts.join('\\s*(.+?)\\s*')}$`, 'u'));
        // Each fixed part may be shown apart from the values between them.
        s.split(PLACEHOLDER)
          .map(normalise)
          .filter(Boolean)
          .forEach((p) => this.texts.push(p));
      } else this.exact.add(s);
      this.texts.push(s);
    }
  }

  /** A whole catalogue string, one with its values filled in, or a piece of one (split around a value). */
  has(text: string): boolean {
    return this.exact.has(text) || this.templates.some((t) => t.test(text)) || this.texts.some((s) => s.includes(text));
  }
}

/** Strings the hub sent (names, titles, descriptions…): data, shown as the hub has it. Codes are not data. */
export class DataValues {
  private readonly values = new Set<string>();

  add(json: unknown, key = '') {
    if (typeof json === 'string') {
      const value = normalise(json);
      // An enum code ("initial_response", "phishing") on screen is an untranslated label, not
      // data; a username ("coordinator") is data.
      if (/^[a-z_]+$/.test(value) && !/username/i.test(key)) return;
      this.values.add(value);
    } else if (Array.isArray(json)) json.forEach((v) => this.add(v, key));
    else if (json && typeof json === 'object') Object.entries(json).forEach(([k, v]) => this.add(v, k));
  }

  has(text: string): boolean {
    if (this.values.has(text)) return true;
    for (const v of this.values) if (v.length > text.length && v.includes(text)) return true;
    return false;
  }
}

/** Values that are neither words nor catalogue: numbers, dates, codes, initials, defanged indicators. */
const DATA_SHAPES = [
  /^[^\p{L}]*$/u, // no letters at all: counts, dates, times, punctuation
  /^SC-\d{4}-\d+$/, // incident codes
  /^TLP:[A-Z+]+$/,
  /^\p{Lu}{1,2}$/u, // avatar initials
  /^\d+(\s?(KB|MB|B|%))$/,
  /^[\w.-]+\[\.\][\w.[\]-]+$/, // defanged domain
  /^https?:\/\//,
];

/** Splits a text into the pieces a screen joins with separators. */
const SEPARATORS = /\s+·\s+|^·\s+|\s+·$|,\s+|:\s+|;\s+|\s+—\s+|\s+–\s+|\s+\/\s+|\s*\(\s*|\s*\)\s*|^\+\s+|^#|\s+-\s+|:$|…$|\.\.\.$/u;

export function isKnown(text: string, catalogue: Catalogue, data: DataValues, depth = 0): boolean {
  const t = normalise(text);
  if (!t) return true;
  if (DATA_SHAPES.some((r) => r.test(t))) return true;
  if (catalogue.has(t) || data.has(t)) return true;
  if (depth > 2) return false;
  // Numbers, dates and times inside a sentence are values ("Đến 23/11/2026 08:00"), and so is
  // a short record id, which is 8 hex characters and may hold no digit at all ("hệ thống ddfcedbf").
  const words = t.replace(/\S*\d\S*/g, ' ').replace(/(?<![\p{L}\d])[0-9a-f]{8}(?![\p{L}\d])/gu, ' ');
  if (words !== t) return isKnown(words, catalogue, data, depth + 1);
  const pieces = t.split(SEPARATORS).filter((p) => p && p.trim());
  if (pieces.length === 0) return true;
  if (pieces.length === 1 && normalise(pieces[0]!) === t) return false;
  return pieces.every((p) => isKnown(p, catalogue, data, depth + 1));
}
