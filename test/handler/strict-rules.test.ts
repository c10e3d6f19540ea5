import { checkResponse } from '../../src/handler/strict';

const body = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'x' };
const none = (): undefined => undefined;

describe('checkResponse()', () => {
  it.each([
    ['a b', ['instance-not-uri']],
    ['/users/a\\b', ['instance-not-uri']],
    [42, ['instance-not-uri']],
    ['/users/a%5Cb', []],
    [undefined, []],
  ])('judges instance %j', (instance, rules) => {
    const violations = checkResponse({ method: 'GET', status: 404, header: none, body: { ...body, instance } });
    expect(violations.map((violation) => violation.rule)).toEqual(rules);
  });

  it('reports a status outside the documented ones, never 500, and nothing without a declaration', () => {
    const documented = new Set([400, 404]);
    const rules = (status: number, declared: ReadonlySet<number> | undefined): string[] =>
      checkResponse({ method: 'GET', status, header: none, body: { ...body, status }, documented: declared }).map((violation) => violation.rule);
    expect(rules(409, documented)).toEqual(['undeclared-status']);
    expect(rules(404, documented)).toEqual([]);
    expect(rules(500, documented)).toEqual([]);
    expect(rules(409, undefined)).toEqual([]);
  });
});
