/**
 * `npm run bench`: the micro benchmarks, then the HTTP benchmark, then a markdown report in
 * `bench/results/latest.md` (and the raw figures in `bench/results/<time>.json`, not in git).
 *
 * Environment overrides:
 * - BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_ROUNDS (default 3),
 *   BENCH_CONNECTIONS (default 50): the HTTP windows.
 * - BENCH_VARIANTS: comma-separated variant names (default: all; `floor` is always added).
 * - BENCH_ONLY: `http` or `micro`.
 * - BENCH_MICRO_MS: minimum CPU time per micro case in ms (default 500); BENCH_MICRO_FILTER:
 *   a regular expression on `<group> <case>` to run some micro cases only.
 * - BENCH_PROFILE: a variant name whose server runs under `node --cpu-prof`; the profile is
 *   summarised at the end of the report.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { runHttp } from './http';
import type { VariantResult } from './http';
import { runMicro } from './micro';
import type { MicroResult } from './micro';
import { profileMarkdown, summariseProfile } from './profile';
import { VARIANTS, variantOf } from './variants';

const RESULTS = join(__dirname, 'results');
const PROFILES = join(RESULTS, 'profiles');

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function machine(): string {
  const cpus = os.cpus();
  const pkg = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
  return [
    `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
    `Node ${process.version}, Express ${pkg('express')}, autocannon ${pkg('autocannon')}, http-errors ${pkg('http-errors')}, @hapi/boom ${pkg('@hapi/boom')}, strong-error-handler ${pkg('strong-error-handler')}`,
    `load average at start: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`,
  ].join('; ');
}

function httpMarkdown(results: readonly VariantResult[]): string {
  const lines = [
    '| Variant | req/s (median) | × floor | server CPU µs/response | latency p50 / p99 (ms) | body bytes | what it does |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const result of results) {
    const errors = result.samples.reduce((sum, sample) => sum + sample.errors, 0);
    lines.push(
      `| ${result.name}${errors > 0 ? ` (${errors} errors)` : ''} | ${result.requestsPerSecond.toFixed(0)} | ${result.ratio === undefined ? '–' : result.ratio.toFixed(2)} | ${result.cpuPerResponse.toFixed(1)} | ${result.latencyP50} / ${result.latencyP99} | ${result.bodyBytes} | ${result.description} |`,
    );
  }
  return lines.join('\n');
}

function microMarkdown(results: readonly MicroResult[]): string {
  const lines = ['| Group | Case | ns/op (median) | ops/s |', '| --- | --- | ---: | ---: |'];
  for (const result of results) lines.push(`| ${result.group} | ${result.name} | ${result.p50.toFixed(1)} | ${(1e9 / result.p50).toExponential(2)} |`);
  return lines.join('\n');
}

function newestProfile(): string | undefined {
  try {
    return readdirSync(PROFILES)
      .filter((file) => file.endsWith('.cpuprofile'))
      .map((file) => join(PROFILES, file))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const settings = {
    connections: numberFrom('BENCH_CONNECTIONS', 50),
    warmup: numberFrom('BENCH_WARMUP', 3),
    duration: numberFrom('BENCH_DURATION', 10),
    rounds: Math.max(1, Math.round(numberFrom('BENCH_ROUNDS', 3))),
  };
  const names = process.env.BENCH_VARIANTS?.split(',').map((name) => name.trim()).filter(Boolean);
  const variants = names === undefined ? VARIANTS : [variantOf('floor'), ...names.filter((name) => name !== 'floor').map(variantOf)];
  const profiled = process.env.BENCH_PROFILE;
  if (profiled !== undefined) variantOf(profiled);
  const microMs = numberFrom('BENCH_MICRO_MS', 500);
  const short = (only !== 'micro' && (settings.duration < 10 || settings.rounds < 3)) || microMs < 500;
  const log = (line: string): void => console.log(line);

  log(machine());
  const micro = only === 'http' ? [] : await runMicro(microMs, log);
  if (profiled !== undefined) mkdirSync(PROFILES, { recursive: true });
  const http =
    only === 'micro'
      ? []
      : await runHttp(
          {
            ...settings,
            variants,
            ...(profiled === undefined ? {} : { execArgv: { [profiled]: ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] } }),
          },
          log,
        );

  const report = [
    '# Benchmark results',
    '',
    short
      ? `**Short validation run** (HTTP ${settings.duration} s × ${settings.rounds} round(s), micro ${microMs} ms per case): the harness works; the figures are noisy and not the project's claims.`
      : `Full run: HTTP ${settings.duration} s per variant and round, ${settings.rounds} rounds; micro ${microMs} ms per case.`,
    '',
    `${new Date().toISOString()}. ${machine()}.`,
    '',
  ];
  if (http.length > 0) {
    report.push(
      '## HTTP',
      '',
      `Each variant is an Express app in its own process on 127.0.0.1; autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up then ${settings.duration} s measured, variants interleaved for ${settings.rounds} round(s); medians. Server CPU is the child's \`process.cpuUsage()\` over the measured window divided by its responses.`,
      '',
      httpMarkdown(http),
      '',
    );
  }
  if (micro.length > 0) report.push('## Micro (mitata)', '', microMarkdown(micro), '');
  const profile = profiled === undefined ? undefined : newestProfile();
  if (profile !== undefined) {
    const windows = http.find((result) => result.name === profiled)?.samples.map((sample) => sample.window) ?? [];
    report.push(`## Profile of \`${profiled ?? ''}\` under load (\`node --cpu-prof\`)`, '', profileMarkdown(summariseProfile(profile, windows)), '');
  }

  const markdown = report.join('\n');
  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(RESULTS, `${stamp}.json`), JSON.stringify({ settings, machine: machine(), http, micro }, null, 2));
  writeFileSync(join(RESULTS, 'latest.md'), markdown);
  log('');
  log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
