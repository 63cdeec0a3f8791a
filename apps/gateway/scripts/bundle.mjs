// Bundles the gateway's start path (src/main.ts and what it imports, workspace packages included) into
// dist/main.js and a few chunks under dist/chunks, written over the compiler's dist/main.js. A start then
// reads a handful of files instead of resolving and loading some seven hundred modules one by one.
// Dynamic imports stay chunks of their own, so the port opens before the database and HTTP stacks load.
//
// Left outside: PGlite (it finds its WebAssembly and data files next to its own module), the docs page
// (it serves its static files from its own folder) and pg's optional native binding. They resolve from
// the gateway's own dependencies at run time.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// @fastify/swagger loads a YAML library when it is registered, for the YAML form of the document that
// the gateway never serves; a stand-in loads it on first use instead (a tenth of a start's work).
const lazyYaml = {
  name: 'lazy-yaml',
  setup(bundler) {
    bundler.onResolve({ filter: /^yaml$/ }, (args) =>
      args.namespace === 'lazy-yaml' || !args.importer.includes('/@fastify/swagger/')
        ? undefined
        : { path: 'yaml', namespace: 'lazy-yaml', pluginData: { resolveDir: args.resolveDir } },
    );
    bundler.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, (args) => ({
      contents:
        "let yaml; const load = () => (yaml ??= require('yaml'));\n" +
        'module.exports = { parse: (...a) => load().parse(...a), stringify: (...a) => load().stringify(...a) };',
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
    }));
  },
};
rmSync(join(root, 'dist/chunks'), { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'src/main.ts') },
  outdir: join(root, 'dist'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.build.json'),
  external: ['@electric-sql/pglite', '@fastify/swagger-ui', 'pg-native'],
  // Bundled CommonJS modules call require(); in an ES module it has to be made.
  banner: {
    js: "import { createRequire as __ec3lRequire } from 'node:module';\nconst require = __ec3lRequire(import.meta.url);",
  },
  plugins: [lazyYaml],
  logLevel: 'warning',
});
