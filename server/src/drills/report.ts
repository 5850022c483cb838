/**
 * The after-action report (báo cáo tổng kết diễn tập) as a Decree 30/2020 DOCX, built with
 * the hub's one official-document layout: scenario, timeline, per-team metrics, objective
 * scores, observations, lessons and their status.
 */
import { MILESTONES, type Milestone } from '@cert-hub/shared';
import { bodyParagraph, dataTable, heading, renderOfficialDocx } from '../documents/decree30.js';
import type { DrillRecord } from '../store/port.js';
import type { DrillMetrics } from './metrics.js';
import { objectiveScores } from './metrics.js';

const TYPE_VI = { tabletop: 'Diễn tập trên bản đồ', live_fire: 'Diễn tập thực chiến', combined: 'Diễn tập kết hợp' } as const;
const MILESTONE_VI: Record<Milestone, string> = {
  acknowledged: 'Tiếp nhận',
  leftTriage: 'Xác minh, phân loại xong',
  contained: 'Ngăn chặn',
  closed: 'Kết thúc',
};

/** "12 phút 05 giây" for a number of seconds; "—" when the milestone was not reached. */
export function spokenDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} giờ` : '', m ? `${m} phút` : '', `${String(s).padStart(2, '0')} giây`].filter(Boolean).join(' ');
}

const vnTime = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(new Date(iso))
    : '—';

export interface ReportContext {
  province: string;
  issuer: string;
  teamNames: Map<string, string>;
  agencyNames: Map<string, string>;
  signerName: string;
  date: Date;
}

export async function renderDrillReport(drill: DrillRecord, metrics: DrillMetrics, ctx: ReportContext): Promise<Buffer> {
  const team = (id: string | null) => (id ? (ctx.teamNames.get(id) ?? id) : '—');
  const agency = (id: string | null) => (id ? (ctx.agencyNames.get(id) ?? id) : '—');
  const place = ctx.province.replace(/^Tỉnh\s+/i, '');
  const body = [
    heading('I. THÔNG TIN CHUNG'),
    bodyParagraph(`Tên cuộc diễn tập: ${drill.name}. Hình thức: ${TYPE_VI[drill.type]}. Năm: ${drill.year}.`),
    bodyParagraph(`Thời gian: bắt đầu ${vnTime(drill.startedAt)}, kết thúc ${vnTime(drill.endedAt)}.`),
    bodyParagraph(`Cơ quan, đơn vị tham gia: ${drill.participatingAgencyIds.map(agency).join('; ') || '—'}.`),
    bodyParagraph(
      `Đội tham gia: ${drill.teamIds.map(team).join('; ') || '—'}. Số người tham dự: ${drill.participants.filter((p) => p.attended).length}.`,
    ),
    heading('II. KỊCH BẢN'),
    bodyParagraph(drill.scenario || '—'),
    heading('III. DIỄN BIẾN (CÁC TÌNH HUỐNG)'),
    dataTable(
      ['Tình huống', 'Thời điểm dự kiến', 'Thời điểm phát', 'Đội / cơ quan nhận'],
      drill.injects.map((i) => [
        i.title ?? i.incident?.title ?? i.message ?? i.id,
        vnTime(i.dueAt),
        vnTime(i.firedAt),
        `${team(i.target.teamId)} / ${agency(i.target.agencyId)}`,
      ]),
    ),
    heading('IV. KẾT QUẢ ĐO LƯỜNG THEO ĐỘI'),
    dataTable(
      ['Tình huống', 'Đội', ...MILESTONES.map((m) => MILESTONE_VI[m]), 'Nhiệm vụ hoàn thành'],
      metrics.rows.map((r) => [
        r.injectTitle ?? r.incidentCode,
        team(r.teamId),
        ...MILESTONES.map((m) => spokenDuration(r.seconds[m])),
        `${r.tasksDone.length}/${r.tasksTotal}`,
      ]),
    ),
    bodyParagraph(
      `Thời gian trung bình: ${MILESTONES.map((m) => `${MILESTONE_VI[m].toLowerCase()} ${spokenDuration(metrics.averageSeconds[m])}`).join('; ')}.`,
    ),
    heading('V. ĐÁNH GIÁ MỤC TIÊU'),
    dataTable(
      ['Mục tiêu', 'Điểm trung bình', 'Số lượt chấm'],
      objectiveScores(drill).map((o) => [o.title, o.average === null ? '—' : String(o.average), o.count]),
    ),
    heading('VI. NHẬN XÉT CỦA BAN ĐÁNH GIÁ'),
    ...(drill.observations.length ? drill.observations.map((o) => bodyParagraph(`- ${o.authorName}: ${o.text}`)) : [bodyParagraph('—')]),
    heading('VII. BÀI HỌC KINH NGHIỆM VÀ TÌNH TRẠNG KHẮC PHỤC'),
    dataTable(
      ['Bài học', 'Người phụ trách', 'Hạn', 'Tình trạng'],
      drill.lessons.map((l) => [
        l.title,
        l.ownerName,
        l.dueDate.split('-').reverse().join('/'),
        l.status === 'done' ? 'Đã hoàn thành' : 'Đang thực hiện',
      ]),
    ),
  ];
  return renderOfficialDocx({
    issuerParent: `UBND ${ctx.province}`.toUpperCase(),
    issuer: ctx.issuer.toUpperCase(),
    numberSymbol: `/BC-ĐUCSC`,
    place,
    date: ctx.date,
    documentType: 'Báo cáo',
    summary: `Tổng kết ${drill.name}`,
    body,
    recipients: [`UBND ${ctx.province}`, 'Tiểu ban An toàn, An ninh mạng tỉnh', 'Các cơ quan, đơn vị tham gia diễn tập'],
    signer: { title: 'Trưởng đội', name: ctx.signerName },
  });
}
