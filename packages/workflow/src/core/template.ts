import { type ConditionScope, valueAt } from './condition.js';

const PLACEHOLDER = /\{\{\s*((?:input|record)(?:\.[A-Za-z0-9_]{1,63}){1,8})\s*\}\}/g;

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/**
 * Renders a message template: each `{{input.x}}` or `{{record.field}}` becomes the value there (objects
 * as JSON, a missing value as nothing); any other text, braces included, is kept as written.
 */
export const renderTemplate = (template: string, scope: ConditionScope): string =>
  template.replace(PLACEHOLDER, (_, path: string) => text(valueAt(scope, path)));
