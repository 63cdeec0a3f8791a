// The vibe prompt set through the configured model provider (EC3L_LLM_PROVIDER, default the stub):
// per prompt whether the first answer was a valid vibe package, whether it was after repairs, and the
// latency. Exit 1 when any prompt stays invalid after repair.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));

const config = gw.loadConfig(process.env);
const adapter = gw.adapterOf(config.llm);
const report = await gw.evaluateVibe(adapter, { repairAttempts: config.llm.repairAttempts });
console.log(`vibe eval: ${adapter.name} (${adapter.model}), ${report.rows.length} prompts`);
for (const row of report.rows)
  console.log(
    `  ${row.firstPassValid ? 'valid   ' : row.validAfterRepair ? 'repaired' : 'INVALID '} ${row.attempts} attempt(s) ${row.latencyMs.toFixed(0).padStart(6)} ms  ${row.prompt}${row.problems.length ? `  [${row.problems.join('; ')}]` : ''}`,
  );
const pct = (x) => `${(x * 100).toFixed(0)}%`;
console.log(
  `  schema-valid on the first pass: ${pct(report.firstPass)}; valid after repair: ${pct(report.afterRepair)}; median latency ${report.medianMs.toFixed(0)} ms`,
);
if (report.afterRepair < 1) process.exitCode = 1;
