/** The incident list's total and row density (issue #12, item 12). */
export const incidentListI18n = {
  vi: {
    total: 'Tổng số: {{count}} sự cố',
    compact: 'Thu gọn danh sách',
  },
  en: {
    total: 'Total: {{count}} incidents',
    compact: 'Compact list',
  },
};
