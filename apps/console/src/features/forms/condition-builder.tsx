'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { INLINE_SELECT } from '@/components/ui/field';
import {
  appendAt,
  type Comparison,
  type Condition,
  type ConditionField,
  type ConditionOp,
  childrenOf,
  fitsNesting,
  isListOp,
  needsValue,
  newComparison,
  OPS,
  type Path,
  parseValueText,
  removeAt,
  replaceAt,
  valueText,
  withOp,
} from '@/lib/conditions';
import { cx } from '@/lib/cx';

const INLINE_INPUT =
  'min-w-0 rounded-md border-0 bg-white px-2 py-1 text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset ' +
  'focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50';
const SMALL = 'px-2 py-1 text-xs';

/** "condition 2.1": where a node sits, for the labels of its controls. */
const nameOf = (path: Path) =>
  path.length === 0 ? 'the condition' : `condition ${path.map((i) => i + 1).join('.')}`;

/**
 * Builds a rule's condition in the shared Condition language: comparisons (field, operator, value) in
 * "all of" / "any of" groups, nested, each node negatable. Null means the rule always applies. Nothing
 * it offers goes beyond the language's nesting bound.
 */
export function ConditionBuilder({
  value,
  onChange,
  fields,
  disabled = false,
}: {
  value: Condition | null;
  onChange: (next: Condition | null) => void;
  fields: readonly ConditionField[];
  disabled?: boolean;
}) {
  if (value === null) {
    return (
      <div
        className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 px-3 py-2"
        data-testid="condition-always"
      >
        <span className="text-sm text-slate-700">Applies always.</span>
        <Button
          variant="secondary"
          className={SMALL}
          disabled={disabled || fields.length === 0}
          onClick={() => onChange({ all: [newComparison(fields[0])] })}
        >
          Add a condition
        </Button>
      </div>
    );
  }
  return (
    <div data-testid="condition-builder">
      <Node root={value} node={value} path={[]} onChange={onChange} fields={fields} disabled={disabled} />
    </div>
  );
}

type NodeProps = {
  root: Condition;
  node: Condition;
  path: Path;
  onChange: (next: Condition | null) => void;
  fields: readonly ConditionField[];
  disabled: boolean;
};

function Node(props: NodeProps) {
  const { node } = props;
  if ('field' in node) return <ComparisonRow {...props} node={node} />;
  if ('not' in node) return <NotBox {...props} inner={node.not} />;
  return <GroupBox {...props} />;
}

/** Actions every node has: wrap it in a not (when that still fits), remove it. */
function NodeActions({ root, node, path, onChange, disabled }: NodeProps) {
  const negated = replaceAt(root, path, { not: node });
  return (
    <span className="flex gap-1">
      {fitsNesting(negated) ? (
        <Button
          variant="ghost"
          className={SMALL}
          disabled={disabled}
          aria-label={`Negate ${nameOf(path)}`}
          onClick={() => onChange(negated)}
        >
          Negate
        </Button>
      ) : null}
      <Button
        variant="ghost"
        className={cx(SMALL, 'text-rose-700 hover:text-rose-800')}
        disabled={disabled}
        aria-label={`Remove ${nameOf(path)}`}
        onClick={() => onChange(removeAt(root, path))}
      >
        Remove
      </Button>
    </span>
  );
}

function GroupBox(props: NodeProps) {
  const { root, node, path, onChange, fields, disabled } = props;
  const kind = 'all' in node ? 'all' : 'any';
  const children = childrenOf(node);
  const withGroup = appendAt(root, path, { all: [newComparison(fields[0])] });
  const setKind = (next: 'all' | 'any') =>
    onChange(replaceAt(root, path, next === 'all' ? { all: [...children] } : { any: [...children] }));
  return (
    <fieldset
      className={cx(
        'space-y-2 rounded-md px-3 py-2 ring-1 ring-slate-200',
        path.length % 2 === 1 && 'bg-slate-50',
      )}
      data-testid="condition-group"
    >
      <legend className="sr-only">{`Group: ${nameOf(path)}`}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-slate-700">Match</span>
        <select
          aria-label={`How ${nameOf(path)} combines its conditions`}
          className={INLINE_SELECT}
          value={kind}
          disabled={disabled}
          onChange={(e) => setKind(e.target.value === 'any' ? 'any' : 'all')}
        >
          <option value="all">all of</option>
          <option value="any">any of</option>
        </select>
        <span className="ml-auto">
          <NodeActions {...props} />
        </span>
      </div>
      <ul className="space-y-2">
        {children.map((child, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a condition's children have no identity beyond their position
          <li key={index}>
            <Node {...props} node={child} path={[...path, index]} />
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className={SMALL}
          disabled={disabled || fields.length === 0}
          aria-label={`Add a comparison to ${nameOf(path)}`}
          onClick={() => onChange(appendAt(root, path, newComparison(fields[0])))}
        >
          Add comparison
        </Button>
        {fitsNesting(withGroup) ? (
          <Button
            variant="secondary"
            className={SMALL}
            disabled={disabled || fields.length === 0}
            aria-label={`Add a group to ${nameOf(path)}`}
            onClick={() => onChange(withGroup)}
          >
            Add group
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

function NotBox(props: NodeProps & { inner: Condition }) {
  const { root, path, onChange, disabled, inner } = props;
  return (
    <div className="space-y-2 rounded-md border-l-4 border-amber-400 py-1 pl-3" data-testid="condition-not">
      <div className="flex items-center gap-2">
        <span className="text-xs font-semibold text-amber-800 uppercase">Not</span>
        <Button
          variant="ghost"
          className={cx(SMALL, 'ml-auto')}
          disabled={disabled}
          aria-label={`Stop negating ${nameOf(path)}`}
          onClick={() => onChange(replaceAt(root, path, inner))}
        >
          Un-negate
        </Button>
      </div>
      <Node {...props} node={inner} path={[...path, 0]} />
    </div>
  );
}

function ComparisonRow(props: NodeProps & { node: Comparison }) {
  const { root, node, path, onChange, fields, disabled } = props;
  const field = fields.find((f) => f.name === node.field);
  const type = field?.type ?? 'string';
  const set = (next: Comparison) => onChange(replaceAt(root, path, next));
  const name = nameOf(path);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="condition-comparison">
      <select
        aria-label={`Field of ${name}`}
        className={INLINE_SELECT}
        value={node.field}
        disabled={disabled}
        onChange={(e) => {
          const next = fields.find((f) => f.name === e.target.value);
          set(withOp({ ...node, field: e.target.value }, node.op, next?.type ?? 'string'));
        }}
      >
        {field ? null : <option value={node.field}>{node.field || 'Pick a field'}</option>}
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
      <select
        aria-label={`Operator of ${name}`}
        className={INLINE_SELECT}
        value={node.op}
        disabled={disabled}
        onChange={(e) => set(withOp(node, e.target.value as ConditionOp, type))}
      >
        {OPS.map((o) => (
          <option key={o.op} value={o.op}>
            {o.label}
          </option>
        ))}
      </select>
      {!needsValue(node.op) ? null : type === 'boolean' && !isListOp(node.op) ? (
        <select
          aria-label={`Value of ${name}`}
          className={INLINE_SELECT}
          value={String(node.value === true)}
          disabled={disabled}
          onChange={(e) => set({ ...node, value: e.target.value === 'true' })}
        >
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <ValueInput
          label={`Value of ${name}`}
          hint={isListOp(node.op) ? 'comma-separated' : undefined}
          value={valueText(node.value)}
          parse={(text) => valueText(parseValueText(text, node.op, type))}
          disabled={disabled}
          onCommit={(text) => set({ ...node, value: parseValueText(text, node.op, type) ?? '' })}
        />
      )}
      <span className="ml-auto">
        <NodeActions {...props} />
      </span>
    </div>
  );
}

/**
 * The value's text box keeps what is typed (so "1," can become "1, 2") and hands the parsed value up on
 * every keystroke; when the value changes from elsewhere (a sibling removed), the box shows it.
 */
function ValueInput({
  label,
  hint,
  value,
  parse,
  disabled,
  onCommit,
}: {
  label: string;
  hint: string | undefined;
  value: string;
  parse: (text: string) => string;
  disabled: boolean;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    setText((typed) => (parse(typed) === value ? typed : value));
  }, [value, parse]);
  return (
    <input
      aria-label={hint ? `${label} (${hint})` : label}
      placeholder={hint ?? 'value'}
      className={cx(INLINE_INPUT, 'w-36')}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        onCommit(e.target.value);
      }}
    />
  );
}
