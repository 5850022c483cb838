/**
 * Default response playbooks: the checklist an incident of each category starts with.
 * Coordinators edit them in the hub (stored as data); these are only the first version.
 */
import type { IncidentCategory } from './incidents.js';

const FIRST = ['Liên hệ đầu mối cơ quan, xác minh thông tin báo cáo', 'Thu thập nhật ký, bằng chứng ban đầu'];
const LAST = ['Theo dõi sau khôi phục (24-72 giờ)', 'Lập báo cáo kết thúc, rút kinh nghiệm'];

export const DEFAULT_PLAYBOOKS: Record<IncidentCategory, string[]> = {
  ddos: [
    ...FIRST,
    'Xác định nguồn và loại lưu lượng tấn công',
    'Phối hợp doanh nghiệp viễn thông lọc lưu lượng',
    'Bật chống DDoS / CDN',
    ...LAST,
  ],
  phishing: [
    ...FIRST,
    'Thu thập thư mẫu (tệp .eml) và tiêu đề đầy đủ',
    'Chặn tên miền, địa chỉ gửi',
    'Cảnh báo cán bộ trong cơ quan',
    'Đổi mật khẩu tài khoản đã nhập thông tin',
    ...LAST,
  ],
  malware: [
    ...FIRST,
    'Cô lập máy nhiễm khỏi mạng',
    'Thu mẫu mã độc, tính mã băm',
    'Quét toàn bộ máy trạm cùng phân vùng',
    'Gỡ bỏ mã độc, vá lỗ hổng',
    ...LAST,
  ],
  ransomware: [
    ...FIRST,
    'Cô lập ngay các máy bị mã hóa khỏi mạng',
    'Xác định biến thể mã độc tống tiền',
    'Kiểm tra tính toàn vẹn của bản sao lưu',
    'Báo Công an tỉnh (không trả tiền chuộc)',
    'Khôi phục dữ liệu từ bản sao lưu sạch',
    ...LAST,
  ],
  unauthorized_access: [
    ...FIRST,
    'Khóa tài khoản bị chiếm quyền, thu hồi phiên',
    'Rà soát tài khoản, khóa truy cập lạ',
    'Phân tích nhật ký xác thực',
    'Đổi toàn bộ mật khẩu quản trị',
    ...LAST,
  ],
  defacement: [
    ...FIRST,
    'Chụp lại giao diện bị thay đổi (lưu bằng chứng)',
    'Chuyển trang sang chế độ bảo trì',
    'Rà soát webshell, tệp lạ trên máy chủ web',
    'Vá CMS / plugin có lỗ hổng',
    'Khôi phục từ bản sao lưu sạch',
    ...LAST,
  ],
  content_injection: [...FIRST, 'Xác định vị trí mã, nội dung bị chèn', 'Gỡ nội dung độc hại', 'Vá lỗ hổng cho phép chèn', ...LAST],
  data_leak: [
    ...FIRST,
    'Xác định dữ liệu, phạm vi bị lộ',
    'Đánh giá có bí mật nhà nước không (báo Công an nếu có)',
    'Chặn kênh rò rỉ',
    'Thông báo chủ thể dữ liệu theo quy định',
    ...LAST,
  ],
  dns_attack: [
    ...FIRST,
    'Kiểm tra bản ghi DNS, nhà đăng ký tên miền',
    'Khôi phục bản ghi đúng, khóa chuyển nhượng',
    'Bật DNSSEC nếu có thể',
    ...LAST,
  ],
  vulnerability: [
    ...FIRST,
    'Xác minh lỗ hổng, đánh giá mức độ',
    'Áp dụng bản vá hoặc biện pháp tạm thời',
    'Quét lại xác nhận đã khắc phục',
    ...LAST,
  ],
  other: [...FIRST, 'Phân tích, phân loại lại sự cố', ...LAST],
};
