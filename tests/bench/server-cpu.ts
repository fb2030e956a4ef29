// The CPU time the servers under load spend, read from /proc: what each request costs a server is far steadier on a
// shared machine than the rate, which others' work on the same cores pulls down.
import fs from 'node:fs';

/** The process group of the server behind each URL (startApp puts `next start` in its own group). */
export const serverGroups = new Map<string, number>();

/**
 * CPU time (user + system, ms) used so far by the servers behind `urls`, read from /proc: every process of their
 * groups, so the load generator in this process is not counted. What each request costs the server is far steadier
 * on a shared machine than the rate, which others' work on the same cores pulls down. NaN where /proc is missing.
 */
export function serverCpuMs(urls: string[]): number {
  const groups = new Set(urls.map((u) => serverGroups.get(u)));
  let ticks = 0;
  try {
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      // Fields after "(comm)": state ppid pgrp … utime (14th field overall) stime (15th).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (groups.has(Number(f[2]))) ticks += Number(f[11]) + Number(f[12]);
    }
  } catch {
    return NaN;
  }
  // Linux counts in clock ticks of 1/100 s (USER_HZ).
  return ticks * 10;
}

