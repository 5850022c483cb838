/**
 * The official documents of issue #10, all through the Decree 30/2020 builder: the initial
 * report of an incident (the agency's báo cáo ban đầu), its closing report (báo cáo kết thúc
 * ứng phó sự cố) and the province's annual report with statistics, serious incidents,
 * compliance, difficulties and recommendations.
 */
import {
  AGENCY_TYPE_LABELS,
  IMPACT_LABELS,
  INCIDENT_CATEGORIES,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type ComplianceLine,
  type StatsPeriod,
} from '@cert-hub/shared';
import { bodyParagraph, dataTable, heading, renderOfficialDocx } from '../documents/decree30.js';
import type { AgencyRecord, IncidentRecord, TeamRecord } from '../store/port.js';

const VN = 'Asia/Ho_Chi_Minh';
const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: VN,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
const categoryVi = (code: string) => INCIDENT_CATEGORIES.find((c) => c.code === code)?.vi ?? code;
const hours = (seconds: number | null) => (seconds === null ? '—' : `${(seconds / 3600).toFixed(1)} giờ`);

/** "Tỉnh Hòa Lâm" → the place name in the date line, "Hòa Lâm". */
export const placeOf = (province: string) => province.replace(/^(tỉnh|thành phố)\s+/i, '');

export interface Issuer {
  province: string;
  standingTeam: TeamRecord | null;
}

const certName = (issuer: Issuer) => issuer.standingTeam?.name ?? 'Đội ứng cứu sự cố an toàn thông tin mạng tỉnh';

export function initialReportDocx(incident: IncidentRecord, agency: AgencyRecord, issuer: Issuer, date: Date): Promise<Buffer> {
  const rows: [string, string][] = [
    ['Mã sự cố', incident.code],
    ['Cơ quan, đơn vị báo cáo', agency.name],
    ['Người liên hệ', incident.contact ? `${incident.contact.name} - ${incident.contact.phone}` : incident.reporter.name],
    ['Hệ thống bị sự cố', `${incident.systemName ?? '—'}${incident.systemLevel ? ` (cấp độ ${incident.systemLevel})` : ''}`],
    ['Thời điểm phát hiện', dateTime(incident.detectedAt)],
    ['Thời điểm báo cáo', dateTime(incident.reportedAt)],
    ['Loại sự cố', categoryVi(incident.category)],
    ['Ảnh hưởng', incident.impacts.map((i) => IMPACT_LABELS[i].vi).join('; ') || 'Chưa xác định'],
    ['Phân loại TLP', `TLP:${incident.tlp.toUpperCase()}`],
  ];
  return renderOfficialDocx({
    issuerParent: `UBND ${issuer.province}`,
    issuer: agency.name,
    numberSymbol: '      /BC',
    place: placeOf(issuer.province),
    date,
    documentType: 'Báo cáo',
    summary: `Báo cáo ban đầu sự cố an toàn thông tin mạng ${incident.code}`,
    body: [
      heading('1. Thông tin chung về sự cố'),
      dataTable(['Nội dung', 'Thông tin'], rows),
      heading('2. Mô tả sự cố'),
      bodyParagraph(incident.title, { bold: true }),
      bodyParagraph(incident.description),
      heading('3. Các biện pháp đã thực hiện'),
      bodyParagraph(incident.actionsTaken ?? 'Chưa có.'),
      heading('4. Đề nghị hỗ trợ'),
      bodyParagraph(incident.supportRequested ? 'Đề nghị Đội ứng cứu sự cố hỗ trợ xử lý.' : 'Không đề nghị hỗ trợ.'),
      ...(incident.lateReport ? [bodyParagraph('Ghi chú: báo cáo sau quá 05 ngày kể từ khi phát hiện sự cố.', { italics: true })] : []),
    ],
    recipients: [certName(issuer), 'Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)'],
    signer: { title: 'Thủ trưởng cơ quan, đơn vị', name: '' },
  });
}

export function closingReportDocx(incident: IncidentRecord, agency: AgencyRecord, issuer: Issuer, date: Date): Promise<Buffer> {
  const report = incident.closingReport!;
  return renderOfficialDocx({
    issuerParent: `UBND ${issuer.province}`,
    issuer: certName(issuer),
    numberSymbol: '      /BC-ĐUCSC',
    place: placeOf(issuer.province),
    date,
    documentType: 'Báo cáo',
    summary: `Kết thúc ứng phó sự cố an toàn thông tin mạng ${incident.code}`,
    body: [
      heading('1. Thông tin sự cố'),
      dataTable(
        ['Nội dung', 'Thông tin'],
        [
          ['Mã sự cố', incident.code],
          ['Cơ quan, đơn vị', agency.name],
          ['Loại sự cố', categoryVi(incident.category)],
          ['Mức độ', incident.severity ? SEVERITY_LABELS[incident.severity].vi : '—'],
          ['Trạng thái', STATUS_LABELS[incident.status].vi],
          ['Thời điểm phát hiện', dateTime(incident.detectedAt)],
          ['Thời điểm kết thúc', dateTime(incident.statusChangedAt)],
        ],
      ),
      heading('2. Nguyên nhân'),
      bodyParagraph(report.rootCause),
      heading('3. Các biện pháp đã thực hiện'),
      bodyParagraph(report.actionsTaken),
      heading('4. Thiệt hại'),
      bodyParagraph(report.damage),
      heading('5. Thời gian khôi phục'),
      bodyParagraph(report.recoveryTime),
      heading('6. Đề xuất, kiến nghị'),
      bodyParagraph(report.recommendations),
    ],
    recipients: [agency.name, 'Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)'],
    signer: { title: 'Trưởng đội', name: '' },
  });
}

export interface AnnualReportInput {
  year: number;
  stats: StatsPeriod;
  serious: { code: string; title: string; agencyName: string; status: string }[];
  compliance: ComplianceLine[];
  difficulties: string[];
  recommendations: string[];
  results: string[];
  /** Drills of the year, held here or elsewhere (R4). */
  drills?: { name: string; date: string; participants: number }[];
}

export function annualReportDocx(input: AnnualReportInput, issuer: Issuer, date: Date): Promise<Buffer> {
  const s = input.stats;
  const complianceByRule = new Map<string, number>();
  for (const line of input.compliance) complianceByRule.set(line.rule, (complianceByRule.get(line.rule) ?? 0) + 1);
  const paragraphs = (items: string[], empty: string) => (items.length ? items : [empty]).map((t) => bodyParagraph(t));
  return renderOfficialDocx({
    issuerParent: `UBND ${issuer.province}`,
    issuer: certName(issuer),
    numberSymbol: '      /BC-ĐUCSC',
    place: placeOf(issuer.province),
    date,
    documentType: 'Báo cáo',
    summary: `Kết quả công tác ứng cứu sự cố an toàn thông tin mạng năm ${input.year}`,
    body: [
      heading('I. TÌNH HÌNH SỰ CỐ TRONG NĂM'),
      bodyParagraph(
        `Trong năm ${input.year}, Đội ứng cứu sự cố đã tiếp nhận ${s.total} sự cố (không tính sự cố diễn tập), trong đó ${s.closed} sự cố đã kết thúc, ${s.open} sự cố đang xử lý, ${s.serious} sự cố nghiêm trọng và ${s.late} sự cố báo cáo chậm quá 05 ngày.`,
      ),
      dataTable(
        ['Chỉ tiêu', 'Giá trị'],
        [
          ['Tổng số sự cố', s.total],
          ['Đã kết thúc', s.closed],
          ['Đang xử lý', s.open],
          ['Sự cố nghiêm trọng', s.serious],
          ['Báo cáo chậm (R1)', s.late],
          ['Thời gian tiếp nhận trung bình', hours(s.acknowledge.meanSeconds)],
          ['Thời gian ngăn chặn trung bình', hours(s.contain.meanSeconds)],
          ['Thời gian kết thúc trung bình', hours(s.close.meanSeconds)],
        ],
      ),
      heading('1. Theo loại sự cố'),
      dataTable(
        ['Loại sự cố', 'Số lượng'],
        s.byCategory.map((b) => [categoryVi(b.key), b.count]),
      ),
      heading('2. Theo tháng'),
      dataTable(
        ['Tháng', 'Số lượng'],
        s.byMonth.map((b) => [b.key, b.count]),
      ),
      heading('3. Theo loại hình cơ quan'),
      dataTable(
        ['Loại hình', 'Số lượng'],
        s.byAgencyType.map((b) => [AGENCY_TYPE_LABELS[b.key as keyof typeof AGENCY_TYPE_LABELS]?.vi ?? b.key, b.count]),
      ),
      heading('4. Các sự cố nghiêm trọng'),
      input.serious.length
        ? dataTable(
            ['Mã', 'Tên sự cố', 'Cơ quan', 'Trạng thái'],
            input.serious.map((i) => [i.code, i.title, i.agencyName, i.status]),
          )
        : bodyParagraph('Không có sự cố nghiêm trọng.'),
      heading('II. DIỄN TẬP'),
      ...(input.drills && input.drills.length
        ? [
            dataTable(
              ['Cuộc diễn tập', 'Thời gian', 'Số đơn vị tham gia'],
              input.drills.map((d) => [d.name, d.date, d.participants]),
            ),
          ]
        : [bodyParagraph('Trong năm chưa tổ chức hoặc tham gia cuộc diễn tập nào.')]),
      heading('III. TUÂN THỦ QUY ĐỊNH'),
      dataTable(
        ['Nội dung', 'Số trường hợp'],
        [
          ['Chưa có đầu mối 24/7 hoặc thông tin đầu mối cũ (R6)', complianceByRule.get('R6') ?? 0],
          ['Hệ thống cấp độ 3 trở lên quá hạn kiểm tra, đánh giá (R3)', complianceByRule.get('R3') ?? 0],
          ['Cơ quan chậm gửi báo cáo định kỳ (R5)', complianceByRule.get('R5') ?? 0],
          ['Cơ quan báo cáo sự cố chậm (R1)', complianceByRule.get('R1') ?? 0],
        ],
      ),
      heading('IV. KẾT QUẢ ĐẠT ĐƯỢC'),
      ...paragraphs(input.results, 'Các cơ quan, đơn vị chưa gửi nội dung.'),
      heading('V. KHÓ KHĂN, VƯỚNG MẮC'),
      ...paragraphs(input.difficulties, 'Không có.'),
      heading('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
      ...paragraphs(input.recommendations, 'Không có.'),
    ],
    recipients: [`UBND ${issuer.province}`, 'Trung tâm Ứng cứu khẩn cấp không gian mạng Việt Nam (VNCERT/CC)'],
    signer: { title: 'Trưởng đội', name: '' },
  });
}
