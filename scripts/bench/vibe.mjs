// Vibe authoring, on PostgreSQL, through the gateway in process:
//  - a generation answering a 50-record-type package: output checks (extract, zod, validatePackage,
//    namespace guard), projection (install preview against the project) and diff, through
//    POST /api/vibe/preview; target < 100 ms; baseline in the same run: validatePackage alone on the
//    same package;
//  - the first SSE event of POST /api/vibe/preview/stream on the stub over a real socket; target
//    < 100 ms; baseline: a plain JSON route (GET /healthz) over the same socket.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, scratchDatabase } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const { validatePackage } = await import(join(root, 'packages/graph-packages/dist/index.js'));
const vibe = await import(join(root, 'packages/vibe/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const RUNS = 15;
const TYPES = 50;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const wide = {
  key: 'vibe.bench_wide',
  version: '1.0.0',
  name: 'Bench wide',
  choiceLists: [
    {
      key: 'vibe_state',
      name: 'Bench state',
      items: [
        { value: 'open', label: 'Open' },
        { value: 'done', label: 'Done' },
      ],
    },
  ],
  recordTypes: Array.from({ length: TYPES }, (_, i) => ({
    key: `vibe_t${i}`,
    name: `Bench type ${i}`,
    ...(i % 5 === 0 ? {} : { baseType: `vibe_t${i - 1}` }),
    fields: [
      { name: `title_${i}`, type: 'string', required: true },
      { name: `amount_${i}`, type: 'number' },
      { name: `due_${i}`, type: 'date' },
      { name: `state_${i}`, type: 'choice', choiceListKey: 'vibe_state' },
    ],
  })),
  slaPolicies: [{ recordTypeKey: 'vibe_t0', config: { durationMinutes: 60 } }],
  assignmentRules: [{ recordTypeKey: 'vibe_t0', config: { type: 'static_group', value: 'ops' } }],
};
const wideText = JSON.stringify(wide);
const stub = vibe.createStubAdapter();
const adapter = {
  name: 'bench',
  model: 'bench-1',
  generate: async (request, options) => {
    if (request.prompt !== 'bench wide') return stub.generate(request, options);
    options?.onToken?.(wideText);
    return { text: wideText, usage: { inputTokens: 0, outputTokens: 0 } };
  },
};

const database = await scratchDatabase('ec3l_bench_vibe');
let runtime;
let app;
try {
  runtime = await gw.openRuntime(
    { database: { kind: 'postgres', url: database.url } },
    pino({ level: 'warn' }),
  );
  await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
  app = await gw.buildApp({ database: runtime.database, events: runtime.events, llmAdapter: adapter });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  const headers = { 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin', 'content-type': 'application/json' };
  const call = async (method, url, body) => {
    const res = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const project = await call('POST', '/api/projects', { name: 'Bench' });

  const validateOnly = [];
  const previews = [];
  for (let r = 0; r < RUNS + 2; r++) {
    const t0 = performance.now();
    if (!validatePackage(JSON.parse(wideText)).ok) throw new Error('the bench package is invalid');
    const t1 = performance.now();
    const out = await call('POST', '/api/vibe/preview', { projectId: project.id, prompt: 'bench wide' });
    const t2 = performance.now();
    if (out.diff.summary.insert < TYPES) throw new Error('the preview did not project every type');
    if (r >= 2) {
      validateOnly.push(t1 - t0);
      previews.push(t2 - t1);
    }
  }

  const firstEvents = [];
  const plain = [];
  for (let r = 0; r < RUNS + 2; r++) {
    const t0 = performance.now();
    const health = await fetch(`${base}/healthz`);
    await health.text();
    const t1 = performance.now();
    const res = await fetch(`${base}/api/vibe/preview/stream`, {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream' },
      body: JSON.stringify({ projectId: project.id, prompt: 'an asset register' }),
    });
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let first;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (first === undefined && text.includes('event: stage')) first = performance.now();
    }
    if (first === undefined || !text.includes('event: complete'))
      throw new Error('the stream did not complete');
    if (r >= 2) {
      plain.push(t1 - t0);
      firstEvents.push(first - t1);
    }
  }

  const p = median(previews);
  const v = median(validateOnly);
  const s = median(firstEvents);
  const h = median(plain);
  console.log('Vibe authoring, PostgreSQL, through the gateway in process');
  console.log(
    `  ${TYPES}-type package: generation + checks + projection + diff ${fmt(p)} ms (target < 100 ms); ` +
      `validatePackage alone ${fmt(v, 2)} ms; ratio ${fmt(p / v, 1)}`,
  );
  console.log(
    `  first SSE event on the stub: ${fmt(s)} ms (target < 100 ms); GET /healthz ${fmt(h, 2)} ms; ratio ${fmt(s / h, 1)}`,
  );
} catch (error) {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
} finally {
  await app?.close();
  await runtime?.close();
  await database.drop();
}
