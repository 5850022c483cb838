/**
 * XLSX exports (exceljs): the incident list with its filters, streamed page by page so a long
 * export never holds the event loop or the whole list in memory, and the dashboard's tables.
 * Every text value is written as a text cell, never as a formula; text that a spreadsheet
 * would read as one (starting with = + - @) also gets the Text number format, so editing the
 * cell later keeps it text (formula injection).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AGENCY_TYPE_LABELS, INCIDENT_CATEGORIES, isFormulaLike, SEVERITY_LABELS, STATUS_LABELS, type StatsView } from '@cert-hub/shared';
import type { IncidentRecord } from '../store/port.js';

type CellValue = string | number | Date | null;

/** Adds a row whose text cells can never become formulas. */
function addSafeRow(sheet: ExcelJS.Worksheet, values: CellValue[]): ExcelJS.Row {
  const row = sheet.addRow(values.map((v) => (v === null ? '' : v)));
  values.forEach((v, i) => {
    if (typeof v === 'string' && isFormulaLike(v)) row.getCell(i + 1).numFmt = '@';
  });
  return row;
}

const categoryVi = (code: string) => INCIDENT_CATEGORIES.find((c) => c.code === code)?.vi ?? code;

export const INCIDENT_COLUMNS = [
  'Mã sự cố',
  'Tiêu đề',
  'Cơ quan, đơn vị',
  'Loại sự cố',
  'Mức độ',
  'Trạng thái',
  'Nghiêm trọng',
  'Báo cáo chậm',
  'Diễn tập',
  'Hệ thống',
  'Cấp độ',
  'Phát hiện lúc',
  'Báo cáo lúc',
];

/**
 * Streams the incidents into `out` as an XLSX workbook. `pages` yields one page at a time;
 * between pages the writer yields to the event loop. `onRows` reports progress.
 */
export async function streamIncidentsXlsx(
  out: Writable,
  pages: AsyncIterable<IncidentRecord[]>,
  agencyName: (id: string) => Promise<string>,
  onRows: (written: number) => void = () => undefined,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Sự cố');
  sheet.columns = INCIDENT_COLUMNS.map((header) => ({ header, width: header === 'Tiêu đề' ? 50 : 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const page of pages) {
    for (const i of page) {
      addSafeRow(sheet, [
        i.code,
        i.title,
        await agencyName(i.agencyId),
        categoryVi(i.category),
        i.severity ? SEVERITY_LABELS[i.severity].vi : '',
        STATUS_LABELS[i.status].vi,
        i.serious ? 'Có' : 'Không',
        i.lateReport ? 'Có' : 'Không',
        i.drill ? 'Có' : 'Không',
        i.systemName,
        i.systemLevel,
        new Date(i.detectedAt),
        new Date(i.reportedAt),
      ]).commit();
      written++;
    }
    onRows(written);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return written;
}

/** The dashboard's tables, one sheet each. */
export async function statsXlsx(view: StatsView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CERT Hub';
  const sheet = (name: string, header: string[], rows: CellValue[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    ws.columns = header.map(() => ({ width: 28 }));
    for (const r of rows) addSafeRow(ws, r);
  };
  sheet(
    'Tổng hợp',
    ['Chỉ tiêu', 'Kỳ này', 'Kỳ trước'],
    [
      ['Từ', view.from, view.previous.from],
      ['Đến', view.to, view.previous.to],
      ['Tổng số sự cố', view.total, view.previous.total],
      ['Đang xử lý', view.open, view.previous.open],
      ['Đã kết thúc', view.closed, view.previous.closed],
      ['Nghiêm trọng', view.serious, view.previous.serious],
      ['Báo cáo chậm', view.late, view.previous.late],
      ['Thời gian tiếp nhận TB (giây)', view.meanTimeToAcknowledgeSeconds, view.previous.meanTimeToAcknowledgeSeconds],
      ['Thời gian tiếp nhận P90 (giây)', view.acknowledge.p90Seconds, null],
      ['Thời gian ngăn chặn TB (giây)', view.contain.meanSeconds, null],
      ['Thời gian ngăn chặn P90 (giây)', view.contain.p90Seconds, null],
      ['Thời gian kết thúc TB (giây)', view.close.meanSeconds, null],
      ['Thời gian kết thúc P90 (giây)', view.close.p90Seconds, null],
    ],
  );
  sheet(
    'Theo tháng',
    ['Tháng', 'Số lượng'],
    view.byMonth.map((b) => [b.key, b.count]),
  );
  sheet(
    'Theo loại',
    ['Loại sự cố', 'Số lượng'],
    view.byCategory.map((b) => [categoryVi(b.key), b.count]),
  );
  sheet(
    'Theo mức độ',
    ['Mức độ', 'Số lượng'],
    view.bySeverity.map((b) => [b.key, b.count]),
  );
  sheet(
    'Theo cơ quan',
    ['Cơ quan, đơn vị', 'Số lượng'],
    view.byAgency.map((b) => [b.name, b.count]),
  );
  sheet(
    'Theo loại hình',
    ['Loại hình', 'Số lượng'],
    view.byAgencyType.map((b) => [AGENCY_TYPE_LABELS[b.key as keyof typeof AGENCY_TYPE_LABELS]?.vi ?? b.key, b.count]),
  );
  sheet(
    'Theo lĩnh vực',
    ['Lĩnh vực', 'Số lượng'],
    view.bySector.map((b) => [b.key, b.count]),
  );
  sheet(
    'Theo cấp độ',
    ['Cấp độ', 'Số lượng'],
    view.bySystemLevel.map((b) => [b.key, b.count]),
  );
  sheet(
    'Báo cáo chậm',
    ['Cơ quan, đơn vị', 'Tổng số', 'Chậm', 'Tỷ lệ'],
    view.lateShareByAgency.map((l) => [l.agencyName, l.total, l.late, Math.round(l.share * 1000) / 10]),
  );
  sheet(
    'Sự cố nghiêm trọng',
    ['Mã', 'Tiêu đề', 'Cơ quan', 'Trạng thái', 'Báo cáo lúc'],
    view.seriousIncidents.map((i) => [i.code, i.title, i.agencyName, i.status, i.reportedAt]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
