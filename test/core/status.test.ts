/**
 * The English titles come from the status table: a row's class name read as words, or the
 * phrase the row gives where RFC 9110 (or RFC 2324) renamed what http-errors' class keeps.
 */
import statuses from 'statuses';
import { ERROR_STATUSES, STATUSES, titleOf } from '../../src/core/status';

// Where the reason phrase is not the class name's words; jshttp's statuses still has the old one.
const RENAMED = { 413: 'Content Too Large', 418: "I'm a teapot", 422: 'Unprocessable Content' } as const;

describe('titleOf()', () => {
  it.each(ERROR_STATUSES.map((status) => [status, STATUSES[status].className]))('gives %i (%s) its IANA reason phrase', (status) => {
    expect(titleOf(status)).toBe(RENAMED[status as keyof typeof RENAMED] ?? statuses.message[status]);
  });

  it('writes a phrase in the table only where the class name does not spell it', () => {
    const given = ERROR_STATUSES.filter((status) => 'title' in STATUSES[status]);
    expect(given).toEqual(Object.keys(RENAMED).map(Number));
  });

  it.each([
    [499, 'Client Error'],
    [599, 'Server Error'],
  ])("gives the unregistered %i its family's title", (status, title) => {
    expect(titleOf(status)).toBe(title);
  });

  it('spells out acronyms as words of their own', () => {
    expect(titleOf(414)).toBe('URI Too Long');
    expect(titleOf(505)).toBe('HTTP Version Not Supported');
  });
});
