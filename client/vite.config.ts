import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/**
 * Modules statically reachable from the signed-in workspace (layout, live connection) and
 * from the board, each set computed once the module graph is known. On a slow link what costs
 * is the number of requests more than their bytes: a browser opens six connections to the
 * hub and every request waits a full round trip, so ~30 small chunks arrive in five waves of
 * latency. Grouping each path into one chunk makes sign-in → board two requests.
 */
const pathModules = { workspace: new Set<string>(), board: new Set<string>() };
const PATH_ROOTS: Record<keyof typeof pathModules, string> = {
  workspace: path.resolve(import.meta.dirname, 'src/app/Workspace.tsx'),
  board: path.resolve(import.meta.dirname, 'src/board/BoardPage.tsx'),
};

/** Component libraries whose index re-exports every component: only what a module names is followed. */
const BARRELS: Record<string, RegExp> = {
  antd: /[\\/]node_modules[\\/]antd[\\/]es[\\/]index\.js$/,
  '@ant-design/icons': /[\\/]node_modules[\\/]@ant-design[\\/]icons[\\/]es[\\/]index\.js$/,
};
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** The values a source file imports from `pkg` (type-only names are erased, so left out). */
function namedImports(file: string, pkg: string): string[] {
  if (!/\.[jt]sx?$/.test(file) || file.includes('node_modules') || !fs.existsSync(file)) return [];
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)]
    .filter((m) => m[2] === pkg)
    .flatMap((m) =>
      m[1]!
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0]!),
    );
}

function criticalPaths(): Plugin {
  return {
    name: 'cert-hub:critical-paths',
    apply: 'build',
    buildEnd() {
      for (const [name, root] of Object.entries(PATH_ROOTS) as [keyof typeof pathModules, string][]) {
        const seen = pathModules[name];
        seen.clear();
        const stack = [root];
        while (stack.length > 0) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          // Static imports only: what a page loads lazily stays in its own chunk.
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) {
            const pkg = Object.keys(BARRELS).find((p) => BARRELS[p]!.test(imported));
            if (!pkg) {
              stack.push(imported);
              continue;
            }
            // A component library's index names every component; follow only the ones this
            // module uses (all of them if a name cannot be matched, which is never wrong).
            // (the icons' index re-exports a second index, icons/index.js, that names each icon)
            const exported = (this.getModuleInfo(imported)?.importedIds ?? []).flatMap((e) =>
              /[\\/]icons[\\/]index\.js$/.test(e) ? (this.getModuleInfo(e)?.importedIds ?? []) : [e],
            );
            const used = namedImports(id, pkg).map((n) =>
              exported.find((e) => e.endsWith(`/${kebab(n)}/index.js`) || e.endsWith(`/${n}.js`)),
            );
            stack.push(...(used.every(Boolean) ? (used as string[]) : [imported]));
          }
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    criticalPaths(),
    // Precompressed siblings (.br, .gz) that the hub sends as-is to browsers that accept them.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080', '/socket.io': { target: 'http://localhost:8080', ws: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Pages are split per route (React.lazy in App.tsx); this only flags a chunk grown out of hand.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What the sign-in page needs, in one chunk beside the entry.
            { name: 'initial', tags: ['$initial'], priority: 3 },
            { name: 'workspace', test: (id) => pathModules.workspace.has(id), priority: 2 },
            { name: 'board', test: (id) => pathModules.board.has(id), priority: 1 },
          ],
        },
      },
    },
  },
});
