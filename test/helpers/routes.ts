/**
 * The API's endpoint list as each place states it, as `METHOD /api/path` strings (Express
 * path syntax): what the Express app mounts, what the OpenAPI document describes, and what the
 * README's API table lists. Used by the access matrix and test/api-documentation.test.ts.
 */

/** Every route the Express app mounts, walked from its router stack. */
export function mountedRoutes(app: unknown): string[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: string;
  }
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack, prefix + (layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : ''));
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(out)];
}

/** The operations of an OpenAPI document (`servers[0].url` prefixed, `{id}` written `:id`). */
export function documentedRoutes(document: { servers?: { url: string }[]; paths: Record<string, Record<string, unknown>> }): string[] {
  const base = document.servers?.[0]?.url ?? '';
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${base}${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

const METHODS = '(?:GET|POST|PUT|PATCH|DELETE)';
const FULL = new RegExp(`^(${METHODS}(?:/${METHODS})*) (/api/\\S*)$`);

/**
 * The routes the README's API table lists. The table starts at the row `| endpoint | what |`;
 * in its first column each code span is one of:
 *   `GET/POST /api/agencies`          methods (split by `/`) and a full path; `?query` is ignored;
 *   `/refresh`                         after a full span: the same methods, the previous path
 *                                      with its last segment replaced (`POST /api/auth/login` · `/refresh`);
 *   `GET /api/reports/rounds/:id[/consolidated]`  an optional tail: both paths.
 * Any other code span (a body, a header name) is not a route.
 */
export function readmeRoutes(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^\|\s*endpoint\s*\|\s*what\s*\|/.test(l));
  if (start < 0) throw new Error('README: no API table (a row "| endpoint | what |")');
  const out: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const firstCell = line.split('|')[1] ?? '';
    let methods: string[] = [];
    let previous = '';
    for (const [, span] of firstCell.matchAll(/`([^`]+)`/g)) {
      const full = FULL.exec(span!);
      let path: string;
      if (full) {
        methods = full[1]!.split('/');
        path = full[2]!;
      } else if (/^\/\S*$/.test(span!) && previous) {
        path = previous.replace(/\/[^/]*$/, '') + span!;
      } else continue;
      path = path.replace(/\?.*$/, '');
      const optional = /^(.*)\[(\/[^\]]+)\]$/.exec(path);
      const paths = optional ? [optional[1]!, optional[1]! + optional[2]!] : [path];
      previous = paths[0]!;
      for (const p of paths) for (const m of methods) out.push(`${m} ${p}`);
    }
  }
  return [...new Set(out)];
}
