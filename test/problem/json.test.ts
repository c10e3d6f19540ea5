import fc from 'fast-check';
import { CATALOGS, NotFound, ServiceUnavailable } from '../../src';
import { ERROR_STATUSES } from '../../src/core/status';
import { serializeProblem } from '../../src/problem/json';
import { entryFor, toProblem } from '../../src/problem/problem';
import type { Catalog, ProblemDocument } from '../../src';
import { serializeProblemFor } from '../../src/problem/json';

const catalogs = Object.values(CATALOGS) as Catalog[];
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const anyStatus = fc.integer({ min: 400, max: 599 });
const anyCatalog = fc.constantFrom(...catalogs);

describe('serializeProblemFor', () => {
  it.each(ERROR_STATUSES)('gives the same text as JSON.stringify for the default %i body in every catalog', (status) => {
    for (const catalog of catalogs) {
      const { body } = toProblem({ status, expose: false }, { catalog, instance: '/report' });
      expect(serializeProblemFor(body, catalog)).toBe(JSON.stringify(body));
    }
  });

  it('gives the same text as JSON.stringify for any plain body, status, detail and instance', () => {
    fc.assert(
      fc.property(anyStatus, anyCatalog, fc.option(anyText, { nil: undefined }), fc.option(anyText, { nil: undefined }), (status, catalog, detail, instance) => {
        const entry = entryFor(catalog, status);
        const body: Record<string, unknown> = { type: 'about:blank', title: entry.title, status, detail: detail ?? entry.detail };
        if (instance !== undefined) body.instance = instance;
        expect(serializeProblemFor(body as ProblemDocument, catalog)).toBe(JSON.stringify(body));
      }),
    );
  });

  it('gives the same text as serializeProblem for bodies that are not plain', () => {
    const catalog = CATALOGS.en;
    const plain = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'x', instance: '/a' };
    const bodies: Record<string, unknown>[] = [
      { ...plain, title: 'Gone' },
      { ...plain, type: 'https://example.com/probs/missing' },
      { ...plain, balance: 30 },
      { status: 404, type: 'about:blank', title: 'Not Found', detail: 'x' },
      { ...plain, instance: undefined },
      { ...plain, status: 404.5 },
      { ...plain, status: 200 },
      { ...plain, detail: 42 },
      { ...plain, errors: [{ pointer: '/a', detail: 'bad' }] },
      toProblem(new NotFound('No user 42'), { catalog, instance: '/u', debug: true }).body,
    ];
    for (const body of bodies) expect(serializeProblemFor(body as unknown as ProblemDocument, catalog)).toBe(serializeProblem(body as unknown as ProblemDocument));
  });

  it('answers a body whose members throw as serializeProblem does, without throwing', () => {
    const body = {
      type: 'about:blank',
      get title(): string {
        throw new Error('no title');
      },
      status: 503,
      detail: 'x',
    };
    expect(() => serializeProblemFor(body as unknown as ProblemDocument, CATALOGS.en)).not.toThrow();
  });

  it('uses the catalog given, not the one seen first for a status', () => {
    const body = toProblem(new ServiceUnavailable(120), { catalog: CATALOGS.ko, instance: '/r' }).body;
    serializeProblemFor(toProblem(new ServiceUnavailable(120), { catalog: CATALOGS.en, instance: '/r' }).body, CATALOGS.en);
    expect(JSON.parse(serializeProblemFor(body, CATALOGS.ko))).toEqual(body);
    expect(serializeProblemFor(body, CATALOGS.en)).toBe(JSON.stringify(body));
  });
});
