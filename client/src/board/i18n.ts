/** Console strings for the board's view options (issue 12, item 12). */
export const boardViewI18n = {
  vi: {
    density: 'Mật độ hiển thị',
    comfortable: 'Thoáng',
    compact: 'Gọn',
  },
  en: {
    density: 'Display density',
    comfortable: 'Comfortable',
    compact: 'Compact',
  },
};
