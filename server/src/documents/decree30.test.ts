import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bodyParagraph, dataTable, MOTTO_NATION, MOTTO_SLOGAN, placeAndDate, renderOfficialDocx } from './decree30.js';

describe('Decree 30/2020 layout', () => {
  it('writes the date line in Viet Nam time with the leading zeros the decree asks for', () => {
    // 2026-02-04 20:00 UTC is already 5 February in Asia/Ho_Chi_Minh.
    expect(placeAndDate('Hòa Lâm', new Date('2026-02-04T20:00:00Z'))).toBe('Hòa Lâm, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Hòa Lâm', new Date('2026-11-29T03:00:00Z'))).toBe('Hòa Lâm, ngày 29 tháng 11 năm 2026');
  });

  it('produces a DOCX with the motto block, number/symbol, recipients, signer and body in Times New Roman', async () => {
    const bytes = await renderOfficialDocx({
      issuerParent: 'UBND tỉnh Hòa Lâm',
      issuer: 'Đội ứng cứu sự cố ATTT mạng tỉnh',
      numberSymbol: '12/BC-ĐUCSC',
      place: 'Hòa Lâm',
      date: new Date('2026-11-29T03:00:00Z'),
      documentType: 'Báo cáo',
      summary: 'Về sự cố SC-2026-000123',
      body: [bodyParagraph('Nội dung <w:t>không phải XML</w:t>'), dataTable(['Chỉ tiêu', 'Số lượng'], [['Sự cố', 7]])],
      recipients: ['UBND tỉnh'],
      signer: { authority: 'KT. Trưởng đội', title: 'Phó trưởng đội', name: 'Nguyễn Văn A' },
    });
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    for (const text of [
      MOTTO_NATION,
      MOTTO_SLOGAN,
      'Số: 12/BC-ĐUCSC',
      'Hòa Lâm, ngày 29 tháng 11 năm 2026',
      'BÁO CÁO',
      'Nơi nhận:',
      '- UBND tỉnh;',
      '- Lưu: VT.',
      'Nguyễn Văn A',
      'Times New Roman',
    ]) {
      expect(xml).toContain(text);
    }
    // Text is escaped by the library, never pasted as markup.
    expect(xml).toContain('&lt;w:t&gt;không phải XML&lt;/w:t&gt;');
  });
});
