#!/usr/bin/env node
// Cross-platform launcher for the Next.js CLI: `node scripts/next.mjs <command> [...args]`.
//  - always disables Next.js telemetry;
//  - for `start` and `dev`, listens on PORT (default 3001) and, when HOST is set, binds to it
//    (Next.js itself would default to port 3000 and 0.0.0.0);
//  - runs the CLI in this process, so signals sent to this process reach the server directly.
// GATEWAY_URL is not read here: the /api proxy route reads it on every request.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.NEXT_TELEMETRY_DISABLED = '1';

const [command = 'start', ...rest] = process.argv.slice(2);
const args = [command, ...rest];

if (command === 'start' || command === 'dev') {
  const port = process.env.PORT?.trim() || '3001';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535) {
    process.stderr.write(`PORT must be a TCP port number (0-65535), got "${port}"\n`);
    process.exit(2);
  }
  const hasFlag = (...names) =>
    rest.some((arg) => names.some((name) => arg === name || arg.startsWith(`${name}=`)));
  if (!hasFlag('-p', '--port')) args.push('--port', port);
  const host = process.env.HOST?.trim();
  if (host && !hasFlag('-H', '--hostname')) args.push('--hostname', host);
}

// Run from the app directory whatever the caller's working directory is.
process.chdir(dirname(dirname(fileURLToPath(import.meta.url))));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
process.argv = [process.argv[0], nextBin, ...args];
await import(pathToFileURL(nextBin).href);
