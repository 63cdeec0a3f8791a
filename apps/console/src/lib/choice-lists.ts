import type { Schemas } from '@ec3l/sdk';

/** Choice lists: the items box of the create form (pure, no DOM). */

export type ChoiceList = Schemas['ChoiceList'];
export type ChoiceItem = Schemas['ChoiceItem'];
export type ChoiceItemInput = Schemas['ChoiceItemInput'];

export type ParsedItems = { ok: true; items: ChoiceItemInput[] } | { ok: false; error: string };

/**
 * One item per line, `value` or `value = Label`; blank lines are skipped. Values repeat nowhere in a list
 * (the gateway refuses it too), and both parts are 1–200 characters.
 */
export const parseChoiceItems = (text: string): ParsedItems => {
  const items: ChoiceItemInput[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const at = line.indexOf('=');
    const value = (at === -1 ? line : line.slice(0, at)).trim();
    const label = at === -1 ? '' : line.slice(at + 1).trim();
    const where = `Line ${index + 1}`;
    if (value === '') return { ok: false, error: `${where}: the value before = is missing` };
    if (value.length > 200 || label.length > 200)
      return { ok: false, error: `${where}: at most 200 characters` };
    if (seen.has(value)) return { ok: false, error: `${where}: the value "${value}" is listed twice` };
    seen.add(value);
    items.push(label ? { value, label } : { value });
  }
  return { ok: true, items };
};
