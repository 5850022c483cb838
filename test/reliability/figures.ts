/** Each reliability test adds its figures to test-results/reliability.json (quoted in the README). */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.js';

export function recordFigures(section: string, figures: Record<string, unknown>): void {
  const file = path.join(ROOT, 'test-results', 'reliability.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[section] = { ...figures, at: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  process.stdout.write(`[reliability] ${section}: ${JSON.stringify(figures)}\n`);
}
