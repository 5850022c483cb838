/**
 * The screen walk's judge (test/helpers/catalogue.ts) on its own: it must accept catalogue
 * strings, their filled-in templates and data, and refuse hard-coded text and text in the
 * other language — otherwise the walk could not fail.
 */
import { describe, expect, it } from 'vitest';
import { Catalogue, DataValues, isKnown } from './helpers/catalogue.js';

const vi = new Catalogue('vi');
const en = new Catalogue('en');
const data = new DataValues();
data.add({ items: [{ name: 'Sở Tài chính tỉnh Hòa Lâm', username: 'coordinator', status: 'initial_response' }] });

describe('the screen walk accepts', () => {
  it.each([
    ['a catalogue string', vi, 'Bảng điều phối sự cố'],
    ['the same in English', en, 'Incident board'],
    ['a shared label (status)', vi, 'Xác minh, phân loại'],
    ['a template with its value', vi, 'Đến 23/11/2026 08:00'],
    ['dayjs relative time', en, '10 days'],
    ['Ant Design’s own text', en, 'No data'],
    ['data the hub sent, joined with a separator', vi, 'Sở Tài chính tỉnh Hòa Lâm · coordinator'],
    ['codes, dates and numbers', en, 'SC-2026-000123 · 29/11/2026 19:17'],
    ['a short record id that happens to hold no digit', vi, 'hệ thống ddfcedbf'],
  ])('%s', (_what, catalogue, text) => expect(isKnown(text, catalogue, data)).toBe(true));
});

describe('the screen walk refuses', () => {
  it.each([
    ['hard-coded English in the Vietnamese console', vi, 'Save changes'],
    ['Vietnamese left in the English console', en, 'Bảng điều phối sự cố'],
    ['an enum code shown raw, even though the hub sent it', vi, 'initial_response'],
    ['a made-up sentence', en, 'Please wait while we frobnicate'],
    ['a hard-coded word of hex letters that is not an id', en, 'Facade'],
  ])('%s', (_what, catalogue, text) => expect(isKnown(text, catalogue, data)).toBe(false));
});
