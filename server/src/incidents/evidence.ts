/**
 * What evidence files are accepted, decided from their content (magic bytes), not from the
 * name or the declared type: an HTML page renamed .png is refused. Plain-text evidence
 * (logs, CSV, JSON, e-mail sources) has no magic bytes; it must look like text.
 */
import { fileTypeFromFile } from 'file-type';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Detected media type → the extensions a file of that type may carry. */
const BINARY_TYPES: Record<string, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/bmp': ['bmp'],
  'application/pdf': ['pdf'],
  'application/zip': ['zip'],
  'application/gzip': ['gz', 'tgz'],
  'application/x-7z-compressed': ['7z'],
  'application/x-rar-compressed': ['rar'],
  'application/vnd.tcpdump.pcap': ['pcap', 'cap'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
};
/** Text evidence; an empty extension covers files such as `passwd` or `syslog`. */
const TEXT_EXTENSIONS = ['txt', 'log', 'csv', 'json', 'eml', 'evtx.txt', ''];

export type EvidenceVerdict = { ok: true; mediaType: string } | { ok: false; reason: string };

export const extensionOf = (fileName: string) => {
  const base = path.basename(fileName).toLowerCase();
  const dot = base.indexOf('.', 1);
  return dot === -1 ? '' : base.slice(base.lastIndexOf('.') + 1);
};

/** The name shown to people: no directories, no control characters, bounded length. */
export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'evidence').slice(0, 200);
}

async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    // Valid UTF-8. Only a sample cut short of the file's end may end inside a character
    // (`stream` accepts that); chopping bytes off instead split the last letter of short
    // Vietnamese texts and refused them.
    const wholeFile = bytesRead < buffer.length;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !wholeFile });
      return true;
    } catch {
      return false;
    }
  } finally {
    await handle.close();
  }
}

export async function checkEvidence(file: string, fileName: string): Promise<EvidenceVerdict> {
  const extension = extensionOf(fileName);
  const detected = await fileTypeFromFile(file);
  if (detected) {
    const allowed = BINARY_TYPES[detected.mime];
    if (!allowed) return { ok: false, reason: `files of type ${detected.mime} are not accepted as evidence` };
    if (!allowed.includes(extension))
      return { ok: false, reason: `the content is ${detected.mime} but the name ends in .${extension || '(none)'}` };
    return { ok: true, mediaType: detected.mime };
  }
  if (Object.values(BINARY_TYPES).some((exts) => exts.includes(extension)))
    return { ok: false, reason: `the name ends in .${extension} but the content is not a .${extension} file` };
  if (!TEXT_EXTENSIONS.includes(extension)) return { ok: false, reason: `.${extension} files are not accepted as evidence` };
  if (!(await looksLikeText(file))) return { ok: false, reason: 'the file is neither a known document type nor plain text' };
  return { ok: true, mediaType: 'text/plain' };
}
