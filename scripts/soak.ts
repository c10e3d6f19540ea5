/**
 * `npm run soak`: 200,000 mixed error requests (every status, hostile bodies and thrown
 * values, English and Korean) with autocannon against an app in a child process on
 * 127.0.0.1. Passes when every response is a valid problem document with the expected
 * status, RSS grew by less than 20 MB after GC, and the app is still alive.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { ERROR_STATUSES } from '../src/core/status';

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 200_000);
// Enough for V8 to size its heap for this load, so the baseline is the steady state.
const WARM_UP = Number(process.env.SOAK_WARM_UP ?? 40_000);
const MAX_GROWTH = 20 * 1024 * 1024;
const DEADLINE_MS = 10 * 60_000;

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

interface Spec {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  readonly body?: string;
  readonly contentType?: string;
}

const specs: Spec[] = [
  ...ERROR_STATUSES.map((status): Spec => ({ method: 'GET', path: `/status/${status}`, status })),
  { method: 'POST', path: '/json', status: 400, body: '{"email":', contentType: 'application/json' },
  { method: 'POST', path: '/json', status: 413, body: JSON.stringify({ email: 'x'.repeat(2000) }), contentType: 'application/json' },
  { method: 'POST', path: '/json', status: 415, body: '{}', contentType: 'application/json; charset=klingon' },
  { method: 'POST', path: '/json', status: 422, body: '{"email":"nope","age":-1}', contentType: 'application/json' },
  { method: 'GET', path: '/string', status: 500 },
  { method: 'GET', path: '/proxy', status: 500 },
  { method: 'GET', path: '/aggregate', status: 503 },
  { method: 'GET', path: '/hostile', status: 404 },
];

const failures = new Map<string, number>();
let checked = 0;

// Each request carries `X-Request-Id: <spec>-<language>`, which comes back as the body's
// `traceId`: the check does not depend on how autocannon pairs responses with requests.
const ids = new Map<string, { spec: Spec; language: string }>();

function check(status: number, body: string, headers: IncomingHttpHeaders | undefined): void {
  checked++;
  const problems: string[] = [];
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    problems.push('json');
  }
  const sent = ids.get(String(parsed.traceId));
  const spec = sent?.spec ?? { method: 'GET', path: '(unknown)', status: -1 };
  const language = sent?.language ?? '?';
  if (status !== spec.status) problems.push(`status ${status}`);
  // autocannon keeps the header names as the server wrote them.
  const header = (name: string) => Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
  if (header('content-type') !== 'application/problem+json; charset=utf-8') problems.push('content-type');
  if (header('content-language') !== language) problems.push('content-language');
  {
    if (parsed.status !== status || typeof parsed.title !== 'string' || typeof parsed.detail !== 'string' || typeof parsed.type !== 'string') problems.push('shape');
    if ('stack' in parsed || 'cause' in parsed) problems.push('debug members');
  }
  if (status >= 500 && body.includes('SECRET')) problems.push('5xx message leaked');
  for (const problem of problems) {
    const key = `${spec.method} ${spec.path} ${language}: ${problem}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
}

const requests = specs.flatMap((spec, index) =>
  ['en', 'ko'].map((language) => {
    const id = `${index}-${language}`;
    ids.set(id, { spec, language });
    return {
      method: spec.method,
      path: spec.path,
      headers: { 'accept-language': language, 'x-request-id': id, ...(spec.contentType === undefined ? {} : { 'content-type': spec.contentType }) },
      ...(spec.body === undefined ? {} : { body: spec.body }),
      onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => check(status, body, headers),
    };
  }),
);

function ask<T>(child: ChildProcess, message: object, key: string): Promise<T> {
  return new Promise((resolve) => {
    const listen = (reply: Record<string, unknown>) => {
      if (key in reply) {
        child.off('message', listen);
        resolve(reply[key] as T);
      }
    };
    child.on('message', listen);
    child.send(message);
  });
}

async function run(port: number, amount: number): Promise<autocannon.Result> {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections: 16, pipelining: 1, amount, timeout: 10, requests });
}

async function main(): Promise<number> {
  const child = fork(path.join(__dirname, 'soak-server.ts'), [], {
    execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const deadline = setTimeout(() => {
    console.error('soak: deadline passed');
    child.kill();
    process.exit(1);
  }, DEADLINE_MS);
  try {
    const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
    await run(port, WARM_UP);
    const before = await ask<Memory>(child, { type: 'rss' }, 'memory');
    failures.clear();
    checked = 0;
    const started = Date.now();
    const result = await run(port, TOTAL);
    let answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
    let rounds = 1;
    // After a 408 the server closes the connection (RFC 9110 §15.5.9); autocannon counts a
    // request it then loses as sent. Top up until TOTAL responses have been checked.
    while (answered < TOTAL && rounds < 20) {
      const more = await run(port, TOTAL - answered);
      answered += more['1xx'] + more['2xx'] + more['3xx'] + more['4xx'] + more['5xx'];
      result.errors += more.errors;
      result.timeouts += more.timeouts;
      result['2xx'] += more['2xx'];
      rounds++;
    }
    const seconds = (Date.now() - started) / 1000;
    const after = await ask<Memory>(child, { type: 'rss' }, 'memory');
    const last = await fetch(`http://127.0.0.1:${port}/status/404`);
    const alive = child.exitCode === null && child.signalCode === null && last.status === 404;
    const growth = after.rss - before.rss;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(`responses: ${answered} in ${rounds} autocannon run(s), checked: ${checked}, in ${seconds.toFixed(1)} s (${Math.round(checked / seconds)} req/s)`);
    console.log(`latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}`);
    console.log(`RSS after GC: ${mb(before.rss)} MB before, ${mb(after.rss)} MB after, growth ${mb(growth)} MB (limit ${mb(MAX_GROWTH)} MB)`);
    console.log(`after GC, before → after: heapUsed ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, heapTotal ${mb(before.heapTotal)} → ${mb(after.heapTotal)} MB, external ${mb(before.external)} → ${mb(after.external)} MB`);
    console.log(`alive: ${alive}`);
    const invalid = [...failures.values()].reduce((sum, n) => sum + n, 0);
    console.log(`invalid responses: ${invalid}`);
    for (const [key, count] of failures) console.log(`  ${count} × ${key}`);
    const ok = invalid === 0 && answered >= TOTAL && checked === answered && result['2xx'] === 0 && result.errors === 0 && result.timeouts === 0 && growth < MAX_GROWTH && alive;
    console.log(ok ? 'soak: PASS' : 'soak: FAIL');
    return ok ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    child.kill();
  }
}

void main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
