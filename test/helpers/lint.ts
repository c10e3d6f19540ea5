/**
 * The real OpenAPI linters on a document: Spectral with its `spectral:oas` ruleset and
 * Redocly's `recommended` one, run as their CLIs. Each returns the errors it reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);

/** The problems of one linter, as `rule at path: message`, with their severity. */
export interface LintResult {
  readonly errors: readonly string[];
  readonly warnings: number;
}

function withFile<T>(doc: unknown, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'ete-lint-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `spectral lint` with `extends: spectral:oas`. */
export function spectral(doc: unknown): LintResult {
  return withFile(doc, (file) => {
    const result = spawnSync(bin('spectral'), ['lint', file, '--ruleset', path.join(__dirname, 'lint', 'spectral.yaml'), '--format', 'json', '--quiet'], { encoding: 'utf8', timeout: 60000 });
    if (result.error !== undefined) throw result.error;
    const found = JSON.parse(result.stdout || '[]') as { code: string; severity: number; message: string; path: string[] }[];
    return { errors: found.filter((item) => item.severity === 0).map((item) => `${item.code} at ${item.path.join('.')}: ${item.message}`), warnings: found.filter((item) => item.severity === 1).length };
  });
}

/** `redocly lint` with `extends: recommended`, offline: no telemetry, no update check. */
export function redocly(doc: unknown): LintResult {
  return withFile(doc, (file) => {
    const result = spawnSync(bin('redocly'), ['lint', file, '--config', path.join(__dirname, 'lint', 'redocly.yaml'), '--format', 'json'], {
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    if (result.error !== undefined) throw result.error;
    const found = JSON.parse(result.stdout) as { problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[] };
    const errors = found.problems.filter((item) => item.severity === 'error').map((item) => `${item.ruleId} at ${item.location[0]?.pointer ?? '?'}: ${item.message}`);
    return { errors, warnings: found.problems.length - errors.length };
  });
}
