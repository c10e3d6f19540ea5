import { Writable } from 'node:stream';

/** A stream that keeps what is written to it, read back as JSON lines (as pino and winston write them). */
export function memoryStream(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
