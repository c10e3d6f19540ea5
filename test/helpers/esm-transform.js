// Some dev dependencies (got and its dependencies) ship only ES modules, which jest cannot
// `require` on Node 20 (it can from Node 24.9). This transform hands each `.js` file of a
// `"type": "module"` package to esbuild (already a dev dependency, through tsup) to become
// CommonJS, and returns every other file unchanged.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { transformSync } = require('esbuild');

const typeOfDir = new Map();

function isModulePackage(dir) {
  if (typeOfDir.has(dir)) return typeOfDir.get(dir);
  let result;
  try {
    result = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type === 'module';
  } catch {
    const parent = path.dirname(dir);
    result = parent !== dir && isModulePackage(parent);
  }
  typeOfDir.set(dir, result);
  return result;
}

module.exports = {
  process(source, filename) {
    if (!isModulePackage(path.dirname(filename))) return { code: source };
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcemap: 'external', sourcefile: filename });
    return { code, map };
  },
};
