/**
 * The one walk that turns app values (extension members, `errors` items) into JSON data.
 */
import fc from 'fast-check';
import { capString, toData, walkBudget, WALK_LIMITS } from '../../src/problem/walk';

describe('toData()', () => {
  it('keeps JSON values as they are', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: 2.5 }] };
    expect(toData(value)).toEqual(value);
  });

  it('writes BigInt as digits, a Date as its ISO time, and drops functions, symbols and undefined', () => {
    expect(toData({ big: 10n, at: new Date(0), f: () => 1, s: Symbol('s'), u: undefined, bad: new Date(Number.NaN) })).toEqual({ big: '10', at: '1970-01-01T00:00:00.000Z', bad: null });
    expect(toData([() => 1, undefined, 1])).toEqual([null, null, 1]);
  });

  it('never calls toJSON, so a member named toJSON cannot replace the value', () => {
    const calls: string[] = [];
    const value = { toJSON: () => calls.push('called'), kept: 1 };
    expect(toData(value)).toEqual({ kept: 1 });
    expect(calls).toEqual([]);
  });

  it('drops __proto__ at any depth, also inside class instances', () => {
    class Box {
      inner = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as object;
    }
    const out = toData({ box: new Box(), list: [JSON.parse('{"__proto__": {"x": 1}}')] }) as { box: { inner: object }; list: object[] };
    expect(Object.keys(out.box.inner)).toEqual(['ok']);
    expect(Object.getPrototypeOf(out.box.inner)).toBe(Object.prototype);
    expect(out.list).toEqual([{}]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('reads each getter once and survives one that throws', () => {
    let reads = 0;
    const value = {
      get counted() {
        reads++;
        return 1;
      },
      get broken(): never {
        throw new Error('no');
      },
    };
    expect(toData(value)).toEqual({ counted: 1, broken: '[Unserializable]' });
    expect(reads).toBe(1);
  });

  it('marks a loop and cuts what is too deep', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(toData(loop)).toEqual({ self: '[Circular]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < WALK_LIMITS.depth + 5; i++) deep = [deep];
    expect(JSON.stringify(toData(deep))).toContain('[Truncated]');
  });

  it(`cuts strings to ${WALK_LIMITS.string} characters, ending in …`, () => {
    const cut = capString('x'.repeat(WALK_LIMITS.string + 10));
    expect(cut).toHaveLength(WALK_LIMITS.string);
    expect(cut.endsWith('…')).toBe(true);
  });

  it(`reads at most ${WALK_LIMITS.values} values of one body, however large or sparse the value`, () => {
    const budget = walkBudget();
    const out = toData(new Array(5e7), budget) as unknown[];
    expect(out.length).toBeLessThanOrEqual(WALK_LIMITS.values);
    expect(budget.values).toBeLessThanOrEqual(0);
    // The budget is shared: what one member used up, the next one does not get.
    expect(toData({ more: 1 }, budget)).toEqual({});
  });

  it('turns any value into something JSON.stringify accepts, without throwing', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true }), (value) => {
        expect(() => JSON.stringify(toData(value))).not.toThrow();
      }),
    );
  });
});
