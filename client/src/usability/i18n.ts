/** Strings the console gained for issue #12 (closed incidents, closing warning, phone menu, board). */
export const usabilityI18n = {
  vi: {
    closedNotice: 'Sự cố đã kết thúc: không gửi thêm trao đổi hay tệp. Nếu có vấn đề mới, hãy báo cáo một sự cố mới.',
    checklistWarning: 'Danh mục công việc mới hoàn thành {{done}}/{{total}} việc. Vẫn kết thúc sự cố?',
    checklistOpen: 'Việc chưa xong: {{tasks}}',
    openMenu: 'Mở menu',
    menu: 'Menu',
    openIncident: 'Mở sự cố',
    dropAllowed: 'Có thể chuyển vào đây',
    dropForbidden: 'Không thể chuyển vào đây',
    recentlyClosed: 'Gần đây nhất',
  },
  en: {
    closedNotice: 'This incident is closed: no more replies or files. If something new happens, report a new incident.',
    checklistWarning: 'Only {{done}}/{{total}} checklist tasks are done. Close the incident anyway?',
    checklistOpen: 'Not done: {{tasks}}',
    openMenu: 'Open menu',
    menu: 'Menu',
    openIncident: 'Open incident',
    dropAllowed: 'Can move here',
    dropForbidden: 'Cannot move here',
    recentlyClosed: 'Most recent',
  },
};
