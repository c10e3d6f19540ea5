/**
 * The client subpath as a front end gets it: the packed package installed in a project of its
 * own, bundled for the browser by esbuild, Vite (Rolldown) and webpack with no shims, run where
 * there is no `process`, and held to a size ceiling; and the subpath's exports and classes as
 * Node loads them, across its CommonJS and ES module builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import webpack from 'webpack';
import { ERROR_STATUSES, STATUSES } from '../../src/core/status';

/**
 * Issue 18's budget for a minified, gzipped bundle of parseProblem() plus every class: 4 KB.
 * Not met: the classes carry every header's writer and reader, the status table's 40 class
 * names, the constructor's options and stack handling, and parseProblem() the tolerant readers;
 * with all of it cut as far as it goes without losing a feature, esbuild gives 5,147 bytes
 * (Vite 5,075, webpack 5,054). This ceiling holds that figure from growing.
 */
const GZIP_BUDGET = 4_096;
const GZIP_CEILING = 5_200;

const root = path.join(__dirname, '..', '..');
const run = (cmd: string, args: string[], cwd: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const CLASS_NAMES = ERROR_STATUSES.map((status) => STATUSES[status].className);
let project = '';

function isStale(built: string, sources: string): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(sources, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > builtAt);
}

// Every class and parseProblem, so nothing of what they need can be shaken out; the result
// says whether the bundle narrows with instanceof and reads what a server sends.
const ENTRY = `import { parseProblem, isHttpError, ${CLASS_NAMES.join(', ')} } from 'express-typed-errors/client';
const classes = [${CLASS_NAMES.join(', ')}];
const limited = parseProblem({ status: 429, headers: { 'Retry-After': '30', 'Content-Type': 'application/problem+json' }, body: JSON.stringify({ title: '요청이 너무 많음', detail: '잠시 후 다시 시도해 주십시오.', status: 429 }) });
globalThis.result = {
  classes: classes.length,
  narrows: limited instanceof TooManyRequests && !(limited instanceof NotFound) && isHttpError(limited),
  name: limited.name,
  retryAfter: limited.retryAfter,
  title: limited.title,
  detail: limited.detail,
};
`;

beforeAll(() => {
  if (isStale(path.join(root, 'dist', 'client.mjs'), path.join(root, 'src'))) run('npm', ['run', 'build'], root);
  project = mkdtempSync(path.join(tmpdir(), 'ete-client-'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', project], root).trim().split('\n').pop() as string;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'front-end', private: true, version: '1.0.0' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `./${packed}`], project);
  writeFileSync(path.join(project, 'entry.js'), ENTRY);
}, 180_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

/** Runs a browser bundle in a bare context (no `process`, no `require`) and returns its result. */
function runBundle(code: string): unknown {
  const sandbox: { result?: unknown } = {};
  runInNewContext(code, sandbox);
  return sandbox.result;
}

const EXPECTED = { classes: CLASS_NAMES.length, narrows: true, name: 'TooManyRequests', retryAfter: 30, title: '요청이 너무 많음', detail: '잠시 후 다시 시도해 주십시오.' };
const sizes: Record<string, { minified: number; gzipped: number }> = {};

describe('express-typed-errors/client bundled for the browser', () => {
  const bundlers: [string, () => Promise<string>][] = [
    [
      'esbuild',
      async () => {
        const out = buildSync({ entryPoints: [path.join(project, 'entry.js')], absWorkingDir: project, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
        return out.outputFiles[0]?.text ?? '';
      },
    ],
    [
      'Vite',
      async () => {
        // Vite is an ES module only: it builds in a child process of its own.
        const script = path.join(project, 'vite-build.mjs');
        writeFileSync(
          script,
          `import { build } from ${JSON.stringify(require.resolve('vite').replace(/index\.cjs$/, 'index.js'))};
await build({ root: ${JSON.stringify(project)}, configFile: false, logLevel: 'silent', build: { outDir: 'vite-out', emptyOutDir: true, minify: true, modulePreload: false, rollupOptions: { input: 'entry.js', output: { entryFileNames: 'out.js', format: 'es' } } } });
`,
        );
        run(process.execPath, [script], project);
        return readFileSync(path.join(project, 'vite-out', 'out.js'), 'utf8');
      },
    ],
    [
      'webpack',
      () =>
        new Promise((resolve, reject) => {
          webpack({ mode: 'production', target: 'web', context: project, entry: './entry.js', output: { path: path.join(project, 'webpack-out'), filename: 'out.js' }, resolve: { modules: [path.join(project, 'node_modules')] } }, (error, stats) => {
            if (error !== null && error !== undefined) return reject(error);
            if (stats?.hasErrors() === true) return reject(new Error(stats.toString('errors-only')));
            resolve(readFileSync(path.join(project, 'webpack-out', 'out.js'), 'utf8'));
          });
        }),
    ],
  ];

  it.each(bundlers)('bundles with %s, without Node shims, into code that narrows with instanceof where there is no process', async (name, bundle) => {
    const code = await bundle();
    expect(code).not.toMatch(/\brequire\(["'](node:|url|util|http|events|stream|buffer)/);
    expect(runBundle(code)).toEqual(EXPECTED);
    const minified = Buffer.byteLength(code);
    const gzipped = gzipSync(code, { level: 9 }).length;
    sizes[name] = { minified, gzipped };
    expect(gzipped).toBeLessThanOrEqual(GZIP_CEILING);
  }, 120_000);

  afterAll(() => {
    // The figures the guide states: printed so a run shows them.
    console.log(`client bundle (parseProblem + ${CLASS_NAMES.length} classes), bytes: ${JSON.stringify(sizes)}; issue 18's budget ${GZIP_BUDGET} gzipped`);
  });
});

describe('express-typed-errors/client in Node', () => {
  it('exports the classes, the bases, isHttpError, the readers, the adapters and retryAfterMs', () => {
    const keys = JSON.parse(run(process.execPath, ['-e', "console.log(JSON.stringify(Object.keys(require('express-typed-errors/client')).sort()))"], project)) as string[];
    expect(keys).toEqual(
      expect.arrayContaining([
        ...CLASS_NAMES,
        'ContentTooLarge',
        'UnprocessableContent',
        'HttpError',
        'ClientError',
        'ServerError',
        'isHttpError',
        'parseProblem',
        'parseChallenges',
        'UnknownProblem',
        'fetchProblem',
        'kyHooks',
        'axiosInterceptor',
        'retryAfterMs',
      ]),
    );
    expect(keys).not.toContain('errorHandler');
  });

  it('gives import and require the same classes at the client and main entries, so instanceof holds both ways', () => {
    writeFileSync(
      path.join(project, 'one-copy.mjs'),
      `import { createRequire } from 'node:module';
import * as esmClient from 'express-typed-errors/client';
import * as esmMain from 'express-typed-errors';
const require = createRequire(import.meta.url);
const cjsMain = require('express-typed-errors');
const cjsClient = require('express-typed-errors/client');
const fromEsm = esmClient.parseProblem({ status: 429, headers: { 'retry-after': '5' }, body: { title: 'x' } });
const fromCjs = new cjsMain.NotFound('x');
console.log(JSON.stringify({
  sameClasses: [cjsClient, esmMain, cjsMain].every((entry) => entry.NotFound === esmClient.NotFound && entry.HttpError === esmClient.HttpError),
  cjsClassKnowsEsmError: fromEsm instanceof cjsMain.TooManyRequests && fromEsm instanceof cjsMain.ClientError && fromEsm instanceof cjsMain.HttpError,
  esmClassKnowsCjsError: fromCjs instanceof esmClient.NotFound && fromCjs instanceof esmClient.ClientError,
  keepsClassesApart: !(fromCjs instanceof esmClient.Gone) && !(fromEsm instanceof cjsMain.ServerError),
}));
`,
    );
    expect(JSON.parse(run(process.execPath, ['one-copy.mjs'], project))).toEqual({ sameClasses: true, cjsClassKnowsEsmError: true, esmClassKnowsCjsError: true, keepsClassesApart: true });
  });

  it.each([
    ['a browser bundle', 'browser', 'client.mjs'],
    ['Node', 'node', 'client.node.mjs'],
  ])('resolves import of the client subpath for %s to dist/%s', (_for, platform, file) => {
    // Browsers keep the ES module build to tree-shake; Node's import gets the CommonJS build's classes.
    const { metafile } = buildSync({ stdin: { contents: "export * from 'express-typed-errors/client';", resolveDir: project }, bundle: true, format: 'esm', platform: platform as 'browser' | 'node', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(metafile.inputs).map((input) => path.basename(input));
    expect(inputs).toContain(file);
    expect(inputs.includes('client.js')).toBe(platform === 'node');
  });

  it('type-checks a browser app narrowing on the client subpath alone', () => {
    writeFileSync(
      path.join(project, 'app.ts'),
      `import { fetchProblem, kyHooks, axiosInterceptor, parseProblem, retryAfterMs, TooManyRequests, NotFound, HttpError, UnknownProblem } from 'express-typed-errors/client';
import type { ProblemItem, RetryAfter } from 'express-typed-errors/client';
export async function load(): Promise<unknown> {
  try {
    return await (await fetchProblem('/api/report')).json();
  } catch (e) {
    if (e instanceof TooManyRequests) { const after: RetryAfter | undefined = e.retryAfter; const status: 429 = e.status; return [after, status, retryAfterMs(e)]; }
    if (e instanceof NotFound) { const items: readonly ProblemItem[] | undefined = e.errors; return [e.title, e.detail, items]; }
    if (e instanceof UnknownProblem) return e.body;
    if (e instanceof HttpError) return e.bodyStatus;
    throw e;
  }
}
const sync: HttpError<number> = parseProblem({ status: '404', headers: { 'content-type': 'application/json' }, body: '{}' });
const later: Promise<HttpError<number>> = parseProblem(new Response('{}', { status: 404 }));
export const hooks = kyHooks();
export const install = axiosInterceptor;
export { sync, later };
`,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false }, files: ['app.ts'] }),
    );
    expect(() => run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project)).not.toThrow();
  });
});
