import { type GraphPackage, packageChecksum, validatePackage } from '@ec3l/graph-packages';
import { type LlmAdapter, LlmError, type LlmRequest, type LlmUsage } from '../adapters/types.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits, extractJson } from './extract.js';
import { namespaceProblems } from './guard.js';
import type { VibeProblem } from './problems.js';
import { repairRequest } from './prompt.js';
import { parseVibePackage } from './schema.js';

const STAGES = [
  'generation',
  'extract_json',
  'validate_schema',
  'repair',
  'projection',
  'diff',
  'complete',
] as const;
type Stage = (typeof STAGES)[number];

export type PipelineEvent =
  | { type: 'stage'; stage: Stage; attempt: number; problems?: VibeProblem[] }
  | { type: 'token'; attempt: number; text: string };

type Attempt = {
  attempt: number;
  outcome: 'valid' | 'invalid';
  problems: VibeProblem[];
  outputBytes: number;
};

/** What projection (an install preview against the project) says about a valid candidate. */
type Projection<D> = { ok: true; diff: D } | { ok: false; problems: VibeProblem[] };

export type PipelineInput<D> = {
  adapter: LlmAdapter;
  request: LlmRequest;
  /** Repairs after the first attempt (default 2). */
  repairAttempts?: number;
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
  /** Projects a valid candidate onto the project (planInstall dry run); problems are repaired too. */
  project: (pkg: GraphPackage) => Promise<Projection<D>>;
  limits?: ExtractLimits & { maxOutputBytes?: number };
};

export type PipelineResult<D> = {
  attempts: Attempt[];
  usage: LlmUsage;
  /** Every raw output, in order (kept for explanation and replay, never as a package). */
  outputs: string[];
} & (
  | { ok: true; package: GraphPackage; checksum: string; diff: D }
  | { ok: false; problems: VibeProblem[]; failure?: LlmError }
);

/**
 * The checks every candidate package passes before anything may use it, in order: JSON extracted
 * (bounded), the zod schema, the format's own validation and graph validators, the namespace guard.
 * Pure: the same input gives the same problems.
 */
export const checkCandidate = (
  value: unknown,
): { ok: true; package: GraphPackage } | { ok: false; problems: VibeProblem[] } => {
  const parsed = parseVibePackage(value);
  if (!parsed.ok) return parsed;
  const validation = validatePackage(parsed.package);
  if (!validation.ok)
    return {
      ok: false,
      problems: validation.problems.slice(0, 30).map((p) => ({ stage: 'graph' as const, ...p })),
    };
  const namespace = namespaceProblems(validation.package);
  if (namespace.length > 0) return { ok: false, problems: namespace };
  return { ok: true, package: validation.package };
};

/** Parses and checks a model's text output (extract, schema, validation, namespace). */
export const checkOutput = (
  text: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): { ok: true; package: GraphPackage } | { ok: false; problems: VibeProblem[] } => {
  const extracted = extractJson(text, limits);
  if (!extracted.ok) return { ok: false, problems: [extracted.problem] };
  return checkCandidate(extracted.value);
};

/**
 * Generation with a bounded repair loop: the adapter's output is untrusted until it passes every check
 * and projects onto the project; each refused attempt sends the problems back (at most `repairAttempts`
 * times). Provider failures end the loop at once. Never throws for bad output: the result says.
 */
export const runPipeline = async <D>(input: PipelineInput<D>): Promise<PipelineResult<D>> => {
  const maxAttempts = 1 + (input.repairAttempts ?? 2);
  const emit = input.onEvent ?? (() => {});
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  const attempts: Attempt[] = [];
  const outputs: string[] = [];
  let request = input.request;
  let problems: VibeProblem[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) {
      emit({ type: 'stage', stage: 'repair', attempt, problems });
      request = repairRequest(input.request, outputs[outputs.length - 1] ?? '', problems);
    }
    emit({ type: 'stage', stage: 'generation', attempt });
    let text: string;
    try {
      const response = await input.adapter.generate(request, {
        ...(input.signal ? { signal: input.signal } : {}),
        onToken: (piece) => emit({ type: 'token', attempt, text: piece }),
        maxOutputBytes: input.limits?.maxOutputBytes ?? DEFAULT_EXTRACT_LIMITS.maxBytes,
      });
      text = response.text;
      usage.inputTokens += response.usage.inputTokens;
      usage.outputTokens += response.usage.outputTokens;
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      const problem: VibeProblem = {
        stage: 'extract_json',
        path: '',
        code: error.failure.toUpperCase(),
        message: error.message,
      };
      attempts.push({ attempt, outcome: 'invalid', problems: [problem], outputBytes: 0 });
      return { ok: false, problems: [problem], failure: error, attempts, usage, outputs };
    }
    outputs.push(text);
    const outputBytes = Buffer.byteLength(text, 'utf8');
    emit({ type: 'stage', stage: 'extract_json', attempt });
    const extracted = extractJson(text, input.limits ?? DEFAULT_EXTRACT_LIMITS);
    let checked: ReturnType<typeof checkCandidate>;
    if (!extracted.ok) checked = { ok: false, problems: [extracted.problem] };
    else {
      emit({ type: 'stage', stage: 'validate_schema', attempt });
      checked = checkCandidate(extracted.value);
    }
    if (!checked.ok) {
      problems = checked.problems;
      attempts.push({ attempt, outcome: 'invalid', problems, outputBytes });
      continue;
    }
    emit({ type: 'stage', stage: 'projection', attempt });
    const projection = await input.project(checked.package);
    if (!projection.ok) {
      problems = projection.problems;
      attempts.push({ attempt, outcome: 'invalid', problems, outputBytes });
      continue;
    }
    emit({ type: 'stage', stage: 'diff', attempt });
    attempts.push({ attempt, outcome: 'valid', problems: [], outputBytes });
    return {
      ok: true,
      package: checked.package,
      checksum: packageChecksum(checked.package),
      diff: projection.diff,
      attempts,
      usage,
      outputs,
    };
  }
  return { ok: false, problems, attempts, usage, outputs };
};
