import type { VibeProblem } from './problems.js';

/** Bounds on what the model may hand back before any of it is parsed further. */
export type ExtractLimits = { maxBytes: number; maxDepth: number };

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxBytes: 512 * 1024, maxDepth: 12 };

type Extracted = { ok: true; value: unknown } | { ok: false; problem: VibeProblem };

const problem = (code: string, message: string): Extracted => ({
  ok: false,
  problem: { stage: 'extract_json', path: '', code, message },
});

/** How deep the JSON text nests (brackets outside strings), without parsing it. */
const nestingOf = (text: string): number => {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
};

/** The first balanced JSON object in the text (code fences and prose around it are ignored). */
const firstObject = (text: string): string | null => {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
};

/**
 * The JSON object in a model's output: bounded in bytes and nesting before it is parsed, then the
 * first balanced object (models wrap JSON in prose or fences). Pure and total.
 */
export const extractJson = (text: string, limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS): Extracted => {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes)
    return problem('OUTPUT_TOO_LARGE', `the output is ${bytes} bytes, more than ${limits.maxBytes}`);
  const candidate = firstObject(text);
  if (candidate === null) return problem('NO_JSON', 'the output holds no complete JSON object');
  const depth = nestingOf(candidate);
  if (depth > limits.maxDepth)
    return problem('TOO_DEEP', `the JSON nests ${depth} levels, more than ${limits.maxDepth}`);
  try {
    return { ok: true, value: JSON.parse(candidate) as unknown };
  } catch (error) {
    return problem('INVALID_JSON', `the JSON does not parse: ${(error as Error).message.slice(0, 200)}`);
  }
};
