/**
 * Localised error bodies: `npm run example -- localized`, then try
 *   curl -i 'localhost:3000/users/42' -H 'Accept-Language: ko-KR'
 *   curl -i 'localhost:3000/cart?add=3' -H 'Accept-Language: en'
 *   curl -i 'localhost:3000/signup?email=nope&age=12&lang=ko'
 *   curl -i 'localhost:3000/orders/7' -H 'Accept-Language: zh-TW'
 */
import express from 'express';
import type { Express } from 'express';
import { Conflict, Forbidden, NotFound, UnprocessableContent, defineMessages, errorHandler } from '../src';
import type { ProblemItem } from '../src';

// One const object: `message` below accepts only these keys, with their parameters.
const { messages, message } = defineMessages({
  en: {
    'user.notFound': 'No user with id {id}.',
    'cart.limit': 'Your cart holds at most {max, plural, one {# item} other {# items}}; it has {count}.',
    'order.forbidden': '{role, select, guest {Sign in to see order {id}.} other {Order {id} belongs to another account.}}',
    'email.invalid': 'Enter a valid email address.',
    'age.min': 'You must be at least {min} years old.',
  },
  ko: {
    'user.notFound': 'ID가 {id}인 사용자를 찾을 수 없습니다.',
    'cart.limit': '장바구니에는 최대 {max}개까지 담을 수 있으며 현재 {count}개가 담겨 있습니다.',
    'order.forbidden': '{role, select, guest {주문 {id}을(를) 보려면 로그인해 주십시오.} other {주문 {id}은(는) 다른 계정의 주문입니다.}}',
    'email.invalid': '올바른 이메일 주소를 입력해 주십시오.',
    'age.min': '{min}세 이상만 가입할 수 있습니다.',
  },
});

const CART_LIMIT = 10;

export function createApp(): Express {
  const app = express();

  app.get('/', (_req, res) => {
    res.json({
      try: ['/users/42', '/cart?add=3', '/signup?email=nope&age=12', '/orders/7', '/orders/7?as=guest', '/nowhere'],
      hint: 'send Accept-Language (ko, ja, zh-TW, de, ...) or add ?lang=ko',
    });
  });
  // A message with a parameter, in the client's language.
  app.get('/users/:id', (req) => {
    throw new NotFound({ detail: message('user.notFound', { id: req.params.id }) });
  });
  // Plural in English; Korean needs none.
  app.get('/cart', (req) => {
    const count = 8 + Number(req.query.add ?? 1);
    if (count > CART_LIMIT) throw new Conflict({ detail: message('cart.limit', { max: CART_LIMIT, count }) });
    throw new NotFound();
  });
  // One localised message per invalid field, in the `errors` member.
  app.get('/signup', (req) => {
    const errors: ProblemItem[] = [];
    if (!/^[^@\s]+@[^@\s]+$/.test(String(req.query.email ?? ''))) errors.push({ pointer: '/email', detail: message('email.invalid') });
    if (Number(req.query.age ?? 0) < 14) errors.push({ pointer: '/age', detail: message('age.min', { min: 14 }) });
    throw new UnprocessableContent({ errors });
  });
  // select: the text depends on who asks.
  app.get('/orders/:id', (req) => {
    throw new Forbidden({ detail: message('order.forbidden', { role: req.query.as === 'guest' ? 'guest' : 'customer', id: req.params.id }) });
  });

  app.use(
    errorHandler({
      messages,
      // Our own wording for one built-in title.
      catalogs: { ko: { 404: { title: '페이지 없음' } } },
      // The app chooses first (here `?lang=`); Accept-Language is the fallback.
      locale: (req) => (typeof req.query.lang === 'string' ? req.query.lang : undefined),
    }),
  );
  return app;
}
