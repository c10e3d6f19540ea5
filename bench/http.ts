/**
 * The HTTP benchmark: every variant in its own child process, driven by autocannon on
 * 127.0.0.1, interleaved round by round, each round starting one variant later (A B C,
 * B C A, C A B ...) so that neither machine noise nor a variant's position in the round
 * favours one; medians per variant and their ratio to `floor`.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Command, Report } from './server';
import { COMMON_HEADERS, VARIANTS } from './variants';
import type { Variant } from './variants';

/** How long and how often; every field has an environment override (see `bench/run.ts`). */
export interface HttpSettings {
  readonly connections: number;
  /** Seconds of load before each measured window. */
  readonly warmup: number;
  /** Seconds of each measured window. */
  readonly duration: number;
  readonly rounds: number;
  readonly variants: readonly Variant[];
  /** Node flags for the children, e.g. `--cpu-prof`, by variant name. */
  readonly execArgv?: Readonly<Record<string, readonly string[]>>;
}

/** One measured window of one variant. */
export interface Sample {
  readonly requestsPerSecond: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  /** Server CPU time (user + system) per response, in microseconds. */
  readonly cpuPerResponse: number;
  readonly errors: number;
  /** The measured window on the server's monotonic clock (µs), to cut a CPU profile to it. */
  readonly window: readonly [number, number];
}

/** A variant's samples and their medians. */
export interface VariantResult {
  readonly name: string;
  readonly description: string;
  readonly bodyBytes: number;
  readonly samples: readonly Sample[];
  readonly requestsPerSecond: number;
  readonly cpuPerResponse: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  /** Median requests per second over `floor`'s, when `floor` ran. */
  readonly ratio: number | undefined;
}

interface Child {
  readonly variant: Variant;
  readonly process: ChildProcess;
  readonly url: string;
  readonly bodyBytes: number;
}

const SERVER = join(__dirname, 'server.ts');
// autocannon counts responses by status class.
const STATUS_CLASS: Readonly<Record<number, '2xx' | '4xx' | '5xx'>> = { 2: '2xx', 4: '4xx', 5: '5xx' };

/** Runs the HTTP benchmark and returns one result per variant, in the variants' order. */
export async function runHttp(settings: HttpSettings, log: (line: string) => void): Promise<VariantResult[]> {
  const children: Child[] = [];
  try {
    for (const variant of settings.variants) children.push(await startChild(variant, settings.execArgv?.[variant.name] ?? []));
    const samples = new Map<string, Sample[]>(children.map((child) => [child.variant.name, []]));
    for (let round = 1; round <= settings.rounds; round++) {
      // Rotated: a fixed order showed a position effect (the same code measured ~10 % apart).
      for (let i = 0; i < children.length; i++) {
        const child = children[(i + round - 1) % children.length] as Child;
        const sample = await measure(child, settings);
        samples.get(child.variant.name)?.push(sample);
        log(`round ${round}/${settings.rounds} ${child.variant.name.padEnd(22)} ${sample.requestsPerSecond.toFixed(0).padStart(7)} req/s ${sample.cpuPerResponse.toFixed(1).padStart(6)} µs CPU/res`);
      }
    }
    const floor = median((samples.get('floor') ?? []).map((sample) => sample.requestsPerSecond));
    return children.map((child) => summarise(child, samples.get(child.variant.name) ?? [], floor));
  } finally {
    await Promise.all(children.map(stopChild));
  }
}

async function startChild(variant: Variant, execArgv: readonly string[]): Promise<Child> {
  const child = fork(SERVER, [variant.name], {
    execArgv: ['--require', 'ts-node/register/transpile-only', ...execArgv],
    env: { ...process.env, NODE_ENV: 'production', TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const report = await nextReport(child);
  if (report.type !== 'ready') throw new Error(`${variant.name}: unexpected ${report.type}`);
  const url = `http://127.0.0.1:${report.port}${variant.path}`;
  const bodyBytes = await check(variant, url);
  return { variant, process: child, url, bodyBytes };
}

// One request before any load: a variant that answers the wrong status would measure nothing useful.
async function check(variant: Variant, url: string): Promise<number> {
  const response = await fetch(url, { method: variant.method ?? 'GET', headers: { ...COMMON_HEADERS, ...variant.headers } });
  const body = await response.arrayBuffer();
  if (response.status !== variant.status) throw new Error(`${variant.name}: expected ${variant.status}, got ${response.status}`);
  return body.byteLength;
}

async function measure(child: Child, settings: HttpSettings): Promise<Sample> {
  const options = {
    url: child.url,
    method: child.variant.method ?? 'GET',
    connections: settings.connections,
    headers: { ...COMMON_HEADERS, ...child.variant.headers },
  };
  if (settings.warmup > 0) await autocannon({ ...options, duration: settings.warmup });
  const started = await command(child.process, { type: 'start' }, 'started');
  const result = await autocannon({ ...options, duration: settings.duration });
  const stopped = await command(child.process, { type: 'stop' }, 'stopped');
  if (started.type !== 'started' || stopped.type !== 'stopped') throw new Error('unreachable');
  const answered = result.requests.total;
  const wrong = answered - result[STATUS_CLASS[Math.floor(child.variant.status / 100)] ?? '5xx'];
  return {
    requestsPerSecond: answered / settings.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    cpuPerResponse: stopped.responses === 0 ? Number.NaN : stopped.cpuMicros / stopped.responses,
    errors: result.errors + result.timeouts + wrong,
    window: [started.at, stopped.at],
  };
}

async function command(child: ChildProcess, message: Command, expect: Report['type']): Promise<Report> {
  const reply = nextReport(child);
  child.send(message);
  const report = await reply;
  if (report.type !== expect) throw new Error(`expected ${expect}, got ${report.type}`);
  return report;
}

function nextReport(child: ChildProcess): Promise<Report> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: Report): void => {
      child.off('exit', onExit);
      resolve(report);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`child exited with ${String(code)}`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
  });
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = once(child.process, 'exit');
  child.process.send({ type: 'exit' } satisfies Command);
  await exited;
}

function summarise(child: Child, samples: readonly Sample[], floor: number): VariantResult {
  const rps = median(samples.map((sample) => sample.requestsPerSecond));
  return {
    name: child.variant.name,
    description: child.variant.description,
    bodyBytes: child.bodyBytes,
    samples,
    requestsPerSecond: rps,
    cpuPerResponse: median(samples.map((sample) => sample.cpuPerResponse)),
    latencyP50: median(samples.map((sample) => sample.latencyP50)),
    latencyP99: median(samples.map((sample) => sample.latencyP99)),
    ratio: Number.isNaN(floor) ? undefined : rps / floor,
  };
}

/** The median of a list of numbers; NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
