import request from 'supertest';
import { NotFound, UnprocessableContent, defineMessages, isMessage, message as untypedMessage } from '../../../src';
import type { MessageKey, MessageParams } from '../../../src';
import { throwing } from '../../helpers/app';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const { messages, message } = defineMessages({
  en: {
    'user.notFound': 'No user with id {id}.',
    'cart.limit': 'You can hold {count, plural, one {# item} other {# items}}.',
    'order.shipped': '{role, select, admin {Shipped by {name}.} other {Your order was shipped on {day, date, long}.}}',
    'price.max': 'At most {max, number, ::currency/EUR}, {rank, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} try.',
    'email.invalid': 'Enter a valid email address.',
  },
  ko: {
    'user.notFound': 'ID가 {id}인 사용자를 찾을 수 없습니다.',
    'cart.limit': '최대 {count}개까지 담을 수 있습니다.',
    'email.invalid': '올바른 이메일 주소를 입력해 주십시오.',
    'ko.only': '{when, time, short}에 다시 시도해 주십시오.',
  },
});

describe('defineMessages', () => {
  it('returns the messages as given and a message() that makes ordinary messages', () => {
    expect(messages.en['user.notFound']).toBe('No user with id {id}.');
    const made = message('user.notFound', { id: 42 });
    expect(isMessage(made)).toBe(true);
    expect(made).toMatchObject({ key: 'user.notFound', params: { id: 42 } });
  });

  it('renders typed messages through errorHandler() in the client language', async () => {
    const app = throwing(new UnprocessableContent({ detail: message('cart.limit', { count: 3 }), errors: [{ pointer: '/email', detail: message('email.invalid') }] }), { messages });
    const ko = await request(app).get('/boom').set('Accept-Language', 'ko');
    expect(ko.body.detail).toBe('최대 3개까지 담을 수 있습니다.');
    expect(ko.body.errors).toEqual([{ pointer: '/email', detail: '올바른 이메일 주소를 입력해 주십시오.' }]);
    const en = await request(app).get('/boom').set('Accept-Language', 'en');
    expect(en.body.detail).toBe('You can hold 3 items.');
  });

  it('reads every key and its parameters from the ICU text', () => {
    const keys: Equal<MessageKey<typeof messages>, 'user.notFound' | 'cart.limit' | 'order.shipped' | 'price.max' | 'email.invalid' | 'ko.only'> = true;
    // A parameter used in several languages takes the narrowest type: plural in English wins.
    const cart: Equal<MessageParams<typeof messages, 'cart.limit'>, { readonly count: number }> = true;
    const user: Equal<MessageParams<typeof messages, 'user.notFound'>, { readonly id: string | number }> = true;
    const nested: Equal<MessageParams<typeof messages, 'order.shipped'>, { readonly role: string; readonly name: string | number; readonly day: Date | number }> = true;
    const styled: Equal<MessageParams<typeof messages, 'price.max'>, { readonly max: number; readonly rank: number }> = true;
    const time: Equal<MessageParams<typeof messages, 'ko.only'>, { readonly when: Date | number }> = true;
    const none: Equal<MessageParams<typeof messages, 'email.invalid'>, {}> = true;
    expect([keys, cart, user, nested, styled, time, none]).toEqual([true, true, true, true, true, true, true]);
  });

  it('refuses unknown keys and wrong or missing parameters at compile time', () => {
    const made = [
      message('email.invalid'),
      message('order.shipped', { role: 'admin', name: 'Ada', day: new Date(0) }),
      // @ts-expect-error a typo in the key
      message('user.notfound', { id: 1 }),
      // @ts-expect-error the parameter is required
      message('user.notFound'),
      // @ts-expect-error a plural count is a number
      message('cart.limit', { count: 'three' }),
      // @ts-expect-error an unknown parameter
      message('user.notFound', { ident: 1 }),
      // @ts-expect-error a date is a Date or a timestamp
      message('ko.only', { when: 'noon' }),
    ];
    expect(made.every(isMessage)).toBe(true);
  });

  it('accepts any key and parameters in the plain message() for JavaScript callers', async () => {
    const app = throwing(new NotFound({ detail: untypedMessage('user.notFound', { id: 'abc' }) }), { messages });
    const res = await request(app).get('/boom').set('Accept-Language', 'ko');
    expect(res.body.detail).toBe('ID가 abc인 사용자를 찾을 수 없습니다.');
  });

  it('accepts any parameters when the texts are typed only as string', () => {
    const loaded: Record<string, Record<string, string>> = { en: { greeting: 'Hi {name}.' } };
    const typed = defineMessages(loaded);
    const params: Equal<MessageParams<typeof loaded, 'greeting'>, Readonly<Record<string, unknown>>> = true;
    expect(params).toBe(true);
    expect(typed.message('anything', { x: 1 }).key).toBe('anything');
  });
});
