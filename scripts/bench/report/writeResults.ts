import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from './BenchResults';

/** Writes `.bench/results-<date>.json`; returns its path. */
export function writeResultsJson(benchDir: string, results: BenchResults): string {
  mkdirSync(benchDir, { recursive: true });
  const stamp = results.date.replace(/:/gu, '-').replace(/\.\d+Z$/u, 'Z');
  const path = join(benchDir, `results-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

/** Appends the run's tables at the end of docs/benchmarks.md (its "Runs" section). */
export function appendToDocs(docPath: string, report: string): void {
  if (!existsSync(docPath)) throw new Error(`${docPath} is missing`);
  appendFileSync(docPath, `\n${report.trimEnd()}\n`);
}
