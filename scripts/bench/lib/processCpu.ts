import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) of each process, by pid, with a label saying what it is. */
export type CpuSnapshot = Map<number, { label: string; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14 and stime 15 (1-based, man 5 proc).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** What a Chromium process is, from its command line. */
function chromiumLabel(cmdline: string): string {
  const type = /--type=([\w-]+)/u.exec(cmdline)?.[1];
  if (type === undefined) return 'browser';
  if (type === 'utility') {
    if (cmdline.includes('StorageService')) return 'storage';
    if (cmdline.includes('NetworkService')) return 'network';
    return 'utility';
  }
  return type === 'gpu-process' ? 'gpu' : type;
}

/**
 * CPU time of the Chromium processes of one profile (their command lines name its user data
 * dir) and of the given other processes (Prosody), so a run's cost can be split between the
 * renderer (page and worker), the browser process, the storage service (IndexedDB) and the
 * server. Counters are per process, whole-process: threads are not told apart.
 */
export function cpuSnapshot(userDataDir: string, others: Record<string, number>): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/gu, ' ');
    } catch {
      continue;
    }
    if (!cmdline.includes(`--user-data-dir=${userDataDir}`)) continue;
    const ms = cpuMs(pid);
    if (ms !== undefined) snapshot.set(pid, { label: chromiumLabel(cmdline), ms });
  }
  for (const [label, pid] of Object.entries(others)) {
    const ms = cpuMs(pid);
    if (ms !== undefined) snapshot.set(pid, { label, ms });
  }
  return snapshot;
}

/** CPU ms spent between two snapshots, summed by label (processes that ended are left out). */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [pid, { label, ms }] of after) {
    const start = before.get(pid)?.ms ?? 0;
    spent[label] = (spent[label] ?? 0) + ms - start;
  }
  return spent;
}
