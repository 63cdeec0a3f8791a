import { Ec3lApiError } from '@ec3l/sdk';
import type { Tone } from '@/components/ui/badge';
import { IDENTIFIER_RE } from './identifiers';
import type { GraphPackage, PackageDiff } from './packages';
import type { SseEvent } from './sse';

/** Rules for Vibe Studio (pure, no DOM): package contents, the generation stream, inline edits. */

type PackageRecordType = GraphPackage['recordTypes'][number];

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** One record type of a package as the contents table shows it: its fields, SLA and assignment. */
export type RecordTypeContents = {
  key: string;
  name: string;
  baseType: string | null;
  fields: { name: string; type: string; required: boolean }[];
  slaMinutes: number | null;
  /** `group: tier1`, `user: ada`, `by field priority`, or null. */
  assignment: string | null;
  workflows: string[];
};

/** The record types of a package with what the package sets on each, in the package's order. */
export const packageContents = (pkg: GraphPackage): RecordTypeContents[] =>
  pkg.recordTypes.map((rt: PackageRecordType) => {
    const sla = (pkg.slaPolicies ?? []).find((p) => p.recordTypeKey === rt.key);
    const rule = (pkg.assignmentRules ?? []).find((r) => r.recordTypeKey === rt.key);
    return {
      key: rt.key,
      name: rt.name,
      baseType: rt.baseType ?? null,
      fields: rt.fields.map((f) => ({ name: f.name, type: f.type, required: f.required === true })),
      slaMinutes: sla ? sla.config.durationMinutes : null,
      assignment: rule ? assignmentLabel(rule.config) : null,
      workflows: (pkg.workflows ?? []).filter((w) => w.recordTypeKey === rt.key).map((w) => w.name),
    };
  });

const assignmentLabel = (config: unknown): string => {
  const c = asRecord(config);
  if (c.type === 'static_group') return `group: ${String(c.value)}`;
  if (c.type === 'static_user') return `user: ${String(c.value)}`;
  if (c.type === 'field_match') return `by field ${String(c.field)}`;
  return String(c.type ?? 'rule');
};

/** `90` → `1 h 30 min`, `2880` → `2 d`. */
export const formatMinutes = (minutes: number): string => {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 min';
};

/** `2 record types, 7 fields, 1 workflow`: a package's size at a glance. */
export const variantCounts = (pkg: GraphPackage): string => {
  const fields = pkg.recordTypes.reduce((n, rt) => n + rt.fields.length, 0);
  const workflows = (pkg.workflows ?? []).length;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [
    count(pkg.recordTypes.length, 'record type'),
    count(fields, 'field'),
    ...(workflows > 0 ? [count(workflows, 'workflow')] : []),
  ].join(', ');
};

/** A failed variant's error as a sentence: its message, with its code when it has one. */
export const variantError = (error: unknown): string => {
  if (typeof error === 'string') return error;
  const r = asRecord(error);
  const message = typeof r.message === 'string' ? r.message : 'The generation failed';
  return typeof r.code === 'string' ? `${r.code}: ${message}` : message;
};

/** What installing a package creates and changes, for the confirm dialog (from its preview diff). */
export type InstallImpact = {
  recordTypes: string[];
  workflows: string[];
  choiceLists: string[];
  /** Objects the install changes that exist already (updates), by key. */
  updates: string[];
  /** Objects it removes. */
  deletes: string[];
};

export const installImpact = (diff: PackageDiff): InstallImpact => {
  const keysOf = (type: string) =>
    diff.objects.filter((o) => o.objectType === type && o.disposition === 'insert').map((o) => o.key);
  return {
    recordTypes: keysOf('record_type'),
    workflows: keysOf('workflow'),
    choiceLists: keysOf('choice_list'),
    updates: diff.objects.filter((o) => o.disposition === 'update').map((o) => o.key),
    deletes: diff.objects
      .filter((o) => o.disposition === 'delete' || o.disposition === 'delete_with_data')
      .map((o) => o.key),
  };
};

/** Draft statuses and their badges. */
export type DraftStatus = 'draft' | 'previewed' | 'installed' | 'discarded';

const DRAFT_TONE: Record<DraftStatus, Tone> = {
  draft: 'neutral',
  previewed: 'sky',
  installed: 'emerald',
  discarded: 'rose',
};

export const draftTone = (status: string): Tone => DRAFT_TONE[status as DraftStatus] ?? 'neutral';

/** True when the draft takes no more mutations (installed and discarded are terminal). */
export const isTerminal = (status: string): boolean => status === 'installed' || status === 'discarded';

// ---------------------------------------------------------------------------------------------------
// The generation stream (preview/stream, preview/stream-tokens): stages, tokens, the final result.

/** The stages a generation goes through, in order; `repair` only runs when validation fails. */
export const STAGES = [
  'generation',
  'extract_json',
  'validate_schema',
  'repair',
  'projection',
  'diff',
  'complete',
] as const;

export type StageName = (typeof STAGES)[number];

export type StreamState = {
  status: 'idle' | 'streaming' | 'complete' | 'failed';
  /** The model's output so far, token by token. */
  text: string;
  tokens: number;
  /** Stages in the order they were reported (a repair can repeat). */
  stages: { stage: string; detail: string | null }[];
  /** The `complete` event's payload (the package, its checksum and diff). */
  result: unknown;
  error: string | null;
};

export const IDLE_STREAM: StreamState = {
  status: 'idle',
  text: '',
  tokens: 0,
  stages: [],
  result: null,
  error: null,
};

export const startedStream = (): StreamState => ({ ...IDLE_STREAM, status: 'streaming' });

const parseData = (data: string): unknown => {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
};

const textOf = (value: unknown, ...keys: string[]): string | null => {
  if (typeof value === 'string') return value;
  const r = asRecord(value);
  for (const key of keys) if (typeof r[key] === 'string') return r[key] as string;
  return null;
};

/** The state after one event of the stream; events of unknown names change nothing. */
export const applyStreamEvent = (state: StreamState, event: SseEvent): StreamState => {
  const data = parseData(event.data);
  switch (event.event) {
    case 'token': {
      const token = textOf(data, 'token', 'text', 'delta') ?? '';
      return { ...state, text: state.text + token, tokens: state.tokens + 1 };
    }
    case 'stage': {
      const stage = textOf(data, 'stage', 'name') ?? 'unknown';
      const detail = textOf(data, 'detail', 'message');
      return { ...state, stages: [...state.stages, { stage, detail }] };
    }
    case 'complete':
      return { ...state, status: 'complete', result: data };
    case 'error':
      return {
        ...state,
        status: 'failed',
        error: textOf(data, 'message', 'error') ?? 'The generation failed',
      };
    default:
      return state;
  }
};

const isPackage = (value: unknown): value is GraphPackage => {
  const r = asRecord(value);
  return (
    typeof r.key === 'string' &&
    typeof r.version === 'string' &&
    typeof r.name === 'string' &&
    Array.isArray(r.recordTypes)
  );
};

const isPackageDiff = (value: unknown): value is PackageDiff => {
  const r = asRecord(value);
  return Array.isArray(r.objects) && typeof r.summary === 'object' && r.summary !== null;
};

/** The package (and its diff against the project) a completed stream produced, or null. */
export const streamedPreview = (
  state: StreamState,
): { package: GraphPackage; diff: PackageDiff | null } | null => {
  if (state.status !== 'complete') return null;
  const result = asRecord(state.result);
  const pkg = isPackage(result.package) ? result.package : isPackage(state.result) ? state.result : null;
  if (!pkg) return null;
  return { package: pkg, diff: isPackageDiff(result.diff) ? result.diff : null };
};

/** The state of a stream that ended without `complete` or `error` (the connection closed early). */
export const endedStream = (state: StreamState): StreamState =>
  state.status === 'streaming'
    ? { ...state, status: 'failed', error: 'The stream ended before the generation completed' }
    : state;

export type StageState = 'done' | 'current' | 'todo' | 'skipped';

/**
 * Where each known stage stands given the stages reported so far: reported ones are done (the last
 * one current while streaming), a stage jumped over is skipped (no repair needed), the rest to do.
 */
export const stageStates = (state: StreamState): { stage: StageName; state: StageState }[] => {
  const seen = state.stages.map((s) => s.stage);
  const lastIndex = Math.max(-1, ...seen.map((s) => STAGES.indexOf(s as StageName)));
  const last = seen[seen.length - 1];
  return STAGES.map((stage, i) => {
    if (seen.includes(stage)) {
      const current = state.status === 'streaming' && stage === last;
      return { stage, state: current ? 'current' : 'done' };
    }
    if (stage === 'complete' && state.status === 'complete') return { stage, state: 'done' };
    return { stage, state: i < lastIndex ? 'skipped' : 'todo' };
  });
};

/** `extract_json` → `extract json`. */
export const stageLabel = (stage: string): string => stage.replaceAll('_', ' ');

// ---------------------------------------------------------------------------------------------------
// Inline edits of a draft's package.

export const PATCH_KINDS = [
  'add_field',
  'rename_field',
  'remove_field',
  'set_sla',
  'set_assignment_group',
] as const;

export type PatchKind = (typeof PATCH_KINDS)[number];

export const PATCH_LABEL: Record<PatchKind, string> = {
  add_field: 'Add a field',
  rename_field: 'Rename a field',
  remove_field: 'Remove a field',
  set_sla: 'Set the SLA',
  set_assignment_group: 'Set the assignment group',
};

export const FIELD_TYPES = ['string', 'text', 'number', 'boolean', 'date', 'datetime'] as const;
type FieldType = (typeof FIELD_TYPES)[number];

/** The inputs of the inline edit form; each kind reads the ones it needs. */
export type PatchInput = {
  recordTypeKey: string;
  fieldName: string;
  fieldType: string;
  newName: string;
  durationMinutes: string;
  groupKey: string;
};

export const EMPTY_PATCH_INPUT: PatchInput = {
  recordTypeKey: '',
  fieldName: '',
  fieldType: 'string',
  newName: '',
  durationMinutes: '',
  groupKey: '',
};

export type DraftPatchOp =
  | { op: 'add_field'; recordTypeKey: string; field: { name: string; type: FieldType } }
  | { op: 'rename_field'; recordTypeKey: string; from: string; to: string }
  | { op: 'remove_field'; recordTypeKey: string; fieldName: string }
  | { op: 'set_sla'; recordTypeKey: string; durationMinutes: number }
  | { op: 'set_assignment_group'; recordTypeKey: string; groupKey: string };

const MAX_MINUTES = 525_600;
const GROUP_KEY = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export type PatchBuild =
  | { ok: true; op: DraftPatchOp }
  | { ok: false; errors: Partial<Record<keyof PatchInput, string>> };

/**
 * The op the inline edit form describes, or the problems per input. Checks what the form can know
 * (shape, names in the package); the API re-validates the patched package and may still refuse.
 */
export const buildPatchOp = (kind: PatchKind, input: PatchInput, pkg: GraphPackage): PatchBuild => {
  const errors: Partial<Record<keyof PatchInput, string>> = {};
  const rt = pkg.recordTypes.find((r) => r.key === input.recordTypeKey);
  if (!rt) errors.recordTypeKey = 'Choose a record type of the package.';
  const names = new Set(rt?.fields.map((f) => f.name) ?? []);
  const newFieldName = (key: 'fieldName' | 'newName', value: string) => {
    if (!IDENTIFIER_RE.test(value))
      errors[key] = 'Lower snake case: a letter, then letters, digits or _ (at most 63).';
    else if (names.has(value)) errors[key] = `The record type has a field ${value} already.`;
  };
  const existingField = () => {
    if (rt && !names.has(input.fieldName)) errors.fieldName = 'Choose a field of the record type.';
  };
  const recordTypeKey = input.recordTypeKey;
  let op: DraftPatchOp | null = null;
  switch (kind) {
    case 'add_field':
      newFieldName('fieldName', input.fieldName.trim());
      if (!(FIELD_TYPES as readonly string[]).includes(input.fieldType)) errors.fieldType = 'Choose a type.';
      op = {
        op: 'add_field',
        recordTypeKey,
        field: { name: input.fieldName.trim(), type: input.fieldType as FieldType },
      };
      break;
    case 'rename_field':
      existingField();
      newFieldName('newName', input.newName.trim());
      op = { op: 'rename_field', recordTypeKey, from: input.fieldName, to: input.newName.trim() };
      break;
    case 'remove_field':
      existingField();
      if (rt && rt.fields.length <= 1) errors.fieldName = 'A record type keeps at least one field.';
      op = { op: 'remove_field', recordTypeKey, fieldName: input.fieldName };
      break;
    case 'set_sla': {
      const text = input.durationMinutes.trim();
      const minutes = Number(text);
      if (!/^\d+$/.test(text) || minutes < 1 || minutes > MAX_MINUTES)
        errors.durationMinutes = `Whole minutes from 1 to ${MAX_MINUTES}.`;
      op = { op: 'set_sla', recordTypeKey, durationMinutes: minutes };
      break;
    }
    case 'set_assignment_group': {
      const group = input.groupKey.trim();
      if (!GROUP_KEY.test(group) || group.length > 200)
        errors.groupKey = 'A letter or digit, then letters, digits, . _ @ or - (at most 200).';
      op = { op: 'set_assignment_group', recordTypeKey, groupKey: group };
      break;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, op };
};

/** The inputs of each op's properties, so the API's answers land on the input that caused them. */
const INPUT_OF: Record<string, keyof PatchInput> = {
  recordTypeKey: 'recordTypeKey',
  field: 'fieldName',
  name: 'fieldName',
  type: 'fieldType',
  fieldName: 'fieldName',
  from: 'fieldName',
  to: 'newName',
  durationMinutes: 'durationMinutes',
  groupKey: 'groupKey',
};

/** The input each refusal reason of a patch op points at (a taken name is the new name on a rename). */
const inputOfReason = (reason: string, kind: PatchKind): keyof PatchInput | null => {
  switch (reason) {
    case 'RECORD_TYPE_MISSING':
      return 'recordTypeKey';
    case 'FIELD_EXISTS':
      return kind === 'rename_field' ? 'newName' : 'fieldName';
    case 'FIELD_MISSING':
    case 'LAST_FIELD':
      return 'fieldName';
    default:
      return null;
  }
};

/**
 * A refused patch mapped to the inputs of the inline edit form: schema errors by the op property their
 * path names (`/ops/0/to` → the new name), a refused op by its reason (`FIELD_EXISTS` → the name
 * taken), a patched package that fails its checks by its problems; anything else under `_form`.
 */
export const patchErrorsFrom = (
  error: unknown,
  kind: PatchKind,
): Partial<Record<keyof PatchInput | '_form', string>> => {
  if (!(error instanceof Ec3lApiError))
    return { _form: error instanceof Error ? error.message : String(error) };
  const out: Partial<Record<keyof PatchInput | '_form', string>> = {};
  const add = (key: keyof PatchInput | '_form', message: string) => {
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  };
  const details = asRecord(error.details);
  if (error.code === 'VALIDATION_ERROR' && Array.isArray(error.details)) {
    for (const d of error.details) {
      const { path, message } = asRecord(d);
      const segments = typeof path === 'string' ? path.split('/').filter(Boolean) : [];
      const input = [...segments]
        .reverse()
        .map((segment) => INPUT_OF[segment])
        .find(Boolean);
      if (!/^must (be null|match a schema in (anyOf|oneOf))$/.test(String(message)))
        add(input ?? '_form', String(message));
    }
  } else if (typeof details.reason === 'string') {
    add(inputOfReason(details.reason, kind) ?? '_form', error.message);
  } else if (Array.isArray(details.problems) && details.problems.length > 0) {
    for (const p of details.problems) {
      const { path, message } = asRecord(p);
      add('_form', `${typeof path === 'string' && path ? `${path}: ` : ''}${String(message ?? '')}`);
    }
  }
  if (Object.keys(out).length === 0) add('_form', error.message);
  return out;
};

/** What an op does, in a sentence (the version history and the confirm dialogs use it). */
export const describePatchOp = (op: DraftPatchOp): string => {
  switch (op.op) {
    case 'add_field':
      return `Add ${op.field.type} field ${op.field.name} to ${op.recordTypeKey}`;
    case 'rename_field':
      return `Rename ${op.recordTypeKey}.${op.from} to ${op.to}`;
    case 'remove_field':
      return `Remove ${op.recordTypeKey}.${op.fieldName}`;
    case 'set_sla':
      return `Set the SLA of ${op.recordTypeKey} to ${formatMinutes(op.durationMinutes)}`;
    case 'set_assignment_group':
      return `Assign ${op.recordTypeKey} to group ${op.groupKey}`;
  }
};

/** The number of variants "Compare variants" asks for: 2 to 5. */
export const VARIANT_COUNTS = [2, 3, 4, 5] as const;
