/** One reason a candidate package is refused, at the stage that refused it. */
export type VibeProblem = {
  stage: 'extract_json' | 'validate_schema' | 'namespace' | 'graph' | 'projection';
  path: string;
  code: string;
  message: string;
};
