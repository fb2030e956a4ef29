// The functions a CPU profile (Chrome DevTools' .cpuprofile) spent the most time in themselves: what runs between a
// keystroke and its paint, read off the profile `BENCH_PROFILE=file` writes while the keystroke bench types.

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

export type SelfTime = { name: string; ms: number; share: number };

/** The `top` functions by self time (ms and share of the non-idle time), each named by function, script and line:column. */
export function topSelfTime(profile: CpuProfile, top = 20): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    // A sample's time is the gap to the next one.
    const dt = (deltas[i + 1] ?? 0) / 1000;
    // (program) is the browser's own work outside script: style, layout, paint.
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const f = node.callFrame;
    const name = f.url ? `${f.functionName || '(anonymous)'} ${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}` : f.functionName;
    self.set(name, (self.get(name) ?? 0) + dt);
    busy += dt;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: busy ? ms / busy : 0 }));
}
