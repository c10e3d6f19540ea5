/**
 * One variant's server, run as a child of `bench/http.ts`: listens on 127.0.0.1, reports its
 * port over IPC, and measures its own CPU time between `start` and `stop` messages.
 */
import type { AddressInfo } from 'node:net';
import { variantOf } from './variants';

/** Parent to child. */
export type Command = { readonly type: 'start' } | { readonly type: 'stop' } | { readonly type: 'exit' };

/** Child to parent. */
export type Report =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'started'; readonly at: number }
  | { readonly type: 'stopped'; readonly at: number; readonly cpuMicros: number; readonly responses: number };

const variant = variantOf(process.argv[2] ?? '');
const server = variant.app().listen(0, '127.0.0.1', () => {
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
});
server.keepAliveTimeout = 60_000;

let responses = 0;
server.on('request', () => {
  responses++;
});

let cpuStart = process.cpuUsage();
let countStart = 0;

process.on('message', (command: Command) => {
  if (command.type === 'start') {
    cpuStart = process.cpuUsage();
    countStart = responses;
    send({ type: 'started', at: monotonicMicros() });
  } else if (command.type === 'stop') {
    const cpu = process.cpuUsage(cpuStart);
    send({ type: 'stopped', at: monotonicMicros(), cpuMicros: cpu.user + cpu.system, responses: responses - countStart });
  } else {
    server.close();
    server.closeAllConnections();
    // A normal exit, so that `--cpu-prof` writes its profile.
    process.exit(0);
  }
});

// The clock of V8's profile timestamps (CLOCK_MONOTONIC), so a profile can be cut to the windows.
function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function send(report: Report): void {
  process.send?.(report);
}
