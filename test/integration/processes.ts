// Process helpers of the fault tests (Linux /proc): the descendants of this extension host whose
// command line matches, e.g. the language server (dist/server.js), its compute process
// (dist/compute.js) and training jobs (dist/job.js). Not a test file (index.ts loads *.test.js).
import * as fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** R, S, D, Z (zombie: ended, not yet reaped) ... */
  state: string;
  cmdline: string;
  /** Start time in clock ticks since boot (orders processes by age). */
  started: number;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after "(comm)": state ppid ... starttime is field 22 overall
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid: Number(rest[1]), state: rest[0] ?? '?', cmdline, started: Number(rest[19]) };
  } catch {
    return undefined; // ended meanwhile
  }
}

/** Live descendants of `root` (default: this process) whose command line matches, oldest first. */
export function descendants(match: RegExp, root = process.pid): ProcessInfo[] {
  const all = fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readProcess(Number(n)))
    .filter((p): p is ProcessInfo => p !== undefined);
  const children = new Map<number, ProcessInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: ProcessInfo[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const c of children.get(queue.shift()!) ?? []) {
      queue.push(c.pid);
      if (c.state !== 'Z' && match.test(c.cmdline)) found.push(c);
    }
  }
  return found.sort((a, b) => a.started - b.started);
}

export function isAlive(pid: number): boolean {
  const p = readProcess(pid);
  return p !== undefined && p.state !== 'Z';
}
