/**
 * The published shape: pack the package, install the tarball into a project outside the
 * repo, and use it as users would: ESM import, CommonJS require, and TypeScript under
 * `node16` and `bundler` resolution.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';

const root = path.join(__dirname, '..', '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let project = '';

/** True when `built` is missing or older than any file under `sources`: jest alone must not pack an old build. */
function isStale(built: string, sources: string): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(sources, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt);
}

const run = (cmd: string, args: string[], cwd = project): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// A tiny app: throws ServiceUnavailable(120), asks itself for it, prints what came back.
const appBody = `
const app = express();
app.get('/report', () => { throw new ServiceUnavailable(120); });
app.use(errorHandler({ log: false }));
const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const res = await fetch('http://127.0.0.1:' + port + '/report', { headers: { 'accept-language': 'ko' } });
  const body = await res.json();
  console.log(JSON.stringify({ status: res.status, retryAfter: res.headers.get('retry-after'), language: res.headers.get('content-language'), title: body.title }));
  server.close();
});
`;

beforeAll(() => {
  if (isStale(path.join(root, 'dist', 'index.js'), path.join(root, 'src'))) run('npm', ['run', 'build'], root);
  project = mkdtempSync(path.join(tmpdir(), 'ete-consumer-'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', project], root).trim().split('\n').pop() as string;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${packed}`, 'express@^5', '@types/express@^5', '@types/node@^20', 'zod@^4']);
}, 180_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships only dist, the licence, the README and package.json', () => {
    const files = readdirSync(path.join(project, 'node_modules', 'express-typed-errors')).sort();
    expect(files).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
    expect(files).not.toContain('src');
    expect(files).not.toContain('test');
  });

  it.each([
    ['ESM import', 'app.mjs', `import express from 'express';\nimport { errorHandler, ServiceUnavailable } from 'express-typed-errors';\n${appBody}`],
    ['CommonJS require', 'app.cjs', `const express = require('express');\nconst { errorHandler, ServiceUnavailable } = require('express-typed-errors');\n${appBody}`],
  ])('answers 503 with Retry-After when loaded by %s', (_name, file, source) => {
    writeFileSync(path.join(project, file), source);
    const out = JSON.parse(run(process.execPath, [file]));
    expect(out).toEqual({ status: 503, retryAfter: '120', language: 'ko', title: expect.any(String) });
  });

  const typed = `import express from 'express';
import { errorHandler, ServiceUnavailable, createHttpError } from 'express-typed-errors';
import type { ErrorHandlerOptions } from 'express-typed-errors';
import { parseProblem } from 'express-typed-errors/client';
const parsed: Promise<unknown> = parseProblem(new Response(null, { status: 503 }));
const options: ErrorHandlerOptions = { defaultLocale: 'ko' };
const status: 503 = new ServiceUnavailable(120).status;
const made: ServiceUnavailable = createHttpError(503, 120);
// @ts-expect-error 405 needs its Allow list
createHttpError(405);
const app = express();
app.use(errorHandler(options));
export { status, made, parsed };
`;

  // An .mts file under node16 imports through the `node` condition: the wrapper's types.
  it.each([
    ['node16', 'ts', { module: 'node16', moduleResolution: 'node16' }],
    ['node16', 'mts', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', 'ts', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('type-checks a TypeScript app with moduleResolution %s (a .%s file)', (name, extension, compilerOptions) => {
    const file = `app-${name}.${extension}`;
    writeFileSync(path.join(project, file), typed);
    writeFileSync(
      path.join(project, `tsconfig.${name}.${extension}.json`),
      JSON.stringify({ compilerOptions: { ...compilerOptions, strict: true, noEmit: true, esModuleInterop: true, target: 'es2022', types: ['node'], lib: ['es2022', 'dom'], skipLibCheck: false }, files: [file] }),
    );
    expect(() => run(process.execPath, [tsc, '-p', `tsconfig.${name}.${extension}.json`])).not.toThrow();
  });

  it.each([
    ['CommonJS', 'client.cjs', `const { parseProblem } = require('express-typed-errors/client');\nconst main = require('express-typed-errors');\n`],
    ['ESM', 'client.mjs', `import { parseProblem } from 'express-typed-errors/client';\nimport * as main from 'express-typed-errors';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n`],
  ])('serves parseProblem from the client subpath (%s) with the same classes as the main entry', (_name, file, head) => {
    writeFileSync(
      path.join(project, file),
      `${head}const error = parseProblem({ status: 503, headers: { 'retry-after': '120' }, body: { type: 'about:blank', title: 'x', status: 503, detail: 'y' } });
console.log(JSON.stringify({ sameClass: error instanceof main.ServiceUnavailable, retryAfter: error.retryAfter }));
`,
    );
    expect(JSON.parse(run(process.execPath, [file]))).toEqual({ sameClass: true, retryAfter: 120 });
  });

  it.each([
    ['CommonJS', 'zod.cjs', `const { mapZodError } = require('express-typed-errors/zod');\nconst main = require('express-typed-errors');\nconst { z } = require('zod');\n`],
    ['ESM', 'zod.mjs', `import { mapZodError } from 'express-typed-errors/zod';\nimport * as main from 'express-typed-errors';\nimport { z } from 'zod';\n`],
  ])('maps a ZodError from the zod subpath (%s) to the main entry UnprocessableContent', (_name, file, head) => {
    writeFileSync(
      path.join(project, file),
      `${head}const result = z.object({ email: z.email() }).safeParse({ email: 'nope' });
const error = mapZodError(result.error);
console.log(JSON.stringify({ sameClass: error instanceof main.UnprocessableContent, status: error.status, pointer: error.errors[0].pointer }));
`,
    );
    expect(JSON.parse(run(process.execPath, [file]))).toEqual({ sameClass: true, status: 422, pointer: '/email' });
  });

  it('loads the client subpath without Express', () => {
    writeFileSync(
      path.join(project, 'client-only.cjs'),
      `require('express-typed-errors/client');\nconsole.log(JSON.stringify(Object.keys(require.cache).filter((file) => /node_modules[\\/\\\\](express|negotiator|vary)[\\/\\\\]/.test(file))));\n`,
    );
    expect(JSON.parse(run(process.execPath, ['client-only.cjs']))).toEqual([]);
  });

  it('runs the client subpath where there is no process global, as in a browser', () => {
    // Bundled as a browser bundler would, minus any `process` shim, and run in a bare context.
    const bundle = buildSync({
      stdin: {
        contents: "import { parseProblem } from 'express-typed-errors/client'; globalThis.result = parseProblem({ status: 429, headers: { 'retry-after': '30' }, body: null }).retryAfter;",
        resolveDir: project,
      },
      bundle: true,
      format: 'iife',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
    });
    const sandbox: { result?: unknown } = {};
    runInNewContext(bundle.outputFiles[0]?.text ?? '', sandbox);
    expect(sandbox.result).toBe(30);
  });

  it('answers without @opentelemetry/api installed, the optional peer it would use', () => {
    expect(existsSync(path.join(project, 'node_modules', '@opentelemetry', 'api'))).toBe(false);
    writeFileSync(path.join(project, 'no-otel.cjs'), `const express = require('express');\nconst { errorHandler, ServiceUnavailable } = require('express-typed-errors');\n${appBody}`);
    expect(JSON.parse(run(process.execPath, ['no-otel.cjs']))).toMatchObject({ status: 503, retryAfter: '120' });
  });

  describe('with @opentelemetry/api installed', () => {
    beforeAll(() => {
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '@opentelemetry/api@^1', '@opentelemetry/sdk-trace-base@^2', '@opentelemetry/context-async-hooks@^2']);
    }, 180_000);

    // A server span around each request, as an HTTP instrumentation starts one; prints what it recorded.
    const tracedBody = `
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
const app = express();
app.use((req, res, next) => trace.getTracer('consumer').startActiveSpan('GET /report', (span) => {
  res.on('finish', () => span.end());
  next();
}));
app.get('/report', () => { throw new ServiceUnavailable(120); });
app.use(errorHandler({ log: false }));
const server = app.listen(0, '127.0.0.1', async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/report');
  const body = await res.json();
  while (exporter.getFinishedSpans().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const [span] = exporter.getFinishedSpans();
  console.log(JSON.stringify({ status: res.status, span: span.status, event: span.events[0].name, errorType: span.attributes['error.type'], sameTrace: body.traceId === span.spanContext().traceId }));
  server.close();
});
`;

    it.each([
      ['ESM import', 'otel.mjs', `import express from 'express';\nimport { errorHandler, ServiceUnavailable } from 'express-typed-errors';\nimport { context, trace } from '@opentelemetry/api';\nimport { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';\nimport { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';\n`],
      ['CommonJS require', 'otel.cjs', `const express = require('express');\nconst { errorHandler, ServiceUnavailable } = require('express-typed-errors');\nconst { context, trace } = require('@opentelemetry/api');\nconst { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');\nconst { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base');\n`],
    ])('records a 5xx on the active span and sends its trace id when loaded by %s', (_name, file, head) => {
      writeFileSync(path.join(project, file), head + tracedBody);
      expect(JSON.parse(run(process.execPath, [file]))).toEqual({ status: 503, span: { code: 2, message: 'Service Unavailable' }, event: 'exception', errorType: 'ServiceUnavailable', sameTrace: true });
    });
  });

  it('gives the same classes to import and require, so instanceof holds both ways', () => {
    writeFileSync(
      path.join(project, 'one-copy.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from 'express-typed-errors';
import * as zod from 'express-typed-errors/zod';
const require = createRequire(import.meta.url);
const cjs = require('express-typed-errors');
console.log(JSON.stringify({
  sameClasses: esm.NotFound === cjs.NotFound && esm.HttpError === cjs.HttpError && esm.errorHandler === cjs.errorHandler,
  sameZod: zod.mapZodError === require('express-typed-errors/zod').mapZodError,
  cjsErrorIsEsmClass: new cjs.NotFound('x') instanceof esm.NotFound && new cjs.NotFound('x') instanceof esm.ClientError,
  esmErrorIsCjsClass: new esm.ServiceUnavailable(1) instanceof cjs.ServiceUnavailable && new esm.ServiceUnavailable(1) instanceof cjs.HttpError,
  sameNames: JSON.stringify(Object.keys(esm).sort()) === JSON.stringify(Object.keys(cjs).sort()),
}));
`,
    );
    expect(JSON.parse(run(process.execPath, ['one-copy.mjs']))).toEqual({ sameClasses: true, sameZod: true, cjsErrorIsEsmClass: true, esmErrorIsCjsClass: true, sameNames: true });
  });

  it('recognises with isHttpError() the errors of a second copy installed under another folder', () => {
    // A genuinely separate copy: the installed package copied into a folder of its own.
    cpSync(path.join(project, 'node_modules', 'express-typed-errors'), path.join(project, 'other', 'node_modules', 'express-typed-errors'), { recursive: true });
    writeFileSync(
      path.join(project, 'two-copies.mjs'),
      `import { createRequire } from 'node:module';
import * as ours from 'express-typed-errors';
const other = createRequire(new URL('./other/', import.meta.url))('express-typed-errors');
const fromOther = new other.NotFound('x');
console.log(JSON.stringify({
  distinctCopies: ours.NotFound !== other.NotFound,
  prototypeChainOnly: !(fromOther instanceof ours.NotFound) && !(new ours.NotFound() instanceof other.HttpError),
  oursSeesOther: ours.isHttpError(fromOther),
  otherSeesOurs: other.isHttpError(new ours.ServiceUnavailable(1)),
}));
`,
    );
    expect(JSON.parse(run(process.execPath, ['two-copies.mjs']))).toEqual({ distinctCopies: true, prototypeChainOnly: true, oursSeesOther: true, otherSeesOurs: true });
  });
});
