import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineDescription {
  nproc: number;
  memoryGb: number;
  cpuModel: string;
  /** 1-minute load average when the run started: this machine is shared. */
  loadAverage: number;
  node: string;
  chromium: string;
  prosody: string;
  /** The commit measured, with "+dirty" when the working tree had changes. */
  commit: string;
}

function quietly(command: string, args: string[], cwd?: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

export function describeMachine(root: string, chromium: string): MachineDescription {
  const dirty = quietly('git', ['status', '--porcelain', '--untracked-files=no'], root) !== '';
  return {
    nproc: Number(quietly('nproc', [])) || cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel: cpuModel(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    node: process.version,
    chromium,
    // Debian's package version; `prosody --version` would start a server.
    prosody: `prosody ${quietly('dpkg-query', ['-W', '-f=${Version}', 'prosody'])}`,
    commit: `${quietly('git', ['rev-parse', '--short', 'HEAD'], root)}${dirty ? '+dirty' : ''}`,
  };
}
