/**
 * Run by `npm run build` after tsup. Node's answer to the dual-package hazard: under the `node`
 * condition, `import` of each subpath gets a thin ES module that re-exports its CommonJS build
 * (Node reads the names through cjs-module-lexer), so `import` and `require` give the very same
 * classes and `instanceof` holds between them. Bundlers without the `node` condition (browsers)
 * keep the ES module build, which they tree-shake. The files to write are the `node` targets of
 * package.json's `exports`. Each lists the CommonJS build's exports by name (Node checks every
 * one when it links the wrapper; `export *` would also pass on the `__esModule` marker); its
 * types are the CommonJS build's, so TypeScript too sees one class where Node has one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const [subpath, conditions] of Object.entries(exports)) {
  if (typeof conditions !== 'object' || conditions.node === undefined) continue;
  const cjs = conditions.require.default;
  const from = `./${path.basename(cjs)}`;
  const names = Object.keys(require(path.resolve(cjs)));
  writeFileSync(conditions.node.default, `export { ${names.join(', ')} } from '${from}';\n`);
  writeFileSync(conditions.node.types, `export * from '${from}';\n`);
  console.log(`${conditions.node.default}: ${subpath}, ${names.length} exports of ${cjs}`);
}
