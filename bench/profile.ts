/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): where the self time goes, by
 * area (our code, Express, Node's HTTP, GC, ...) and by function.
 *
 * Usage: `ts-node --transpile-only bench/profile.ts <file.cpuprofile>`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Share of self time, in percent, by area and by function (the top `limit`). */
export interface ProfileSummary {
  readonly totalMs: number;
  /** Whether only samples inside the given windows were counted. */
  readonly windowed: boolean;
  readonly areas: readonly { readonly area: string; readonly percent: number }[];
  readonly functions: readonly { readonly name: string; readonly area: string; readonly percent: number }[];
}

// First match wins: the order goes from the most specific location to the least.
const AREAS: readonly (readonly [string, (url: string, name: string) => boolean])[] = [
  ['idle', (_url, name) => name === '(idle)' || name === '(program)'],
  ['GC', (_url, name) => name === '(garbage collector)'],
  ['express-typed-errors (src/)', (url) => url.includes('/src/') && !url.includes('node_modules')],
  ['bench app (bench/)', (url) => url.includes('/bench/') && !url.includes('node_modules')],
  ['express + router', (url) => /node_modules\/(express|router)\//.test(url)],
  ['negotiator, vary, statuses', (url) => /node_modules\/(negotiator|vary|statuses)\//.test(url)],
  ['other dependencies', (url) => url.includes('node_modules')],
  ['node: http', (url) => /^node:_http|^node:http/.test(url)],
  ['node: net, streams, timers', (url) => /^node:(net|stream|internal\/streams|internal\/timers|timers|internal\/stream_base_commons)/.test(url)],
  ['node: other', (url) => url.startsWith('node:')],
  ['V8 builtins, native', () => true],
];

/**
 * Reads a profile and sums self time per area and per function, counting only the samples
 * inside `windows` (monotonic µs, the profile's clock) when any fall there: start-up and
 * warm-up are not what we measure.
 */
export function summariseProfile(file: string, windows: readonly (readonly [number, number])[] = [], limit = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inWindow = (time: number): boolean => windows.some(([from, to]) => time >= from && time <= to);
  const count = (windowed: boolean): Map<number, number> => {
    const selfTime = new Map<number, number>();
    let time = profile.startTime;
    profile.samples.forEach((id, index) => {
      const delta = profile.timeDeltas[index] ?? 0;
      time += delta;
      if (!windowed || inWindow(time)) selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    });
    return selfTime;
  };
  let selfTime = count(windows.length > 0);
  const windowed = windows.length > 0 && selfTime.size > 0;
  if (!windowed) selfTime = count(false);
  let total = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { area: string; time: number }>();
  for (const [id, time] of selfTime) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = (AREAS.find(([, test]) => test(url, functionName)) ?? ['?'])[0];
    if (area === 'idle') continue;
    total += time;
    areas.set(area, (areas.get(area) ?? 0) + time);
    const where = url === '' ? '' : ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/')}:${lineNumber + 1}`;
    const name = `${functionName || '(anonymous)'}${where}`;
    const entry = functions.get(name) ?? { area, time: 0 };
    entry.time += time;
    functions.set(name, entry);
  }
  const percent = (time: number): number => (100 * time) / total;
  return {
    totalMs: total / 1000,
    windowed,
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, time]) => ({ area, percent: percent(time) })),
    functions: [...functions]
      .sort((a, b) => b[1].time - a[1].time)
      .slice(0, limit)
      .map(([name, { area, time }]) => ({ name, area, percent: percent(time) })),
  };
}

/** The summary as markdown tables. */
export function profileMarkdown(summary: ProfileSummary): string {
  const scope = summary.windowed ? 'in the measured windows' : 'over the whole process life (start-up and warm-up included)';
  const lines = [`Busy (non-idle) CPU time sampled ${scope}: ${summary.totalMs.toFixed(0)} ms.`, '', '| Area | Self time |', '| --- | ---: |'];
  for (const { area, percent } of summary.areas) lines.push(`| ${area} | ${percent.toFixed(1)} % |`);
  lines.push('', '| Function | Area | Self time |', '| --- | --- | ---: |');
  for (const { name, area, percent } of summary.functions) lines.push(`| \`${name.replace(/\|/g, '\\|')}\` | ${area} | ${percent.toFixed(1)} % |`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (file === undefined) {
    console.error('usage: bench/profile.ts <file.cpuprofile>');
    process.exit(2);
  }
  console.log(profileMarkdown(summariseProfile(file)));
}
