import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src';
import type { ErrorResponseEvent } from '../../src';
import { read, relativeLinks, rows, section } from './markdown';

const guide = read('docs/logging.md');

/** The guide's TypeScript blocks, each opened by a comment naming the file it comes from. */
function snippets(): { file: string; code: string }[] {
  return [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => {
    const [first = '', ...rest] = (match[1] as string).split('\n');
    return { file: /^\/\/ (examples\/[\w/-]+\.ts)$/.exec(first)?.[1] ?? `(no file named in "${first}")`, code: rest.join('\n') };
  });
}

describe('docs/logging.md', () => {
  it('shows one snippet each for pino-http, winston, OpenTelemetry and prom-client', () => {
    expect(snippets().map((snippet) => snippet.file)).toEqual(['examples/logging/pino-http.ts', 'examples/logging/winston.ts', 'examples/logging/tracing.ts', 'examples/metrics.ts']);
  });

  it.each(snippets())('shows $file as the tests run it, importing the package by name', ({ file, code }) => {
    const source = read(file).replace(/'(?:\.\.\/)+src'/g, "'express-typed-errors'");
    expect(source).toContain(code);
  });

  it('lists exactly the members of an ErrorResponseEvent', async () => {
    let event: ErrorResponseEvent | undefined;
    const app = express();
    app.get('/boom', () => {
      throw new Error('x');
    });
    app.use(errorHandler({ log: false, onError: (seen) => void (event = seen) }));
    await request(app).get('/boom');
    const documented = rows(section(guide, '## prom-client'), /`\w+`/).map((cells) => (cells[0] ?? '').replace(/`/g, ''));
    expect(documented.sort()).toEqual(Object.keys(event ?? {}).sort());
  });

  it('is linked from the handler guide', () => {
    expect(relativeLinks(read('docs/handler.md'))).toContain('logging.md');
  });
});
