import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { BenchResults } from './BenchResults';

/** Writes `.bench/results-<date>.json`; returns its path. */
export function writeResultsJson(benchDir: string, results: BenchResults): string {
  mkdirSync(benchDir, { recursive: true });
  const stamp = results.date.replace(/:/gu, '-').replace(/\.\d+Z$/u, 'Z');
  const path = join(benchDir, `results-${stamp}.json`);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}

/**
 * Appends the run's tables at the end of docs/benchmarks.md (its "Runs" section), formatted by
 * the project's Prettier: `npm test` checks the formatting of every committed file.
 */
export async function appendToDocs(docPath: string, report: string): Promise<void> {
  if (!existsSync(docPath)) throw new Error(`${docPath} is missing`);
  const text = `${readFileSync(docPath, 'utf8').trimEnd()}\n\n${report.trimEnd()}\n`;
  const options = (await resolveConfig(docPath)) ?? {};
  writeFileSync(docPath, await format(text, { ...options, filepath: docPath }));
}
