import { describe, expect, it } from 'vitest';
import { normalizeSearch } from './text.js';

describe('normalizeSearch', () => {
  it.each([
    ['Thay đổi giao diện', 'thay doi giao dien'],
    ['ĐẠ LÂY', 'da lay'],
    ['Sở Khoa học và Công nghệ', 'so khoa hoc va cong nghe'],
    ['  UBND   phường  Hòa Bình ', 'ubnd phuong hoa binh'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });

  it('makes precomposed and decomposed spellings equal', () => {
    expect(normalizeSearch('Hòa'.normalize('NFC'))).toBe(normalizeSearch('Hòa'.normalize('NFD')));
  });
});
