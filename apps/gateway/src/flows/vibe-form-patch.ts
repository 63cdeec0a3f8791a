import type { FormPatchOp, FormsService, PatchProblem } from '@ec3l/forms';
import { DomainError, type RequestContext } from '@ec3l/kernel';
import type { VibeService } from '@ec3l/vibe';
import { z } from 'zod';

const field = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
/** What the model may answer: form patch ops only, bounded. */
const ProposalSchema = z.strictObject({
  ops: z
    .array(
      z.discriminatedUnion('op', [
        z.strictObject({
          op: z.literal('moveField'),
          field,
          orderIndex: z.number().int().min(0).max(10_000),
        }),
        z.strictObject({
          op: z.literal('changeSection'),
          field,
          section: z.string().min(1).max(200),
          orderIndex: z.number().int().min(0).max(10_000).optional(),
        }),
        z.strictObject({
          op: z.enum(['toggleRequired', 'toggleReadOnly', 'toggleVisible']),
          field,
          value: z.boolean(),
        }),
      ]),
    )
    .max(50),
});

/** The JSON Schema the model is asked to follow (the same shape as ProposalSchema). */
const PROPOSAL_JSON_SCHEMA = z.toJSONSchema(ProposalSchema) as Record<string, unknown>;

export type FormVibePatch = {
  ops: FormPatchOp[];
  problems: PatchProblem[];
  valid: boolean;
  generationId: string;
};

/**
 * Proposes form patch ops for a prompt: the model sees the compiled form's fields and sections; its
 * answer is untrusted until zod accepts it, then the forms service validates the ops against the form.
 * Returned for review, never applied.
 */
export const proposeFormPatch = async (
  deps: { forms: FormsService; vibe: VibeService },
  ctx: RequestContext,
  input: { recordTypeName: string; formName: string; prompt: string },
): Promise<FormVibePatch> => {
  const compiled = await deps.forms.compile(ctx, input.recordTypeName, input.formName);
  const { text, generationId } = await deps.vibe.generateJson(ctx, {
    projectId: null,
    prompt: input.prompt,
    context: {
      form: compiled.name,
      recordType: compiled.recordTypeName,
      fields: compiled.fields.map((f) => f.name),
      sections: compiled.sections.map((s) => s.title),
    },
    jsonSchema: PROPOSAL_JSON_SCHEMA,
  });
  let parsed: z.infer<typeof ProposalSchema>;
  try {
    parsed = ProposalSchema.parse(JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)));
  } catch {
    throw new DomainError('VIBE_GENERATION_FAILED', "the model's answer is not a list of form patch ops", {
      problems: [{ stage: 'validate_schema', path: '/ops', code: 'INVALID', message: 'not form patch ops' }],
      generationId,
    });
  }
  const ops = parsed.ops as FormPatchOp[];
  const problems = await deps.forms.validateFormPatch(ctx, { ...input, ops });
  return { ops, problems, valid: problems.length === 0, generationId };
};
