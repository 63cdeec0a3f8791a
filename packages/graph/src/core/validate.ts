import { compareStrings } from './compare.js';
import type { GraphErrorCode, GraphSnapshot, GraphValidationError, RecordTypeNode } from './contracts.js';
import { type GraphIndex, numberOf, toIndex } from './graph-index.js';

// Every validator is total: it reads the snapshot through the index, never throws, never mutates, and
// runs in O(types + fields) before sorting its errors (O(e log e)).

const errorOf = (
  code: GraphErrorCode,
  node: RecordTypeNode,
  message: string,
  field?: string,
): GraphValidationError =>
  field === undefined
    ? { code, projectId: node.projectId, recordTypeKey: node.key, message }
    : { code, projectId: node.projectId, recordTypeKey: node.key, field, message };

/** The order of every error list this package returns: projectId, recordTypeKey, code, field, message. */
export const compareErrors = (a: GraphValidationError, b: GraphValidationError): number =>
  compareStrings(a.projectId, b.projectId) ||
  compareStrings(a.recordTypeKey, b.recordTypeKey) ||
  compareStrings(a.code, b.code) ||
  (a.field === b.field
    ? 0
    : a.field === undefined
      ? -1
      : b.field === undefined
        ? 1
        : compareStrings(a.field, b.field)) ||
  compareStrings(a.message, b.message);

const sorted = (errors: GraphValidationError[]): GraphValidationError[] => errors.sort(compareErrors);

const quote = (s: string): string => JSON.stringify(s);

// "projects "p1", "p2"": the other projects that hold a key, sorted, at most three named. Built once per
// key, so a key missing from many types costs one sort.
const otherProjectsText = (index: GraphIndex, cache: Map<string, string>, key: string): string | null => {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const projects = index.projectsByKey.get(key);
  if (projects === undefined) return null;
  const names = [...projects].sort(compareStrings);
  const shown = names.slice(0, 3).map(quote).join(', ');
  const text = `${names.length === 1 ? 'project' : 'projects'} ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
  cache.set(key, text);
  return text;
};

const orphanErrors = (index: GraphIndex): GraphValidationError[] => {
  const errors: GraphValidationError[] = [];
  for (const node of index.nodes) {
    if (node.baseType == null || numberOf(index, node.projectId, node.baseType) !== -1) continue;
    if (index.projectsByKey.has(node.baseType)) continue; // in another project: BASE_TYPE_CROSS_PROJECT
    errors.push(
      errorOf(
        'ORPHAN_BASE_TYPE',
        node,
        `base type ${quote(node.baseType)} of ${quote(node.key)} is not a record type of any project`,
      ),
    );
  }
  return errors;
};

const crossProjectErrors = (index: GraphIndex): GraphValidationError[] => {
  const errors: GraphValidationError[] = [];
  const cache = new Map<string, string>();
  for (const node of index.nodes) {
    if (node.baseType == null || numberOf(index, node.projectId, node.baseType) !== -1) continue;
    const elsewhere = otherProjectsText(index, cache, node.baseType);
    if (elsewhere === null) continue; // in no project: ORPHAN_BASE_TYPE
    errors.push(
      errorOf(
        'BASE_TYPE_CROSS_PROJECT',
        node,
        `base type ${quote(node.baseType)} of ${quote(node.key)} belongs to ${elsewhere}, not to project ${quote(node.projectId)}: a base type must be in the same project (P6)`,
      ),
    );
  }
  return errors;
};

const CYCLE_SHOWN = 5;

const cycleErrors = (index: GraphIndex): GraphValidationError[] => {
  const errors: GraphValidationError[] = [];
  for (const cycle of index.cycles) {
    cycle.forEach((n, position) => {
      const member = index.nodes[n]!;
      // Shown from the member's own point of view, at most CYCLE_SHOWN steps, so the messages of a cycle
      // of n types cost O(n) in all.
      const steps: string[] = [];
      for (let i = 0; i < Math.min(cycle.length, CYCLE_SHOWN); i++) {
        steps.push(quote(index.nodes[cycle[(position + i) % cycle.length]!]!.key));
      }
      if (cycle.length > CYCLE_SHOWN) steps.push('…');
      steps.push(quote(member.key));
      const message =
        cycle.length === 1
          ? `${quote(member.key)} is its own base type`
          : `${quote(member.key)} is on a cycle of ${cycle.length} base types: ${steps.join(' → ')}`;
      errors.push(errorOf('BASE_TYPE_CYCLE', member, message));
    });
  }
  return errors;
};

const fieldErrors = (index: GraphIndex): GraphValidationError[] => {
  const errors: GraphValidationError[] = [];
  // Field name → the root-most type declaring it on the path from the root of the inheritance tree
  // being walked to the current type. Types are entered and left in LIFO order, so the entry leaves
  // with the type that made it: no counts are needed, one map lookup per field on the way in and one
  // on the way out.
  const declarers = new Map<string, RecordTypeNode>();

  // Reports the own fields of `node` that repeat, or repeat an inherited name, and declares the new
  // names for its descendants.
  const enter = (node: RecordTypeNode): void => {
    let problems: Map<string, { count: number; from: RecordTypeNode | null }> | null = null;
    for (const field of node.fields) {
      const first = declarers.get(field.name);
      if (first === undefined) {
        declarers.set(field.name, node);
        continue;
      }
      problems ??= new Map();
      const problem = problems.get(field.name);
      if (problem) problem.count += 1;
      else problems.set(field.name, first === node ? { count: 2, from: null } : { count: 1, from: first });
    }
    if (problems === null) return;
    for (const [name, { count, from }] of problems) {
      const inherited = from === null ? '' : quote(from.key);
      const message =
        count > 1
          ? `field ${quote(name)} is declared ${count} times on ${quote(node.key)}${inherited ? ` and is also inherited from ${inherited}` : ''}`
          : `field ${quote(name)} of ${quote(node.key)} has the name of a field inherited from ${inherited}`;
      errors.push(errorOf('DUPLICATE_FIELD', node, message, name));
    }
  };
  const leave = (node: RecordTypeNode): void => {
    for (const field of node.fields) {
      if (declarers.get(field.name) === node) declarers.delete(field.name);
    }
  };

  // Types on a cycle inherit nothing (resolveEffectiveFields of @ec3l/records stops before a cycle):
  // only their own fields are compared. Every other type hangs in a tree whose root has no resolvable
  // base or a base on a cycle; one depth-first walk per tree (iterative: chains can be 10,000 deep) sees
  // each type once. Children are kept as one array sliced by offsets.
  const { nodes, base, cycleOf } = index;
  const count = nodes.length;
  const parent = (n: number): number => (base[n] === -1 || cycleOf[base[n]!] !== -1 ? -1 : base[n]!);
  const offsets = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) {
    if (cycleOf[n] === -1 && parent(n) !== -1) offsets[parent(n) + 1]! += 1;
  }
  for (let n = 0; n < count; n++) offsets[n + 1]! += offsets[n]!;
  const children = new Int32Array(offsets[count]!);
  const filled = offsets.slice(0, count);
  const roots: number[] = [];
  for (let n = 0; n < count; n++) {
    if (cycleOf[n] !== -1) {
      enter(nodes[n]!);
      leave(nodes[n]!);
    } else if (parent(n) === -1) {
      roots.push(n);
    } else {
      children[filled[parent(n)]!++] = n;
    }
  }
  const stack: number[] = [];
  const next = new Int32Array(count);
  for (const root of roots) {
    enter(nodes[root]!);
    stack.push(root);
    next[root] = offsets[root]!;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (next[top]! < offsets[top + 1]!) {
        const child = children[next[top]!++]!;
        enter(nodes[child]!);
        stack.push(child);
        next[child] = offsets[child]!;
      } else {
        leave(nodes[top]!);
        stack.pop();
      }
    }
  }
  return errors;
};

const bindingErrors = (index: GraphIndex): GraphValidationError[] => {
  const errors: GraphValidationError[] = [];
  const cache = new Map<string, string>();
  for (const node of index.nodes) {
    for (const field of node.fields) {
      const what = () => `${field.type} field ${quote(field.name)} of ${quote(node.key)}`;
      if (field.type === 'reference') {
        const target = field.referenceRecordTypeKey;
        if (target == null) {
          errors.push(errorOf('BINDING_TARGET_MISSING', node, `${what()} names no record type`, field.name));
        } else if (numberOf(index, node.projectId, target) === -1) {
          const elsewhere = otherProjectsText(index, cache, target);
          errors.push(
            errorOf(
              'BINDING_TARGET_MISSING',
              node,
              `${what()} points at ${quote(target)}, which is not a record type of project ${quote(node.projectId)}${elsewhere ? ` (it is in ${elsewhere})` : ''}`,
              field.name,
            ),
          );
        }
      } else if (field.type === 'choice') {
        const list = field.choiceListId;
        if (list == null) {
          errors.push(errorOf('BINDING_TARGET_MISSING', node, `${what()} names no choice list`, field.name));
        } else if (!index.choiceListIds.has(list)) {
          errors.push(
            errorOf(
              'BINDING_TARGET_MISSING',
              node,
              `${what()} uses choice list ${quote(list)}, which the tenant does not have`,
              field.name,
            ),
          );
        }
      }
    }
  }
  return errors;
};

/** ORPHAN_BASE_TYPE for each record type whose baseType key is a record type of no project of the tenant. */
export const validateNoOrphanRecordTypes = (s: GraphSnapshot | GraphIndex): GraphValidationError[] =>
  sorted(orphanErrors(toIndex(s)));

/** BASE_TYPE_CYCLE once for each record type on a base-type cycle (a type that is its own base included). */
export const validateNoCyclesInBaseType = (s: GraphSnapshot | GraphIndex): GraphValidationError[] =>
  sorted(cycleErrors(toIndex(s)));

/** BASE_TYPE_CROSS_PROJECT for each record type whose baseType key is missing in its project but present in another (P6). */
export const validateBaseTypeSameProject = (s: GraphSnapshot | GraphIndex): GraphValidationError[] =>
  sorted(crossProjectErrors(toIndex(s)));

/** DUPLICATE_FIELD once per (record type, name) when an own field name repeats, or repeats an inherited field's name. */
export const validateFieldUniquenessPerRecordType = (s: GraphSnapshot | GraphIndex): GraphValidationError[] =>
  sorted(fieldErrors(toIndex(s)));

/** BINDING_TARGET_MISSING for each reference field without a target in its project and each choice field without a known choice list. */
export const validateBindingTargetsExist = (s: GraphSnapshot | GraphIndex): GraphValidationError[] =>
  sorted(bindingErrors(toIndex(s)));

/** All five validators over one index, errors sorted by projectId, recordTypeKey, code, field, message. */
export const validateGraph = (s: GraphSnapshot | GraphIndex): GraphValidationError[] => {
  const index = toIndex(s);
  return sorted([
    ...orphanErrors(index),
    ...cycleErrors(index),
    ...crossProjectErrors(index),
    ...fieldErrors(index),
    ...bindingErrors(index),
  ]);
};
