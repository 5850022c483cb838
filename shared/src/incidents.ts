/**
 * Incident vocabulary (domain.md §4-§5) and the pure rules about incidents: the serious
 * incident test (R2) and the late-report test (R1). Rules are code, tested by tables.
 */

/** Categories: ENISA/eCSIRT Reference Security Incident Taxonomy classes, with the Vietnamese labels people know. */
export const INCIDENT_CATEGORIES = [
  { code: 'ddos', rsit: 'availability/ddos', vi: 'Tấn công từ chối dịch vụ (DDoS)', en: 'Denial of service (DDoS)' },
  { code: 'phishing', rsit: 'fraud/phishing', vi: 'Giả mạo, lừa đảo (phishing)', en: 'Phishing' },
  { code: 'malware', rsit: 'malicious-code/infected-system', vi: 'Mã độc', en: 'Malware' },
  { code: 'ransomware', rsit: 'malicious-code/infected-system', vi: 'Mã hóa tống tiền (ransomware)', en: 'Ransomware' },
  {
    code: 'unauthorized_access',
    rsit: 'intrusions/system-compromise',
    vi: 'Truy cập trái phép, chiếm quyền điều khiển',
    en: 'Unauthorised access / takeover',
  },
  {
    code: 'defacement',
    rsit: 'information-content-security/unauthorised-modification-of-information',
    vi: 'Thay đổi giao diện',
    en: 'Defacement',
  },
  { code: 'content_injection', rsit: 'intrusions/application-compromise', vi: 'Chèn mã độc, nội dung', en: 'Content injection' },
  { code: 'data_leak', rsit: 'information-content-security/data-leak', vi: 'Lộ lọt dữ liệu', en: 'Data leak' },
  { code: 'dns_attack', rsit: 'intrusions/system-compromise', vi: 'Tấn công DNS', en: 'DNS attack' },
  { code: 'vulnerability', rsit: 'vulnerable/vulnerable-system', vi: 'Lỗ hổng bảo mật', en: 'Vulnerability' },
  { code: 'other', rsit: 'other/other', vi: 'Khác', en: 'Other' },
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number]['code'];
export const INCIDENT_CATEGORY_CODES = INCIDENT_CATEGORIES.map((c) => c.code) as [IncidentCategory, ...IncidentCategory[]];

/** The observed impacts that, on a level 4-5 or national-critical system, make an incident serious (R2). */
export const IMPACTS = ['service_interruption', 'state_secret_disclosure', 'integrity_loss', 'control_loss', 'spreading'] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_LABELS: Record<Impact, { vi: string; en: string }> = {
  service_interruption: { vi: 'Gián đoạn dịch vụ', en: 'Service interruption' },
  state_secret_disclosure: { vi: 'Có khả năng lộ bí mật nhà nước', en: 'State secrets likely disclosed' },
  integrity_loss: { vi: 'Mất toàn vẹn dữ liệu quan trọng, không khôi phục được', en: 'Critical data integrity lost' },
  control_loss: { vi: 'Mất quyền kiểm soát hệ thống', en: 'Loss of control of the system' },
  spreading: { vi: 'Có thể lan rộng, gây thiệt hại dây chuyền', en: 'May spread or cascade' },
};

/** TLP 2.0 (FIRST). */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, { vi: string; en: string }> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
};

export const INDICATOR_TYPES = ['ip', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INCIDENT_STATUSES = ['received', 'triage', 'initial_response', 'containment', 'recovery', 'closed', 'rejected'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const STATUS_LABELS: Record<IncidentStatus, { vi: string; en: string }> = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  triage: { vi: 'Xác minh, phân loại', en: 'Triage' },
  initial_response: { vi: 'Ứng cứu ban đầu', en: 'Initial response' },
  containment: { vi: 'Ngăn chặn, xử lý', en: 'Containment' },
  recovery: { vi: 'Khôi phục', en: 'Recovery' },
  closed: { vi: 'Kết thúc', en: 'Closed' },
  rejected: { vi: 'Không phải sự cố / trùng lặp', en: 'Rejected' },
};

// ---- R2: serious incident (Decision 05/2017/QĐ-TTg) ----

export interface SeriousnessInput {
  systemLevel: number | null;
  nationalCritical: boolean;
  impacts: readonly Impact[];
}

export interface Seriousness {
  serious: boolean;
  /** Why, in rule terms: which system criterion and which impacts matched. */
  reasons: string[];
}

/**
 * A serious incident: the system is level 4-5 or on the national critical list, AND it
 * suffers at least one of the five impacts.
 */
export function assessSeriousness(input: SeriousnessInput): Seriousness {
  const systemReasons: string[] = [];
  if (input.systemLevel !== null && input.systemLevel >= 4) systemReasons.push(`system_level_${input.systemLevel}`);
  if (input.nationalCritical) systemReasons.push('national_critical_system');
  const impacts = [...new Set(input.impacts)];
  if (systemReasons.length === 0 || impacts.length === 0) return { serious: false, reasons: [] };
  return { serious: true, reasons: [...systemReasons, ...impacts.map((i) => `impact_${i}`)] };
}

// ---- R1: report within 5 days of detection (Circular 20/2017/TT-BTTTT) ----

export const REPORT_DEADLINE_DAYS = 5;
const DAY_MS = 86_400_000;

/** Late when reported more than 5 days (120 hours) after detection. */
export function isLateReport(detectedAt: Date, reportedAt: Date): boolean {
  return reportedAt.getTime() - detectedAt.getTime() > REPORT_DEADLINE_DAYS * DAY_MS;
}

/** The code read aloud on the phone: SC-2026-000123. */
export function formatIncidentCode(year: number, sequence: number): string {
  return `SC-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year in Viet Nam (UTC+7, no daylight saving) for per-year numbering. */
export function vietnamYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** Indicators shown defanged so nobody clicks them: hxxps://evil[.]example, 203.0.113[.]7. */
export function defang(type: string, value: string): string {
  switch (type) {
    case 'url':
      return value.replace(/^http/i, 'hxxp').replace(/^ftp/i, 'fxp').replace(/\./g, '[.]');
    case 'domain':
    case 'ip':
      return value.replace(/\./g, '[.]').replace(/:/g, type === 'ip' ? '[:]' : ':');
    case 'email':
      return value.replace('@', '[@]').replace(/\./g, '[.]');
    default:
      return value;
  }
}
