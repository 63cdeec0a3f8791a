export { analyzeRules, RULE_PROBLEM_KINDS, type RuleProblem, RuleProblemSchema } from './analyze.js';
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
  RULE_TYPES,
  type RuleType,
} from './form.js';
export type { RecordData } from './values.js';
