import express from 'express';
import type { Express, Request } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { CATALOGS, LOCALES, NotFound, UnprocessableContent, errorHandler, message } from '../../../src';
import { ERROR_STATUSES } from '../../../src/core/status';
import { createLocalization } from '../../../src/i18n/localize';
import type { Catalog, ErrorHandlerOptions, Locale } from '../../../src';
import { construct } from '../../helpers/errors';

/** An app whose `/boom` throws what `make` returns, with our handler and `options`. */
function serve<L extends string = Locale>(make: (req: Request) => unknown, options: ErrorHandlerOptions<L> = {}): Express {
  const app = express();
  app.get('/boom', (req) => {
    throw make(req);
  });
  app.use(errorHandler<L>({ log: false, ...options }));
  return app;
}

/** A complete catalog for a made-up language, written out from the status table. */
function esperanto(): Catalog {
  const statuses = Object.fromEntries(ERROR_STATUSES.map((status) => [status, { title: `Eraro ${status}`, detail: `La peto malsukcesis kun ${status}.` }]));
  // The sentence phrases are borrowed from English: only their presence matters here.
  return { statuses: statuses as Catalog['statuses'], phrases: { ...CATALOGS.en.phrases, clientError: { title: 'Klienta eraro', detail: 'La peto havas problemon.' }, serverError: { title: 'Servila eraro', detail: 'La servilo ne povis plenumi la peton.' }, retryIn: 'Bonvolu reprovi {when}.', retryAt: 'Bonvolu reprovi post {date}.' } };
}

const MESSAGES = {
  en: {
    'user.notFound': 'No user with id {id}.',
    'cart.limit': 'You can hold {count, plural, one {# item} other {# items}}.',
    'order.shipped': '{role, select, admin {The order was shipped by an administrator.} other {Your order was shipped.}}',
    'price.max': 'The price must not exceed {max, number}.',
    'email.invalid': 'Enter a valid email address.',
    'age.min': 'You must be at least {min} years old.',
    'only.english': 'This text exists only in English.',
  },
  ko: {
    'user.notFound': 'ID가 {id}인 사용자를 찾을 수 없습니다.',
    'cart.limit': '장바구니에는 최대 {count, plural, other {#개}}까지 담을 수 있습니다.',
    'order.shipped': '{role, select, admin {관리자가 주문을 발송했습니다.} other {주문하신 상품이 발송되었습니다.}}',
    'email.invalid': '올바른 이메일 주소를 입력해 주십시오.',
    'age.min': '{min}세 이상만 이용할 수 있습니다.',
  },
  de: {
    'price.max': 'Der Preis darf {max, number} nicht überschreiten.',
    'cart.limit': 'Sie können {count, plural, one {# Artikel} other {# Artikel}} in den Warenkorb legen.',
  },
} as const;

describe('built-in languages through a real request', () => {
  const app = serve((req) => construct(Number(req.query.status)));

  it.each(LOCALES)('answers every status in %s with its own title, description and Content-Language', async (locale) => {
    for (const status of ERROR_STATUSES) {
      const res = await request(app).get(`/boom?status=${status}`).set('Accept-Language', locale);
      expect(res.status).toBe(status);
      expect(res.headers['content-language']).toBe(locale);
      expect(res.body.title).toBe(CATALOGS[locale].statuses[status].title);
      expect(res.body.detail).toBe(CATALOGS[locale].statuses[status].detail);
    }
  });
});

describe('app messages', () => {
  const app = serve((req) => {
    const { key, ...params } = req.query as Record<string, string>;
    const numeric = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, /^\d+$/.test(value) ? Number(value) : value]));
    return new NotFound({ detail: message(key ?? '', numeric) });
  }, { messages: MESSAGES });

  it.each([
    ['en', 'user.notFound', { id: 42 }, 'No user with id 42.'],
    ['ko', 'user.notFound', { id: 42 }, 'ID가 42인 사용자를 찾을 수 없습니다.'],
    ['en', 'cart.limit', { count: 1 }, 'You can hold 1 item.'],
    ['en', 'cart.limit', { count: 5 }, 'You can hold 5 items.'],
    ['ko', 'cart.limit', { count: 5 }, '장바구니에는 최대 5개까지 담을 수 있습니다.'],
    ['de', 'cart.limit', { count: 1 }, 'Sie können 1 Artikel in den Warenkorb legen.'],
    ['en', 'order.shipped', { role: 'admin' }, 'The order was shipped by an administrator.'],
    ['en', 'order.shipped', { role: 'customer' }, 'Your order was shipped.'],
    ['ko', 'order.shipped', { role: 'admin' }, '관리자가 주문을 발송했습니다.'],
    ['ko', 'order.shipped', { role: 'customer' }, '주문하신 상품이 발송되었습니다.'],
    ['en', 'price.max', { max: 1234.5 }, 'The price must not exceed 1,234.5.'],
    ['de', 'price.max', { max: 1234.5 }, 'Der Preis darf 1.234,5 nicht überschreiten.'],
  ])('renders %s "%s" with %p', async (locale, key, params, expected) => {
    const res = await request(app).get('/boom').query({ key, ...params }).set('Accept-Language', locale);
    expect(res.status).toBe(404);
    expect(res.headers['content-language']).toBe(locale);
    expect(res.body.detail).toBe(expected);
  });

  it.each([
    ['en', 'Back on January 15, 2024.'],
    ['de', 'Wieder da am 15. Januar 2024.'],
    ['ko', '2024년 1월 15일에 다시 열립니다.'],
  ])('formats an ICU date by the conventions of %s', async (locale, expected) => {
    // Noon UTC: the same calendar day in every server time zone.
    const at = new Date(Date.UTC(2024, 0, 15, 12));
    const dated = serve(() => new NotFound({ detail: message('shop.reopens', { at }) }), {
      messages: { en: { 'shop.reopens': 'Back on {at, date, long}.' }, de: { 'shop.reopens': 'Wieder da am {at, date, long}.' }, ko: { 'shop.reopens': '{at, date, long}에 다시 열립니다.' } },
    });
    const res = await request(dated).get('/boom').set('Accept-Language', locale);
    expect(res.body.detail).toBe(expected);
  });

  it('falls back to the default language when the negotiated one lacks the key', async () => {
    const res = await request(app).get('/boom').query({ key: 'only.english' }).set('Accept-Language', 'ko');
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body.title).toBe(CATALOGS.ko.statuses[404].title);
    expect(res.body.detail).toBe('This text exists only in English.');
  });

  it('formats a fallback message by the conventions of its own language', async () => {
    const res = await request(app).get('/boom').query({ key: 'price.max', max: '1234' }).set('Accept-Language', 'fr');
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body.detail).toBe('The price must not exceed 1,234.');
  });

  it('falls back to the default language when the parameters do not fit the negotiated text', async () => {
    const res = await request(app).get('/boom').query({ key: 'user.notFound' }).set('Accept-Language', 'ko');
    expect(res.body.detail).toBe(CATALOGS.ko.statuses[404].detail);
  });

  it('sends the status description in the negotiated language for an unknown key, never the key', async () => {
    const res = await request(app).get('/boom').query({ key: 'no.such.key' }).set('Accept-Language', 'ja');
    expect(res.body.detail).toBe(CATALOGS.ja.statuses[404].detail);
    expect(res.text).not.toContain('no.such.key');
  });

  it('uses defaultLocale as the fallback language', async () => {
    const korean = serve(() => new NotFound({ detail: message('email.invalid') }), { messages: { ko: MESSAGES.ko }, defaultLocale: 'ko' });
    const res = await request(korean).get('/boom').set('Accept-Language', 'es');
    expect(res.headers['content-language']).toBe('es');
    expect(res.body.detail).toBe('올바른 이메일 주소를 입력해 주십시오.');
  });

  it('falls back when a parameter throws while it is formatted', async () => {
    const hostile = { get id(): never { throw new Error('getter'); } };
    const res = await request(serve(() => new NotFound({ detail: message('user.notFound', hostile) }), { messages: MESSAGES })).get('/boom');
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(CATALOGS.en.statuses[404].detail);
  });

  it('keeps tag-like text literal', async () => {
    const res = await request(serve(() => new NotFound({ detail: message('lt', { n: 3 }) }), { messages: { en: { lt: 'Send fewer than {n} <b>tags</b>; 1 < 2.' } } })).get('/boom');
    expect(res.body.detail).toBe('Send fewer than 3 <b>tags</b>; 1 < 2.');
  });

  it('renders each field of itemised errors in the negotiated language', async () => {
    const validation = serve(
      () => new UnprocessableContent({ errors: [
        { pointer: '/email', detail: message('email.invalid') },
        { pointer: '/age', detail: message('age.min', { min: 18 }) },
        { pointer: '/name', detail: message('no.such.key') },
        { pointer: '/note', detail: 'plain text stays' },
      ] }),
      { messages: MESSAGES },
    );
    const ko = await request(validation).get('/boom').set('Accept-Language', 'ko-KR');
    expect(ko.status).toBe(422);
    expect(ko.body.errors).toEqual([
      { pointer: '/email', detail: '올바른 이메일 주소를 입력해 주십시오.' },
      { pointer: '/age', detail: '18세 이상만 이용할 수 있습니다.' },
      { pointer: '/name' },
      { pointer: '/note', detail: 'plain text stays' },
    ]);
    const en = await request(validation).get('/boom').set('Accept-Language', 'en-GB');
    expect(en.body.errors[1]).toEqual({ pointer: '/age', detail: 'You must be at least 18 years old.' });
  });

  it('renders a built-in phrase of the same name when no app message has the key', async () => {
    const phrases = CATALOGS.ko.phrases as unknown as Record<string, unknown>;
    phrases.greeting = '{name}님, 안녕하십니까.';
    try {
      const app = serve(() => new NotFound({ detail: message('greeting', { name: '민지' }) }), { messages: { en: { greeting: 'Hello, {name}.' } } });
      const ko = await request(app).get('/boom').set('Accept-Language', 'ko');
      const ja = await request(app).get('/boom').set('Accept-Language', 'ja');
      expect(ko.body.detail).toBe('Hello, 민지.');
      expect(ja.body.detail).toBe('Hello, 민지.');
      const phraseOnly = serve(() => new NotFound({ detail: message('greeting', { name: '민지' }) }));
      expect((await request(phraseOnly).get('/boom').set('Accept-Language', 'ko')).body.detail).toBe('민지님, 안녕하십니까.');
      // A phrase is not a catalog entry: an entry-valued phrase is never sent as a detail.
      const entry = serve(() => new NotFound({ detail: message('clientError') }));
      expect((await request(entry).get('/boom')).body.detail).toBe(CATALOGS.en.statuses[404].detail);
    } finally {
      delete phrases.greeting;
    }
  });

  it('never answers with a raw key or throws, whatever the key and parameters', () => {
    const { select } = createLocalization({ messages: MESSAGES });
    const contexts = LOCALES.map((locale) => select({ headers: { 'accept-language': locale } } as Request));
    const keys = fc.oneof(fc.string(), fc.constantFrom(...Object.keys(MESSAGES.en), '__proto__', 'constructor', 'toString', 'clientError'));
    const params = fc.option(fc.dictionary(fc.constantFrom('id', 'count', 'role', 'max', 'min', 'x'), fc.oneof(fc.integer(), fc.string(), fc.constant(null))), { nil: undefined });
    fc.assert(
      fc.property(keys, params, (key, values) => {
        for (const context of contexts) {
          const text = context.resolve(message(key, values));
          if (text !== undefined && text === key) return false;
          if (text !== undefined && typeof text !== 'string') return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('messages checked when errorHandler() is created', () => {
  it.each([
    [{ ko: { 'cart.limit': '{count, plural, one {#}' } }, /message "cart\.limit" in "ko" is not valid ICU MessageFormat/],
    [{ en: { 'user.notFound': 'No user {id' } }, /message "user\.notFound" in "en" is not valid ICU MessageFormat/],
    [{ it: { a: 'Ciao.' } }, /messages for "it", which has no catalog/],
    [{ en: { a: 42 } }, /message "a" in "en" must be a string/],
    [{ en: 'No user.' }, /messages\.en must be an object/],
    ['en', /messages must be an object/],
  ])('refuses %p', (messages, error) => {
    expect(() => errorHandler({ messages: messages as unknown as ErrorHandlerOptions['messages'] })).toThrow(error);
  });

  it('throws a SyntaxError for a malformed message', () => {
    expect(() => errorHandler({ messages: { en: { bad: '{' } } })).toThrow(SyntaxError);
  });
});

describe('catalogs option', () => {
  it('overrides a built-in title and keeps the rest of the language', async () => {
    const app = serve(() => new NotFound(), { catalogs: { ko: { 404: { title: '없는 페이지' } } } });
    const ko = await request(app).get('/boom').set('Accept-Language', 'ko');
    const en = await request(app).get('/boom').set('Accept-Language', 'en');
    expect(ko.body).toMatchObject({ title: '없는 페이지', detail: CATALOGS.ko.statuses[404].detail });
    expect(en.body.title).toBe('Not Found');
    expect(CATALOGS.ko.statuses[404].title).toBe('찾을 수 없음');
  });

  it('replaces a built-in language with a whole catalog', async () => {
    const app = serve(() => new NotFound(), { catalogs: { ko: esperanto() } });
    const res = await request(app).get('/boom').set('Accept-Language', 'ko');
    expect(res.headers['content-language']).toBe('ko');
    expect(res.body).toMatchObject({ title: 'Eraro 404', detail: 'La peto malsukcesis kun 404.' });
  });

  it('overrides a phrase of a built-in language', async () => {
    const app = serve(() => ({ status: 499, expose: false }), { catalogs: { fr: { phrases: { clientError: { title: 'Requête refusée' } } } } });
    const res = await request(app).get('/boom').set('Accept-Language', 'fr');
    expect(res.status).toBe(499);
    expect(res.body).toMatchObject({ title: 'Requête refusée', detail: CATALOGS.fr.phrases.clientError.detail });
  });

  it('adds a new language that negotiation, defaultLocale and messages then use', async () => {
    const app = serve(() => new NotFound({ detail: message('user.notFound', { id: 7 }) }), {
      catalogs: { eo: esperanto() },
      messages: { en: MESSAGES.en, eo: { 'user.notFound': 'Neniu uzanto kun id {id}.' } },
    });
    const eo = await request(app).get('/boom').set('Accept-Language', 'eo-XX, en;q=0.5');
    expect(eo.headers['content-language']).toBe('eo');
    expect(eo.body).toMatchObject({ title: 'Eraro 404', detail: 'Neniu uzanto kun id 7.' });
    const fallback = await request(serve(() => new NotFound(), { catalogs: { eo: esperanto() }, defaultLocale: 'eo' })).get('/boom').set('Accept-Language', 'tlh');
    expect(fallback.headers['content-language']).toBe('eo');
    expect(fallback.body.title).toBe('Eraro 404');
  });

  it('requires a complete catalog for a new language at compile time', () => {
    const { 404: _missing, ...statuses } = esperanto().statuses;
    // @ts-expect-error a new language without 404 is not a Catalog
    expect(() => errorHandler({ catalogs: { eo: { statuses, phrases: esperanto().phrases } } })).toThrow(/catalogs\.eo: status 404 is missing/);
  });

  it('keeps defaultLocale and messages to languages that have a catalog at compile time', () => {
    // @ts-expect-error no catalog for "eo"
    expect(() => errorHandler({ defaultLocale: 'eo' })).toThrow(/defaultLocale "eo" has no catalog/);
    // @ts-expect-error no catalog for "eo"
    expect(() => errorHandler({ messages: { eo: { a: 'b' } } })).toThrow(/messages for "eo"/);
    // @ts-expect-error an entry has only title and detail
    expect(() => errorHandler({ catalogs: { ko: { 404: { titel: 'x' } } } })).toThrow(/catalogs\.ko\.404: unknown member "titel"/);
  });

  it.each([
    [{ ko: { 999: { title: 'x' } } }, /catalogs\.ko: "999" is neither an error status/],
    [{ ko: { statuses: { 600: { title: 'x' } } } }, /catalogs\.ko\.statuses: "600" is neither an error status/],
    [{ ko: { statuses: [] } }, /catalogs\.ko\.statuses must be an object/],
    [{ ko: { 404: { title: '' } } }, /catalogs\.ko\.404\.title must be a non-empty string/],
    [{ ko: { 404: 'x' } }, /catalogs\.ko\.404 must be an object/],
    [{ ko: { phrases: { welcome: 'x' } } }, /catalogs\.ko\.phrases: "welcome" is not a built-in phrase/],
    [{ ko: { phrases: { toString: 'x' } } }, /"toString" is not a built-in phrase/],
    [{ ko: null }, /catalogs\.ko must be an object/],
    [{ eo: { statuses: {} } }, /catalogs\.eo: a new language needs a complete catalog/],
    [{ eo: { ...esperanto(), phrases: {} } }, /catalogs\.eo: phrase "clientError" is missing/],
    [{ 'not a tag': esperanto() }, /"not a tag" is not a valid BCP 47 language tag/],
    [{ 'sr-latn': esperanto() }, /write "sr-latn" in its canonical form "sr-Latn"/],
    [{ KO: esperanto() }, /write the built-in language as "ko"/],
    [[], /catalogs must be an object/],
  ])('refuses %p when it is created', (catalogs, error) => {
    expect(() => errorHandler({ catalogs: catalogs as unknown as ErrorHandlerOptions['catalogs'] })).toThrow(error);
  });

  it('reports a malformed phrase override naming the phrase and language', () => {
    const phrases = CATALOGS.de.phrases as unknown as Record<string, unknown>;
    phrases.greeting = 'Hallo.';
    try {
      expect(() => errorHandler({ catalogs: { de: { phrases: { greeting: 'Hallo {name' } as never } } })).toThrow(/phrase "greeting" in "de" is not valid ICU MessageFormat/);
    } finally {
      delete phrases.greeting;
    }
  });
});

describe('locale option', () => {
  const app = serve(() => new NotFound({ detail: message('user.notFound', { id: 1 }) }), {
    messages: MESSAGES,
    locale: (req) => (typeof req.query.lang === 'string' ? req.query.lang : undefined),
  });

  it.each([
    ['ko', 'en', 'ko'],
    ['zh-TW', 'en', 'zh-Hant'],
    ['pt', 'en', 'pt-BR'],
    ['xx', 'ja', 'ja'],
    ['*', 'ja', 'ja'],
    ['a'.repeat(10_000), 'de', 'de'],
    [undefined, 'es', 'es'],
  ])('?lang=%p with Accept-Language %s answers in %s', async (lang, header, locale) => {
    const res = await request(app).get('/boom').query(lang === undefined ? {} : { lang }).set('Accept-Language', header);
    expect(res.headers['content-language']).toBe(locale);
    expect(res.headers.vary).toBe('Accept-Language, Accept');
    expect(res.body.title).toBe(CATALOGS[locale as Locale].statuses[404].title);
  });

  it('falls back to Accept-Language when the chooser throws', async () => {
    const throwing = serve(() => new NotFound(), { locale: () => { throw new Error('no session'); } });
    const res = await request(throwing).get('/boom').set('Accept-Language', 'vi');
    expect(res.status).toBe(404);
    expect(res.headers['content-language']).toBe('vi');
  });

  it('appends Accept-Language to an existing Vary when the app chose the language', async () => {
    const chosen = express();
    chosen.get('/boom', (_req, res) => {
      res.setHeader('Vary', 'Cookie');
      throw new NotFound();
    });
    chosen.use(errorHandler({ log: false, locale: () => 'fr-CA' }));
    const res = await request(chosen).get('/boom').set('Accept-Language', 'ko');
    expect(res.headers['content-language']).toBe('fr');
    expect(res.headers.vary).toBe('Cookie, Accept-Language, Accept');
  });

  it('names the default language in Content-Language when nothing matches', async () => {
    const res = await request(serve(() => new NotFound(), { defaultLocale: 'zh-Hans', locale: () => 'tlh' })).get('/boom').set('Accept-Language', 'x-klingon');
    expect(res.headers['content-language']).toBe('zh-Hans');
    expect(res.body.title).toBe(CATALOGS['zh-Hans'].statuses[404].title);
  });
});
