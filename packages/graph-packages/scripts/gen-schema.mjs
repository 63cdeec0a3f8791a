// Writes graph-package.schema.json, the package format as a JSON Schema (draft 2020-12) document,
// from the TypeBox schemas of the built package. A test fails when the committed file differs.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphPackageJsonSchema } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await writeFile(
  join(root, 'graph-package.schema.json'),
  `${JSON.stringify(graphPackageJsonSchema(), null, 2)}\n`,
);
console.log('Wrote packages/graph-packages/graph-package.schema.json');
