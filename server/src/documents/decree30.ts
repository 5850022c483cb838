/**
 * The administrative document layout of Decree 30/2020/NĐ-CP (Phụ lục I), built with the
 * `docx` library: issuing-body header with number/symbol on the left, the national motto
 * block with place and date on the right, the document type and summary as a centred title,
 * the body, then recipients (Nơi nhận) and the signer block. Times New Roman 13-14 pt, A4,
 * margins 20-25 / 30-35 / 15-20 mm. Every official document of the hub goes through here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';

export const MOTTO_NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SLOGAN = 'Độc lập - Tự do - Hạnh phúc';

export interface OfficialDocument {
  /** The governing body above the issuer (cơ quan chủ quản), e.g. "UBND TỈNH HÒA LÂM"; may be empty. */
  issuerParent: string;
  /** The issuing body (cơ quan ban hành), e.g. "ĐỘI ỨNG CỨU SỰ CỐ ATTT MẠNG TỈNH". */
  issuer: string;
  /** Number and symbol without the "Số:" label, e.g. "12/BC-ĐUCSC". */
  numberSymbol: string;
  /** The place name in the date line (địa danh), e.g. "Hòa Lâm". */
  place: string;
  /** The date the document is issued; shown in Asia/Ho_Chi_Minh. */
  date: Date;
  /** The document type, shown in capitals (e.g. "BÁO CÁO"). */
  documentType: string;
  /** What it is about (trích yếu), e.g. "Về sự cố an toàn thông tin mạng SC-2026-000123". */
  summary: string;
  /** The body: paragraphs and tables made with `bodyParagraph`, `heading`, `dataTable`. */
  body: FileChild[];
  /** Recipients (Nơi nhận); "Lưu: VT" is added last. */
  recipients: string[];
  signer: { authority?: string; title: string; name: string };
}

const FONT = 'Times New Roman';
const pt = (points: number) => points * 2; // docx sizes are half-points
const mm = (millimetres: number) => Math.round((millimetres / 25.4) * 1440); // twips

const run = (text: string, options: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: pt(options.size ?? 13),
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    ...(options.underline ? { underline: {} } : {}),
  });

const centred = (...children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** The width between the margins (A4, 30 mm left, 15 mm right), in twips. */
const TEXT_WIDTH = mm(210 - 30 - 15);

// Fixed widths in twips: LibreOffice ignores percentage cell widths and would split the
// header evenly, wrapping the national name onto two lines.
function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent: number): Table {
  const leftWidth = Math.round((TEXT_WIDTH * leftPercent) / 100);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}

/** "Hòa Lâm, ngày 05 tháng 02 năm 2026": days below 10 and months 1-2 take a leading zero (Decree 30, Phụ lục I). */
export function placeAndDate(place: string, date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric', year: 'numeric' })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  const day = Number(parts.day);
  const month = Number(parts.month);
  const dd = day < 10 ? `0${day}` : String(day);
  const mmText = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mmText} năm ${parts.year}`;
}

/** A body paragraph: justified, first line indented, 13-14 pt. */
export const bodyParagraph = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, { size: 14, ...options })],
  });

/** A section heading inside the body ("1. Kết quả đạt được"). */
export const heading = (text: string) =>
  new Paragraph({ spacing: { before: 120, after: 60 }, indent: { firstLine: mm(10) }, children: [run(text, { size: 14, bold: true })] });

/** A bordered table with a bold header row; every cell is plain text (never parsed). */
export function dataTable(header: string[], rows: (string | number)[][]): Table {
  const cell = (text: string | number, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [run(String(text), { size: 12, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v, false)) })),
    ],
  });
}

export function officialDocument(doc: OfficialDocument): Document {
  const header = twoColumns(
    [
      ...(doc.issuerParent ? [centred(run(doc.issuerParent.toUpperCase(), { size: 13 }))] : []),
      centred(run(doc.issuer.toUpperCase(), { size: 13, bold: true })),
      centred(run('_______', { size: 13 })),
      centred(run(`Số: ${doc.numberSymbol}`, { size: 13 })),
    ],
    [
      centred(run(MOTTO_NATION, { size: 12, bold: true })), // Decree 30 allows 12-13 pt; at 13 it cannot fit one line
      centred(run(MOTTO_SLOGAN, { size: 14, bold: true })),
      centred(run('________________________', { size: 13 })),
      centred(run(placeAndDate(doc.place, doc.date), { size: 14, italics: true })),
    ],
    34,
  );
  const title = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
      children: [run(doc.documentType.toUpperCase(), { size: 14, bold: true })],
    }),
    centred(run(doc.summary, { size: 14, bold: true })),
    centred(run('___________', { size: 14 })),
  ];
  const footer = twoColumns(
    [
      new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
      ...[...doc.recipients, 'Lưu: VT'].map(
        (r, i, all) => new Paragraph({ children: [run(`- ${r}${i === all.length - 1 ? '.' : ';'}`, { size: 11 })] }),
      ),
    ],
    [
      ...(doc.signer.authority ? [centred(run(doc.signer.authority.toUpperCase(), { size: 14, bold: true }))] : []),
      centred(run(doc.signer.title.toUpperCase(), { size: 14, bold: true })),
      new Paragraph({ spacing: { before: 1200 }, children: [] }),
      centred(run(doc.signer.name, { size: 14, bold: true })),
    ],
    50,
  );
  return new Document({
    creator: 'CERT Hub',
    title: `${doc.documentType} ${doc.numberSymbol}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children: [header, ...title, ...doc.body, new Paragraph({ children: [] }), footer],
      },
    ],
  });
}

/** The document as DOCX bytes. */
export const renderOfficialDocx = (doc: OfficialDocument): Promise<Buffer> => Packer.toBuffer(officialDocument(doc));
