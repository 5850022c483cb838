/**
 * A fictional province for demos and tests: "tỉnh Hòa Lâm". Names follow real Vietnamese
 * administrative usage after the 2025 reform (no districts); contacts, domains and
 * addresses are invented (IP ranges are the RFC 5737 documentation ranges).
 */
import type { AgencyType, TeamKind } from '@cert-hub/shared';

export const PROVINCE = 'Tỉnh Hòa Lâm';
export const DEMO_PASSWORD = 'Demo@12345';

export interface DemoAgency {
  key: string;
  name: string;
  shortName?: string;
  type: AgencyType;
  domain: string;
  focal: { name: string; position: string; phone: string };
}

const dept = (key: string, name: string, domain: string, focal: string, phone: string): DemoAgency => ({
  key,
  name,
  type: 'provincial_department',
  domain,
  focal: { name: focal, position: 'Chuyên viên CNTT', phone },
});
const commune = (key: string, name: string, domain: string, focal: string, phone: string): DemoAgency => ({
  key,
  name,
  type: 'commune_committee',
  domain,
  focal: { name: focal, position: 'Công chức Văn phòng - Thống kê', phone },
});

export const AGENCIES: DemoAgency[] = [
  dept('A', 'Sở Tài chính tỉnh Hòa Lâm', 'stc.hoalam.gov.vn', 'Nguyễn Thị Hồng', '0263 3821 001'),
  dept('vp-ubnd', 'Văn phòng UBND tỉnh Hòa Lâm', 'vpubnd.hoalam.gov.vn', 'Trần Văn Bình', '0263 3821 002'),
  dept('snv', 'Sở Nội vụ tỉnh Hòa Lâm', 'snv.hoalam.gov.vn', 'Lê Thị Mai', '0263 3821 003'),
  dept('skhcn', 'Sở Khoa học và Công nghệ tỉnh Hòa Lâm', 'skhcn.hoalam.gov.vn', 'Phạm Quốc Huy', '0263 3821 004'),
  dept('syt', 'Sở Y tế tỉnh Hòa Lâm', 'syt.hoalam.gov.vn', 'Võ Thị Lan', '0263 3821 005'),
  dept('sgddt', 'Sở Giáo dục và Đào tạo tỉnh Hòa Lâm', 'sgddt.hoalam.gov.vn', 'Đặng Minh Tuấn', '0263 3821 006'),
  dept('sct', 'Sở Công Thương tỉnh Hòa Lâm', 'sct.hoalam.gov.vn', 'Bùi Thị Thu', '0263 3821 007'),
  dept('snnmt', 'Sở Nông nghiệp và Môi trường tỉnh Hòa Lâm', 'snnmt.hoalam.gov.vn', 'Huỳnh Văn Phúc', '0263 3821 008'),
  dept('sxd', 'Sở Xây dựng tỉnh Hòa Lâm', 'sxd.hoalam.gov.vn', 'Ngô Thị Hạnh', '0263 3821 009'),
  dept('stp', 'Sở Tư pháp tỉnh Hòa Lâm', 'stp.hoalam.gov.vn', 'Dương Văn Khoa', '0263 3821 010'),
  dept('svhttdl', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Hòa Lâm', 'svhttdl.hoalam.gov.vn', 'Lý Thị Ngọc', '0263 3821 011'),
  dept('ttra', 'Thanh tra tỉnh Hòa Lâm', 'thanhtra.hoalam.gov.vn', 'Hoàng Văn Sơn', '0263 3821 012'),
  dept('bqlkcn', 'Ban Quản lý các khu công nghiệp tỉnh Hòa Lâm', 'bqlkcn.hoalam.gov.vn', 'Mai Thị Yến', '0263 3821 013'),
  commune('B', 'UBND phường Hòa Bình', 'phuonghoabinh.hoalam.gov.vn', 'Trịnh Văn Đức', '0263 3822 101'),
  commune('p-lamvien', 'UBND phường Lâm Viên', 'phuonglamvien.hoalam.gov.vn', 'Phan Thị Oanh', '0263 3822 102'),
  commune('p-bacson', 'UBND phường Bắc Sơn', 'phuongbacson.hoalam.gov.vn', 'Tạ Quang Vinh', '0263 3822 103'),
  commune('x-tanhoi', 'UBND xã Tân Hội', 'xatanhoi.hoalam.gov.vn', 'Kiều Thị Nhung', '0263 3822 104'),
  commune('x-dalay', 'UBND xã Đạ Lây', 'xadalay.hoalam.gov.vn', 'K’ Brông', '0263 3822 105'),
  commune('x-phuson', 'UBND xã Phú Sơn', 'xaphuson.hoalam.gov.vn', 'Lương Văn Tài', '0263 3822 106'),
  commune('x-eatieu', 'UBND xã Ea Tiêu', 'xaeatieu.hoalam.gov.vn', 'H’ Linh Niê', '0263 3822 107'),
  commune('x-quanglap', 'UBND xã Quảng Lập', 'xaquanglap.hoalam.gov.vn', 'Đỗ Thị Thắm', '0263 3822 108'),
  {
    key: 'bvdk',
    name: 'Bệnh viện Đa khoa tỉnh Hòa Lâm',
    shortName: 'BVĐK tỉnh',
    type: 'public_service_unit',
    domain: 'bvdk.hoalam.gov.vn',
    focal: { name: 'Nguyễn Hữu Thắng', position: 'Trưởng phòng Công nghệ thông tin', phone: '0263 3823 115' },
  },
  {
    key: 'ttphvhcc',
    name: 'Trung tâm Phục vụ hành chính công tỉnh Hòa Lâm',
    type: 'public_service_unit',
    domain: 'dichvucong.hoalam.gov.vn',
    focal: { name: 'Lâm Thị Kim', position: 'Phó Giám đốc', phone: '0263 3823 200' },
  },
  {
    key: 'ttcds',
    name: 'Trung tâm Chuyển đổi số tỉnh Hòa Lâm',
    type: 'public_service_unit',
    domain: 'cds.hoalam.gov.vn',
    focal: { name: 'Trương Minh Nhật', position: 'Trưởng phòng Hạ tầng và An toàn thông tin', phone: '0263 3823 300' },
  },
  {
    key: 'ptth',
    name: 'Đài Phát thanh và Truyền hình tỉnh Hòa Lâm',
    type: 'public_service_unit',
    domain: 'hltv.vn',
    focal: { name: 'Cao Văn Lực', position: 'Kỹ sư hệ thống', phone: '0263 3823 400' },
  },
  {
    key: 'dienluc',
    name: 'Công ty Điện lực Hòa Lâm',
    shortName: 'PC Hòa Lâm',
    type: 'state_enterprise',
    domain: 'pchoalam.example.vn',
    focal: { name: 'Vũ Đình Quang', position: 'Trưởng phòng CNTT - Viễn thông', phone: '0263 3824 500' },
  },
  {
    key: 'capnuoc',
    name: 'Công ty TNHH MTV Cấp thoát nước Hòa Lâm',
    type: 'state_enterprise',
    domain: 'capnuochoalam.example.vn',
    focal: { name: 'Lê Văn Hải', position: 'Phụ trách hệ thống SCADA', phone: '0263 3824 600' },
  },
  {
    key: 'vnpt',
    name: 'VNPT Hòa Lâm',
    type: 'telecom_enterprise',
    domain: 'hoalam.vnpt.example.vn',
    focal: { name: 'Phạm Thị Quỳnh', position: 'Trung tâm Điều hành thông tin', phone: '0263 3825 700' },
  },
  {
    key: 'viettel',
    name: 'Viettel Hòa Lâm',
    type: 'telecom_enterprise',
    domain: 'hoalam.viettel.example.vn',
    focal: { name: 'Đinh Công Minh', position: 'Phòng Kỹ thuật - Khai thác', phone: '0263 3825 800' },
  },
  {
    key: 'buudien',
    name: 'Bưu điện tỉnh Hòa Lâm',
    type: 'other',
    domain: 'buudienhoalam.example.vn',
    focal: { name: 'Hà Thị Xuân', position: 'Chuyên viên tin học', phone: '0263 3825 900' },
  },
];

export interface DemoSystem {
  agency: string;
  name: string;
  level: number;
  sector: string | null;
  nationalCritical?: boolean;
  ipRange: string;
}

export const SYSTEMS: DemoSystem[] = [
  { agency: 'vp-ubnd', name: 'Cổng thông tin điện tử tỉnh', level: 3, sector: 'government_administration', ipRange: '203.0.113.10/32' },
  {
    agency: 'vp-ubnd',
    name: 'Hệ thống quản lý văn bản và điều hành',
    level: 3,
    sector: 'government_administration',
    ipRange: '203.0.113.11/32',
  },
  {
    agency: 'ttphvhcc',
    name: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh',
    level: 4,
    sector: 'government_administration',
    ipRange: '203.0.113.20/32',
  },
  { agency: 'ttcds', name: 'Trung tâm dữ liệu tỉnh', level: 4, sector: 'information', ipRange: '203.0.113.32/28' },
  { agency: 'ttcds', name: 'Mạng truyền số liệu chuyên dùng cấp tỉnh', level: 3, sector: 'information', ipRange: '198.51.100.0/26' },
  { agency: 'A', name: 'Hệ thống quản lý ngân sách và tài sản công', level: 3, sector: 'finance', ipRange: '203.0.113.50/32' },
  { agency: 'A', name: 'Trang thông tin điện tử Sở Tài chính', level: 2, sector: 'finance', ipRange: '203.0.113.51/32' },
  { agency: 'syt', name: 'Trang thông tin điện tử Sở Y tế', level: 2, sector: 'health', ipRange: '203.0.113.60/32' },
  { agency: 'bvdk', name: 'Hệ thống thông tin bệnh viện (HIS)', level: 3, sector: 'health', ipRange: '198.51.100.64/27' },
  { agency: 'bvdk', name: 'Hệ thống lưu trữ và truyền tải hình ảnh (PACS)', level: 3, sector: 'health', ipRange: '198.51.100.96/28' },
  { agency: 'sgddt', name: 'Cơ sở dữ liệu ngành giáo dục', level: 2, sector: null, ipRange: '203.0.113.70/32' },
  {
    agency: 'B',
    name: 'Trang thông tin điện tử phường Hòa Bình',
    level: 1,
    sector: 'government_administration',
    ipRange: '203.0.113.80/32',
  },
  {
    agency: 'x-tanhoi',
    name: 'Trang thông tin điện tử xã Tân Hội',
    level: 1,
    sector: 'government_administration',
    ipRange: '203.0.113.81/32',
  },
  {
    agency: 'dienluc',
    name: 'Hệ thống SCADA điều khiển lưới điện phân phối',
    level: 5,
    sector: 'energy',
    nationalCritical: true,
    ipRange: '192.0.2.0/27',
  },
  { agency: 'dienluc', name: 'Cổng chăm sóc khách hàng điện lực', level: 3, sector: 'energy', ipRange: '192.0.2.40/32' },
  { agency: 'capnuoc', name: 'Hệ thống SCADA cấp nước', level: 4, sector: 'natural_resources_environment', ipRange: '192.0.2.64/28' },
  {
    agency: 'vnpt',
    name: 'Hạ tầng mạng lõi viễn thông tỉnh',
    level: 4,
    sector: 'information',
    nationalCritical: true,
    ipRange: '192.0.2.128/26',
  },
  { agency: 'ptth', name: 'Hệ thống phát sóng truyền hình số', level: 3, sector: 'information', ipRange: '192.0.2.200/29' },
];

export interface DemoTeam {
  key: string;
  name: string;
  kind: TeamKind;
  isStanding?: boolean;
  organization: string;
  sectorCode?: string;
  phone: string;
  email: string;
}

export const TEAMS: DemoTeam[] = [
  {
    key: 'cert',
    name: 'Đội ứng cứu sự cố an toàn thông tin mạng tỉnh Hòa Lâm',
    kind: 'provincial_cert',
    isStanding: true,
    // 2026 model (seed 004 §V.1): Provincial Police's PA05 is the standing office.
    organization: 'Công an tỉnh Hòa Lâm - Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05), cơ quan thường trực',
    phone: '0263 3999 115',
    email: 'ungcuu@hoalam.gov.vn',
  },
  {
    key: 'police',
    name: 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao - Công an tỉnh',
    kind: 'police',
    organization: 'Công an tỉnh Hòa Lâm',
    phone: '0263 3999 113',
    email: 'pa05@conganhoalam.example.vn',
  },
  {
    key: 'military',
    name: 'Bộ Chỉ huy Quân sự tỉnh - Bộ phận tác chiến không gian mạng',
    kind: 'military',
    organization: 'Bộ Chỉ huy Quân sự tỉnh Hòa Lâm',
    phone: '0263 3999 069',
    email: 'tckgm@bchqs.hoalam.example.vn',
  },
  {
    key: 'border',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh - Tổ ứng cứu sự cố',
    kind: 'military',
    organization: 'BCH Bộ đội Biên phòng tỉnh Hòa Lâm',
    phone: '0263 3999 070',
    email: 'ungcuu@bdbp.hoalam.example.vn',
  },
  {
    key: 'health-cert',
    name: 'CERT lĩnh vực Y tế tỉnh Hòa Lâm',
    kind: 'sector_cert',
    organization: 'Sở Y tế tỉnh Hòa Lâm',
    sectorCode: 'health',
    phone: '0263 3999 116',
    email: 'cert@syt.hoalam.gov.vn',
  },
  {
    key: 'national-cert',
    name: 'Trung tâm ứng cứu khẩn cấp không gian mạng Việt Nam',
    kind: 'national_body',
    organization: 'Bộ Khoa học và Công nghệ',
    phone: '024 3640 4421',
    email: 'ir@vncert.example.vn',
  },
  {
    key: 'ncsc-monitoring',
    name: 'Trung tâm Giám sát an toàn không gian mạng quốc gia',
    kind: 'national_body',
    organization: 'Cục An toàn thông tin',
    phone: '024 3943 6684',
    email: 'ais@ncsc.example.gov.vn',
  },
  {
    key: 'ncsc',
    name: 'Trung tâm An ninh mạng quốc gia',
    kind: 'national_body',
    organization: 'Bộ Công an',
    phone: '069 219 4053',
    email: 'contact@ncsc.example.vn',
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'admin' | 'coordinator' | 'responder' | 'focal_point' | 'leader';
  agency?: string;
  teams?: string[];
}

/** The accounts the README lists; all share DEMO_PASSWORD. */
export const USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin' },
  { username: 'coordinator', displayName: 'Nguyễn Văn Điều Phối', role: 'coordinator', teams: ['cert'] },
  { username: 'responder', displayName: 'Trần Thị Ứng Cứu', role: 'responder', teams: ['cert'] },
  { username: 'focal.a', displayName: 'Nguyễn Thị Hồng (Sở Tài chính)', role: 'focal_point', agency: 'A' },
  { username: 'focal.b', displayName: 'Trịnh Văn Đức (UBND phường Hòa Bình)', role: 'focal_point', agency: 'B' },
  { username: 'leader', displayName: 'Lê Minh Lãnh Đạo', role: 'leader' },
];
