/**
 * The domain vocabulary (domain.md §1-§2): code lists with their Vietnamese and English labels.
 * Codes are English and stable; labels are what people read.
 */
export const ROLES = ['admin', 'coordinator', 'responder', 'focal_point', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  coordinator: { vi: 'Điều phối viên', en: 'Coordinator' },
  responder: { vi: 'Thành viên Đội ứng cứu', en: 'CERT responder' },
  focal_point: { vi: 'Đầu mối ứng cứu sự cố của cơ quan', en: 'Agency focal point' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
};

export const AGENCY_TYPES = [
  'provincial_department',
  'commune_committee',
  'public_service_unit',
  'state_enterprise',
  'telecom_enterprise',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Record<AgencyType, { vi: string; en: string }> = {
  provincial_department: { vi: 'Sở, ban, ngành tỉnh', en: 'Provincial department' },
  commune_committee: { vi: 'UBND xã, phường', en: 'Commune/ward People’s Committee' },
  public_service_unit: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
  state_enterprise: { vi: 'Doanh nghiệp nhà nước', en: 'State enterprise' },
  telecom_enterprise: {
    vi: 'Doanh nghiệp viễn thông, hạ tầng số',
    en: 'Telecom / digital-infrastructure enterprise',
  },
  other: { vi: 'Khác', en: 'Other' },
};

export const TEAM_KINDS = ['provincial_cert', 'police', 'military', 'sector_cert', 'national_body'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_KIND_LABELS: Record<TeamKind, { vi: string; en: string }> = {
  provincial_cert: { vi: 'Đội ứng cứu sự cố ATTT mạng tỉnh', en: 'Provincial CERT' },
  police: { vi: 'Công an tỉnh', en: 'Provincial Police' },
  military: { vi: 'Lực lượng quân sự', en: 'Military' },
  sector_cert: { vi: 'CERT lĩnh vực', en: 'Sector CERT' },
  national_body: { vi: 'Cơ quan điều phối quốc gia', en: 'National body' },
};

/** The 11 critical sectors of Decision 632/QĐ-TTg; seeded as data, admins may add others. */
export const CRITICAL_SECTORS = [
  { code: 'transport', nameVi: 'Giao thông vận tải', nameEn: 'Transport' },
  { code: 'energy', nameVi: 'Năng lượng', nameEn: 'Energy' },
  { code: 'natural_resources_environment', nameVi: 'Tài nguyên và môi trường', nameEn: 'Natural resources & environment' },
  { code: 'information', nameVi: 'Thông tin và truyền thông', nameEn: 'Information' },
  { code: 'health', nameVi: 'Y tế', nameEn: 'Health' },
  { code: 'finance', nameVi: 'Tài chính', nameEn: 'Finance' },
  { code: 'banking', nameVi: 'Ngân hàng', nameEn: 'Banking' },
  { code: 'defence', nameVi: 'Quốc phòng', nameEn: 'Defence' },
  { code: 'security_public_order', nameVi: 'An ninh, trật tự an toàn xã hội', nameEn: 'Security & public order' },
  { code: 'urban', nameVi: 'Đô thị (Hà Nội, TP. Hồ Chí Minh)', nameEn: 'Urban (Hà Nội, HCMC)' },
  {
    code: 'government_administration',
    nameVi: 'Chỉ đạo, điều hành của Chính phủ',
    nameEn: 'Government direction & administration',
  },
] as const;

export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];
