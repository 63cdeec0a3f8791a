export { analyzeRules, type RuleProblem, RuleProblemSchema } from './analyze.js';
export {
  CONDITION_OPS,
  type Condition,
  ConditionSchema,
  conditionFields,
  conditionProblems,
  evaluateCondition,
  MAX_CONDITION_DEPTH,
} from './condition.js';
export {
  checkRecord,
  evaluateForm,
  type FieldState,
  FieldStateSchema,
  type FormFieldView,
  type FormRule,
  type FormRulesView,
  type FormViolation,
  FormViolationSchema,
} from './form.js';
export type { RecordData } from './values.js';
