import { compileMessage, createFormatters, NAMED_FORMATS } from '../../src/i18n/formats';

describe('createFormatters', () => {
  it('gives the same formatter for the same language and options object, another for others', () => {
    const formatters = createFormatters();
    const exact = NAMED_FORMATS.number.exact;
    expect(formatters.getNumberFormat('fr', exact)).toBe(formatters.getNumberFormat('fr', exact));
    expect(formatters.getNumberFormat('fr')).toBe(formatters.getNumberFormat('fr'));
    expect(formatters.getNumberFormat('fr', exact)).not.toBe(formatters.getNumberFormat('fr'));
    expect(formatters.getNumberFormat('de', exact)).not.toBe(formatters.getNumberFormat('fr', exact));
    expect(formatters.getPluralRules('fr', { type: 'cardinal' })).toBe(formatters.getPluralRules('fr', { type: 'cardinal' }));
    expect(formatters.getPluralRules('fr', { type: 'ordinal' }).resolvedOptions().type).toBe('ordinal');
  });

  it('formats as Intl does with those options', () => {
    const formatters = createFormatters();
    expect(formatters.getNumberFormat('fr', NAMED_FORMATS.number.exact).format(12_345.0001)).toBe(new Intl.NumberFormat('fr', { maximumFractionDigits: 20 }).format(12_345.0001));
    expect(formatters.getDateTimeFormat('ko', NAMED_FORMATS.time.utc).format(Date.UTC(2030, 0, 5, 16, 5))).toBe('16:05');
  });
});

describe('compileMessage', () => {
  it.each([
    ['{n, number, exact}', { n: 0.0001 }, '0.0001'],
    ['{n, number}', { n: 0.0001 }, '0'],
    ['{d, date, utc}', { d: new Date(Date.UTC(2030, 0, 5, 23, 30)) }, 'January 5, 2030'],
    ['{d, time, utc}', { d: new Date(Date.UTC(2030, 0, 5, 0, 5)) }, '00:05'],
    ['{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 2 }, '2nd'],
    ['at most <10>', {}, 'at most <10>'],
  ])('renders %s in English', (text, values, expected) => {
    expect(compileMessage(text, 'en').format(values)).toBe(expected);
  });

  it('throws a SyntaxError on malformed ICU', () => {
    expect(() => compileMessage('{n, plural, one {#}', 'en')).toThrow(SyntaxError);
  });
});
