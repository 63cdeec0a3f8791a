// Regenerates packages/sdk/openapi.json and packages/sdk/src/schema.ts from the gateway's route schemas.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { generateOpenApiDocument } from '../apps/gateway/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sdk = join(root, 'packages', 'sdk');

const document = await generateOpenApiDocument();
await writeFile(join(sdk, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
const ast = await openapiTS(document, { alphabetize: true });
const header =
  '// Generated from openapi.json by scripts/generate-sdk.mjs. Do not edit: run `pnpm gen:sdk`.\n\n';
await writeFile(join(sdk, 'src', 'schema.ts'), header + astToString(ast));
console.log('SDK regenerated: packages/sdk/openapi.json, packages/sdk/src/schema.ts');
