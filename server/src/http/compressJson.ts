/**
 * Compresses the API's larger JSON answers to reads for clients that accept it. On a slow
 * link the board's pages of cards, the directory lists and the catch-up feed are mostly
 * repeated keys and ids: brotli or gzip sends a fraction of the bytes. Writes are left as
 * they are (their answers are small, and ingest pays for every microsecond); so are answers
 * under a kilobyte, which a packet carries anyway.
 */
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';

/** Smaller answers go as they are. */
export const COMPRESS_MIN_BYTES = 1024;
/**
 * Brotli's quality 4 with a 256 KB window compresses a page of cards about as well as gzip's
 * default (~7×) in about its time (well under a millisecond for 50 cards); the default 4 MB
 * window only costs setup time for answers this size.
 */
const brotliFor = (text: string) => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: text.length,
  },
});

/** Which encoding to answer in, from the request's Accept-Encoding; `;q=0` refuses an encoding (RFC 9110 §12.4.2). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const offered = (acceptEncoding ?? '')
    .split(',')
    .map((entry) => entry.split(';').map((part) => part.trim().toLowerCase()))
    .filter(([, ...params]) => !params.some((p) => /^q=0(\.0*)?$/.test(p)))
    .map(([name]) => name);
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

export const compressJson: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET') return next();
  res.vary('Accept-Encoding');
  const encoding = chooseEncoding(req.get('Accept-Encoding'));
  if (!encoding) return next();
  const sendJson = res.json.bind(res);
  res.json = (body: unknown) => {
    const text = JSON.stringify(body);
    if (text === undefined || Buffer.byteLength(text) < COMPRESS_MIN_BYTES) return sendJson(body);
    const compressed = encoding === 'br' ? zlib.brotliCompressSync(text, brotliFor(text)) : zlib.gzipSync(text);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Encoding', encoding);
    return res.send(compressed);
  };
  next();
};
