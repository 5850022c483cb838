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
    nextSteps:
      'Tiếp theo: Đội ứng cứu sẽ xác minh, phân loại sự cố và liên hệ với đầu mối của cơ quan. Bạn theo dõi tiến độ và trả lời câu hỏi của Đội trong trang sự cố. Hãy ghi lại mã sự cố khi trao đổi.',
    callUs: 'Khẩn cấp, gọi {{team}}: {{phone}}',
    myDetails: 'Thông tin liên hệ của tôi',
    detailsSaved: 'Đã lưu thông tin của bạn',
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
    nextSteps:
      "Next: the response team checks and classifies the incident and contacts your agency's focal point. Follow progress and answer the team's questions on the incident page. Quote the incident code when you call.",
    callUs: 'Urgent? Call {{team}}: {{phone}}',
    myDetails: 'My contact details',
    detailsSaved: 'Your details are saved',
  },
};
