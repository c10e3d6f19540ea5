import express from 'express';
import request from 'supertest';
import { errorHandler, Forbidden, HttpError, NotFound, ServiceUnavailable } from '../../../src';
import { ERROR_STATUSES } from '../../../src/core/status';
import { throwing } from '../../helpers/app';
import { construct } from '../../helpers/errors';

const hasFrames = (error: Error): boolean => (error.stack ?? '').includes('\n    at ');

afterEach(() => {
  HttpError.captureStack = false;
  delete NotFound.captureStack;
});

describe('stack capture', () => {
  it.each(ERROR_STATUSES.filter((status) => status < 500))('skips the stack of an exposed %i by default', (status) => {
    expect(hasFrames(construct(status))).toBe(false);
  });

  it.each(ERROR_STATUSES.filter((status) => status >= 500))('keeps the stack of a %i for the log', (status) => {
    expect(hasFrames(construct(status))).toBe(true);
  });

  it('keeps the name and message as the first line of a skipped stack', () => {
    expect(new NotFound('No user 42').stack).toBe('NotFound: No user 42');
  });

  it('keeps the stack of a 4xx that is not exposed', () => {
    expect(hasFrames(new NotFound('internal lookup failed', { expose: false }))).toBe(true);
  });

  it('follows the captureStack option of one error over every default', () => {
    expect(hasFrames(new NotFound({ captureStack: true }))).toBe(true);
    expect(hasFrames(new ServiceUnavailable(120, { captureStack: false }))).toBe(false);
  });

  it('captures every 4xx stack while HttpError.captureStack is on', () => {
    HttpError.captureStack = true;
    expect(hasFrames(new NotFound())).toBe(true);
    expect(hasFrames(new Forbidden())).toBe(true);
  });

  it('captures the stacks of one class only when set on that class', () => {
    NotFound.captureStack = true;
    expect(hasFrames(new NotFound())).toBe(true);
    expect(hasFrames(new Forbidden())).toBe(false);
  });

  it('leaves Error.stackTraceLimit as it was, also when reading the cause throws', () => {
    const limit = Error.stackTraceLimit;
    new NotFound('x');
    expect(Error.stackTraceLimit).toBe(limit);
    const hostile = {
      get cause(): never {
        throw new Error('no cause for you');
      },
    };
    expect(() => new NotFound('x', hostile)).toThrow('no cause for you');
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('changes no global when a handler is created with debug: true', () => {
    errorHandler({ debug: true, log: false });
    expect(HttpError.captureStack).toBe(false);
  });

  it.each([
    ['sends the frames of a 4xx in debug mode once HttpError.captureStack is on', true],
    ['sends only the first line of a 4xx stack in debug mode while HttpError.captureStack is off', false],
  ])('%s', async (_name, capture) => {
    HttpError.captureStack = capture;
    const app = express();
    app.get('/boom', () => {
      throw new NotFound('No user 42');
    });
    app.use(errorHandler({ debug: true, log: false }));
    const response = await request(app).get('/boom');
    expect(response.status).toBe(404);
    expect(response.body.stack[0]).toBe('NotFound: No user 42');
    expect(response.body.stack.length > 1).toBe(capture);
  });

  it('captures 4xx stacks by default under NODE_ENV=development', () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh = require('../../../src') as typeof import('../../../src');
        expect(fresh.HttpError.captureStack).toBe(true);
        expect(hasFrames(new fresh.NotFound('No user 42'))).toBe(true);
      });
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it('leaves stack capture off with errorHandler() in production mode', () => {
    throwing(undefined, { debug: false });
    expect(HttpError.captureStack).toBe(false);
  });
});
