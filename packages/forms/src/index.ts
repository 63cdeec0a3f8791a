/** @public The compiled form other flows read (the console through the SDK, vibe and agents here). */
export type { CompiledForm, Provenance } from './core/compile.js';
/** @public Form patch ops and their problems: agents' form_patch proposals and vibe patches carry them. */
export type { FormPatchOp, PatchProblem } from './core/layout.js';
/** @public The codes forms throw, for flows that map or test them. */
export { type FormsErrorCode, FormsErrorCodes } from './errors.js';
export { formsMigrations } from './migrations/index.js';
/** @public The schemas of form patch ops and their problems, for routes of other flows that take or answer them. */
export {
  CompiledFormSchema,
  CreateFormDefinitionBodySchema,
  CreateFormOverrideBodySchema,
  CreateFormPlacementBodySchema,
  CreateFormRuleBodySchema,
  CreateFormSectionBodySchema,
  EvaluateFormBodySchema,
  FormDefinitionSchema,
  FormEvaluationSchema,
  FormOverrideSchema,
  FormPatchOpSchema,
  FormPlacementSchema,
  FormRuleSchema,
  FormSectionSchema,
  formsSchemas,
  PatchProblemSchema,
  UpdateFormPlacementBodySchema,
  UpdateFormRuleBodySchema,
  UpdateFormSectionBodySchema,
} from './schemas.js';
export { createFormsService, type FormsService } from './service.js';
