/**
 * Search text that ignores Vietnamese diacritics: "thay doi giao dien" must find
 * "Thay đổi giao diện". NFD splits base letters from combining marks; đ/Đ is a
 * letter of its own in Unicode, so it is mapped by hand.
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
