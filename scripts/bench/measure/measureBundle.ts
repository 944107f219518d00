import { spawnSync } from 'node:child_process';

export interface BundleRow {
  name: string;
  kb: number;
  limitKb?: number;
  ok: boolean;
}

export interface BundleResult {
  rows: BundleRow[];
  output: string;
}

/** Runs scripts/checkBundleSize.ts (the `npm run size` budget) on the bench's build and reads
 * its lines: "ok   page JS at start   31.2 KB gzip (limit 40 KB)". */
export function measureBundle(root: string, distDir: string): BundleResult {
  const run = spawnSync('npx', ['tsx', 'scripts/checkBundleSize.ts', distDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${run.stdout}${run.stderr}`.trim();
  const rows: BundleRow[] = [];
  for (const line of output.split('\n')) {
    const match = /^(ok|FAIL)\s+(.+?)\s+([\d.]+) KB gzip(?: \(limit (\d+) KB\))?/u.exec(
      line.trim(),
    );
    if (!match) continue;
    rows.push({
      name: match[2]!,
      kb: Number(match[3]),
      ...(match[4] !== undefined && { limitKb: Number(match[4]) }),
      ok: match[1] === 'ok',
    });
  }
  return { rows, output };
}
