/**
 * Serves the built console. Vite names every asset under /assets by its content hash, so
 * those are cached for a year and never revalidated (`immutable`); index.html, which names
 * the current hashes, is always revalidated (`no-cache`). Precompressed .br/.gz siblings
 * made at build time are sent to browsers that accept them (Content-Encoding, Vary).
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const isHashedAsset = (file: string) => file.split(path.sep).includes('assets');

export function serveConsole(app: Express, clientDir: string | undefined): void {
  if (!clientDir || !fs.existsSync(path.join(clientDir, 'index.html'))) return;
  const index = path.join(clientDir, 'index.html');
  app.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        cacheControl: false, // set below, per kind of file
        setHeaders: (res: http.ServerResponse, file: string) => {
          res.setHeader('Cache-Control', isHashedAsset(path.relative(clientDir, file)) ? IMMUTABLE : 'no-cache');
        },
      },
    }),
  );
  // The console routes its own paths; every other GET gets the app shell.
  app.get(/^\/(?!api\/).*/, (req, res, next) => {
    // A missing hashed asset is a 404, not the app shell (which the browser would run as JS).
    if (req.path.startsWith('/assets/')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
