/** Stored files (incident evidence, report attachments) leave only as inert downloads. */
import type { Response } from 'express';

/** An ASCII fallback name plus the exact UTF-8 name (RFC 6266), so Vietnamese names survive. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'evidence';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Always a download, never rendered: whatever the file holds stays inert. */
export function sendStoredFile(res: Response, fileName: string, filePath: string): void {
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Disposition', contentDisposition(fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  res.setHeader('Cache-Control', 'private, no-store');
  res.sendFile(filePath, { dotfiles: 'deny', headers: { 'Content-Type': 'application/octet-stream' } });
}
