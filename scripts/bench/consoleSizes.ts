/**
 * The console's JavaScript as a browser downloads it: every chunk raw, gzip and brotli, and
 * the initial JS (the entry script and what index.html preloads) that must arrive before
 * the sign-in page can render.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ConsoleSizes {
  built: boolean;
  chunks: number;
  totalJs: { raw: number; gzip: number; brotli: number };
  initialJs: { files: string[]; raw: number; gzip: number; brotli: number };
  largestChunk: { file: string; raw: number; gzip: number; brotli: number } | null;
  /** Whether the server has precompressed .br/.gz siblings to send. */
  precompressed: boolean;
  target: { initialJsCompressedBytes: number };
}

/** Sizes as served: the build's precompressed siblings when they exist, else compressed here. */
const sizes = (file: string) => {
  const buffer = fs.readFileSync(file);
  const sibling = (ext: string) => (fs.existsSync(`${file}.${ext}`) ? fs.statSync(`${file}.${ext}`).size : null);
  return {
    raw: buffer.length,
    gzip: sibling('gz') ?? zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: sibling('br') ?? zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

export function consoleSizes(distDir: string): ConsoleSizes {
  const empty = { raw: 0, gzip: 0, brotli: 0 };
  const target = { initialJsCompressedBytes: 300 * 1024 };
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile))
    return {
      built: false,
      chunks: 0,
      totalJs: empty,
      initialJs: { files: [], ...empty },
      largestChunk: null,
      precompressed: false,
      target,
    };
  const assets = path.join(distDir, 'assets');
  const jsFiles = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = fs.readFileSync(indexFile, 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const total = { ...empty };
  const init = { ...empty };
  let largest: ConsoleSizes['largestChunk'] = null;
  for (const file of jsFiles) {
    const s = sizes(path.join(assets, file));
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    if (initial.includes(file)) {
      init.raw += s.raw;
      init.gzip += s.gzip;
      init.brotli += s.brotli;
    }
    if (!largest || s.raw > largest.raw) largest = { file, ...s };
  }
  return {
    built: true,
    chunks: jsFiles.length,
    totalJs: total,
    initialJs: { files: initial, ...init },
    largestChunk: largest,
    precompressed: jsFiles.some((f) => fs.existsSync(path.join(assets, `${f}.br`))),
    target,
  };
}
