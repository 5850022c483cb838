/** Registry forms' own messages (issue #12, item 20). */
export const registryFormsI18n = {
  vi: {
    saved: 'Đã lưu',
    tooShort: 'Quá ngắn: cần ít nhất {{min}} ký tự',
    badLine: 'Dòng {{line}} («{{value}}»): {{reason}}',
    agencyFocalMissing: '{{name}} chưa có đầu mối trực 24/7 (Thông tư 20/2017/TT-BTTTT).',
  },
  en: {
    saved: 'Saved',
    tooShort: 'Too short: at least {{min}} characters',
    badLine: 'Line {{line}} (“{{value}}”): {{reason}}',
    agencyFocalMissing: '{{name}} has no 24/7 focal point (Circular 20/2017/TT-BTTTT).',
  },
};
