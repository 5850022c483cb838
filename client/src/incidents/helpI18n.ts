/** Plain-language names and short help for the report's technical terms (issue #12, item 4). */
export const incidentHelpI18n = {
  vi: {
    helpButton: 'Giải thích: {{topic}}',
    iocTitle: 'Dấu hiệu nhận biết là gì?',
    iocHelp:
      'Những thông tin giúp nhận ra kẻ tấn công hoặc tệp độc hại: địa chỉ IP lạ, tên miền hoặc đường link đáng ngờ, mã băm của tệp, địa chỉ thư lừa đảo. Không bắt buộc: nếu không biết, hãy bỏ qua, Đội ứng cứu sẽ hỏi thêm.',
    iocShort: 'Không bắt buộc. Ví dụ: địa chỉ IP lạ, đường link lừa đảo, địa chỉ thư gửi tệp độc hại.',
    tlpTitle: 'Mức chia sẻ thông tin (TLP) là gì?',
    tlpHelp:
      'Cho biết thông tin trong báo cáo được chia sẻ tới đâu. Nếu không chắc, giữ mức "Hạn chế" (mặc định): chỉ cơ quan bạn và các đơn vị cần biết để xử lý sự cố được xem.',
    tlp: {
      clear: 'Công khai',
      green: 'Trong cộng đồng ứng cứu',
      amber: 'Hạn chế (mặc định)',
      'amber+strict': 'Chỉ trong cơ quan',
      red: 'Chỉ người nhận',
    },
    tlpHint: {
      clear: 'Ai cũng có thể xem, không hạn chế.',
      green: 'Chia sẻ với các cơ quan trong mạng lưới ứng cứu, không đăng công khai.',
      amber: 'Cơ quan bạn và các đơn vị cần biết để xử lý sự cố.',
      'amber+strict': 'Chỉ nội bộ cơ quan bạn và Đội ứng cứu.',
      red: 'Chỉ những người được gửi trực tiếp, không chuyển tiếp.',
    },
    type: {
      ip: 'Địa chỉ IP',
      domain: 'Tên miền',
      url: 'Đường link (URL)',
      md5: 'Mã băm tệp (MD5)',
      sha1: 'Mã băm tệp (SHA-1)',
      sha256: 'Mã băm tệp (SHA-256)',
      email: 'Địa chỉ thư điện tử',
    },
    example: {
      ip: '203.0.113.7',
      domain: 'trangluadao.example',
      url: 'http://trangluadao.example/dang-nhap',
      md5: '32 ký tự 0-9, a-f',
      sha1: '40 ký tự 0-9, a-f',
      sha256: '64 ký tự 0-9, a-f',
      email: 'nguoigui@example.com',
    },
    defangedHint: 'Viết ở dạng vô hiệu hóa ([.]) để không ai bấm nhầm; nút sao chép lấy giá trị gốc.',
  },
  en: {
    helpButton: 'Explain: {{topic}}',
    iocTitle: 'What are indicators?',
    iocHelp:
      'Details that help recognise the attacker or a malicious file: an unknown IP address, a suspicious domain or link, a file hash, a phishing sender address. Optional: if you do not know, skip it and the response team will ask.',
    iocShort: 'Optional. For example: an unknown IP address, a phishing link, the address that sent a malicious file.',
    tlpTitle: 'What is the sharing level (TLP)?',
    tlpHelp:
      'How far the report may be shared. If unsure, keep "Limited" (the default): only your agency and those who need it to handle the incident see it.',
    tlp: {
      clear: 'Public',
      green: 'Response community',
      amber: 'Limited (default)',
      'amber+strict': 'Own agency only',
      red: 'Named recipients only',
    },
    tlpHint: {
      clear: 'Anyone may see it.',
      green: 'Shared with agencies in the response network, not published.',
      amber: 'Your agency and those who need it to handle the incident.',
      'amber+strict': 'Only inside your agency and the response team.',
      red: 'Only the people it is sent to; do not forward.',
    },
    type: {
      ip: 'IP address',
      domain: 'Domain name',
      url: 'Link (URL)',
      md5: 'File hash (MD5)',
      sha1: 'File hash (SHA-1)',
      sha256: 'File hash (SHA-256)',
      email: 'E-mail address',
    },
    example: {
      ip: '203.0.113.7',
      domain: 'phishing.example',
      url: 'http://phishing.example/login',
      md5: '32 characters 0-9, a-f',
      sha1: '40 characters 0-9, a-f',
      sha256: '64 characters 0-9, a-f',
      email: 'sender@example.com',
    },
    defangedHint: 'Written disarmed ([.]) so nobody clicks it by mistake; the copy button copies the original.',
  },
};
