/**
 * Compiles the server to JavaScript for production: one ESM file, server/dist/main.js, that
 * `npm run serve` and the Docker image run with plain `node` (no TypeScript at run time).
 * The workspace package @cert-hub/shared is TypeScript source, so it is compiled into the
 * bundle; every other package stays an ordinary import from node_modules (native modules
 * such as better-sqlite3 and bcrypt cannot be bundled). Type checking stays with `tsc`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'server/src/main.ts')],
  outfile: path.join(root, 'server/dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-node-modules',
      setup(b) {
        // Bare specifiers are packages: keep them external, except our own shared sources.
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path === '@cert-hub/shared' || args.path.startsWith('@cert-hub/shared/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
process.stdout.write('server compiled to server/dist/main.js\n');
