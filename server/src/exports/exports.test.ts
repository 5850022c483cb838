/**
 * Official documents and spreadsheets: the initial report, the closing report and the annual
 * report convert to PDF with LibreOffice and carry the motto block and the right figures; the
 * incident export honours the list's filters and stores formula-like text as text.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTTO_NATION, MOTTO_SLOGAN } from '../documents/decree30.js';
import { createSeededHub, signIn, type TestHub } from '../testing/testHub.js';

let hub: TestHub;
let responder: string;
let leader: string;
let focal: string;
let agencyA: string;
let closedId: string;
let closedCode: string;
let openId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cert-hub-docs-'));

const binary = (req: supertest.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

const file = (body: Record<string, unknown>) =>
  hub
    .http()
    .post('/api/incidents')
    .set('Authorization', `Bearer ${responder}`)
    .send({
      agencyId: agencyA,
      description: 'Mô tả sự cố để kiểm tra văn bản và bảng tính.',
      contact: { name: 'Cán bộ trực', phone: '0263 3999 000' },
      ...body,
    });
const move = async (id: string, body: Record<string, unknown>) => {
  const current = await hub.http().get(`/api/incidents/${id}`).set('Authorization', `Bearer ${responder}`);
  const res = await hub
    .http()
    .post(`/api/incidents/${id}/transitions`)
    .set('Authorization', `Bearer ${responder}`)
    .send({ version: current.body.version, ...body });
  expect(res.status).toBe(200);
};

/** LibreOffice converts every file to PDF; pdftotext reads the PDF's text back. */
function pdfText(docx: Buffer, name: string): string {
  const input = path.join(tmp, `${name}.docx`);
  fs.writeFileSync(input, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, input], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(tmp, `${name}.pdf`);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const documentXml = async (docx: Buffer) => (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

beforeAll(async () => {
  hub = await createSeededHub();
  hub.clock.set('2026-11-20T02:00:00Z');
  responder = await signIn(hub, 'responder');
  leader = await signIn(hub, 'leader');
  focal = await signIn(hub, 'focal.b');
  agencyA = (await hub.store.agencies.list({ limit: 200 })).items.find((a) => a.name === 'Sở Tài chính tỉnh Hòa Lâm')!.id;
  const closed = await file({
    title: 'Tấn công từ chối dịch vụ cổng thông tin',
    category: 'ddos',
    detectedAt: '2026-11-20T07:00:00+07:00',
  });
  closedId = closed.body.id;
  closedCode = closed.body.code;
  await move(closedId, { to: 'triage' });
  await move(closedId, { to: 'initial_response', severity: 'high' });
  await move(closedId, { to: 'recovery' });
  await move(closedId, {
    to: 'closed',
    closingReport: {
      rootCause: 'Botnet khai thác dịch vụ DNS mở',
      actionsTaken: 'Chặn lưu lượng tại nhà mạng',
      damage: 'Cổng gián đoạn 2 giờ',
      recoveryTime: '2 giờ',
      recommendations: 'Thuê dịch vụ chống DDoS',
    },
  });
  const open = await file({
    title: '=HYPERLINK("http://evil.example","bấm vào")',
    category: 'phishing',
    detectedAt: '2026-11-19T07:00:00+07:00',
  });
  openId = open.body.id;
}, 60_000);
afterAll(async () => {
  await hub?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('official documents (Decree 30/2020)', () => {
  it('renders the initial report, the closing report and the annual report, each convertible to PDF with the motto and the figures', async () => {
    const initial = await binary(
      hub.http().get(`/api/incidents/${closedId}/documents/initial-report.docx`).set('Authorization', `Bearer ${responder}`),
    );
    expect(initial.status).toBe(200);
    expect(initial.headers['content-type']).toContain('wordprocessingml');
    const closing = await binary(
      hub.http().get(`/api/incidents/${closedId}/documents/closing-report.docx`).set('Authorization', `Bearer ${responder}`),
    );
    expect(closing.status).toBe(200);
    const annual = await binary(hub.http().get('/api/reports/annual/2026.docx').set('Authorization', `Bearer ${leader}`));
    expect(annual.status).toBe(200);

    for (const docx of [initial.body, closing.body, annual.body] as Buffer[]) {
      const xml = await documentXml(docx);
      expect(xml).toContain(MOTTO_NATION);
      expect(xml).toContain('Times New Roman');
      expect(xml).toContain('Nơi nhận:');
    }

    const initialText = pdfText(initial.body as Buffer, 'initial');
    expect(initialText).toContain(MOTTO_SLOGAN);
    expect(initialText).toContain(closedCode);
    expect(initialText).toContain('Sở Tài chính tỉnh Hòa Lâm');
    expect(initialText).toContain('Hòa Lâm, ngày 20 tháng 11 năm 2026');

    const closingText = pdfText(closing.body as Buffer, 'closing');
    expect(closingText).toContain(MOTTO_NATION);
    expect(closingText).toContain('Botnet khai thác dịch vụ DNS mở');
    expect(closingText).toContain('Thuê dịch vụ chống DDoS');

    const annualText = pdfText(annual.body as Buffer, 'annual');
    expect(annualText).toContain(MOTTO_NATION);
    // Two real incidents this year, one closed, one still open.
    expect(annualText).toContain('đã tiếp nhận 2 sự cố');
    expect(annualText).toContain('trong đó 1 sự cố đã kết thúc, 1 sự cố đang xử lý');
    expect(annualText).toContain('năm 2026');
  }, 240_000);

  it('refuses a closing report before there is one, an incident the caller cannot see, and the annual report to focal points', async () => {
    const early = await hub
      .http()
      .get(`/api/incidents/${openId}/documents/closing-report.docx`)
      .set('Authorization', `Bearer ${responder}`);
    expect(early.status).toBe(422);
    const hidden = await hub.http().get(`/api/incidents/${openId}/documents/initial-report.docx`).set('Authorization', `Bearer ${focal}`);
    expect(hidden.status).toBe(404);
    expect((await hub.http().get('/api/reports/annual/2026.docx').set('Authorization', `Bearer ${focal}`)).status).toBe(403);
    expect((await hub.http().get('/api/reports/annual/26.docx').set('Authorization', `Bearer ${leader}`)).status).toBe(400);
  });
});

describe('GET /api/incidents/export.xlsx', () => {
  it('exports the list with its filters and stores a cell starting with = as text', async () => {
    const res = await binary(hub.http().get('/api/incidents/export.xlsx?category=phishing').set('Authorization', `Bearer ${responder}`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2); // header + the one phishing incident
    const title = sheet.getRow(2).getCell(2);
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe('=HYPERLINK("http://evil.example","bấm vào")');
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');

    const all = await binary(hub.http().get('/api/incidents/export.xlsx').set('Authorization', `Bearer ${responder}`));
    const everything = new ExcelJS.Workbook();
    await everything.xlsx.load(all.body as ArrayBuffer);
    expect(everything.worksheets[0]!.rowCount).toBe(3);
  });

  it('exports the dashboard tables for leaders', async () => {
    const res = await binary(
      hub
        .http()
        .get('/api/stats/export.xlsx')
        .query({ from: '2026-01-01T00:00:00+07:00', to: '2026-12-31T23:59:59+07:00' })
        .set('Authorization', `Bearer ${leader}`),
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(4).values).toEqual([undefined, 'Tổng số sự cố', 2, 0]);
    expect(workbook.getWorksheet('Theo loại')!.rowCount).toBe(3);
  });
});
