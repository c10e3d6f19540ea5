import { normalizeError } from '../../src/problem/normalize';
import { READERS } from '../../src/problem/interop';
import { foreignSamples } from '../helpers/foreign-errors';
import type { ForeignSample } from '../helpers/foreign-errors';

describe('interop readers', () => {
  let samples: ForeignSample[] = [];

  beforeAll(async () => {
    samples = await foreignSamples();
  }, 30_000);

  it('have a sample of every source they read', () => {
    expect(new Set(samples.map((sample) => sample.reader))).toEqual(new Set([...READERS.map((reader) => reader.name), 'none']));
  });

  it('claim only their own source: every reader is fed every sample', () => {
    const claims = samples.map(({ label, error }) => ({
      label,
      claimedBy: READERS.filter((reader) => reader.read(error as Readonly<Record<string, unknown>>) !== undefined).map((reader) => reader.name),
    }));
    expect(claims).toEqual(samples.map(({ label, reader }) => ({ label, claimedBy: reader === 'none' ? [] : [reader] })));
  });

  it('answer each sample with its status', () => {
    expect(samples.map(({ label, error }) => ({ label, status: normalizeError(error).status }))).toEqual(samples.map(({ label, status }) => ({ label, status })));
  });

  it('answer every sample with a 500 when all are off, but the ones with a status of their own', () => {
    const statuses = samples.map(({ label, error }) => ({ label, status: normalizeError(error, []).status }));
    const own = new Set(['http-errors 404', 'our NotFound', 'body-parser entity.parse.failed', 'axios 503 with Retry-After', 'axios 404']);
    // body-parser's errors carry an http-errors status; an axios error its response's.
    expect(statuses.filter(({ status }) => status !== 500).map(({ label }) => label)).toEqual(samples.filter(({ label }) => own.has(label)).map(({ label }) => label));
  });
});
