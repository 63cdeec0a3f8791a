import { describe, expect, it } from 'vitest';
import { field, recordType as rt, snapshot } from '../testing-only/fixtures.js';
import { indexGraph } from './graph-index.js';
import { effectiveFields, isWeakening, protectedFieldsOf } from './inheritance.js';

const chain = snapshot([
  rt('incident', { baseType: 'task', fields: [field('severity', 'number')] }),
  rt('base', { fields: [field('id'), field('created', 'datetime')] }),
  rt('task', { baseType: 'base', fields: [field('title', 'string', { required: true })] }),
  rt('task', { projectId: 'p2', fields: [field('elsewhere')] }),
]);

const view = (fields: { name: string; inherited: boolean; inheritedFrom: string | null }[]) =>
  fields.map((f) => `${f.name}${f.inherited ? `<${f.inheritedFrom}` : ''}`);

describe('effectiveFields', () => {
  it("lists the root base type's fields first, then each derived type's, own fields last", () => {
    expect(view(effectiveFields(chain, 'p1', 'incident'))).toEqual([
      'id<base',
      'created<base',
      'title<task',
      'severity',
    ]);
  });

  it('copies the field definitions without touching the snapshot', () => {
    const [title] = effectiveFields(chain, 'p1', 'task').filter((f) => f.name === 'title');
    expect(title).toEqual({
      ...field('title', 'string', { required: true }),
      inherited: false,
      inheritedFrom: null,
    });
    expect(chain.recordTypes[2]?.fields[0]).not.toHaveProperty('inherited');
  });

  it('resolves base types in the own project only', () => {
    expect(view(effectiveFields(chain, 'p2', 'task'))).toEqual(['elsewhere']);
  });

  it('an unknown record type has no fields', () => {
    expect(effectiveFields(chain, 'p1', 'nope')).toEqual([]);
    expect(effectiveFields(chain, 'p3', 'task')).toEqual([]);
  });

  it('stops at an orphan or other-project base type', () => {
    const s = snapshot([
      rt('other', { projectId: 'p2', fields: [field('o')] }),
      rt('a', { baseType: 'gone', fields: [field('a1')] }),
      rt('b', { baseType: 'a', fields: [field('b1')] }),
      rt('c', { baseType: 'other', fields: [field('c1')] }),
    ]);
    expect(view(effectiveFields(s, 'p1', 'b'))).toEqual(['a1<a', 'b1']);
    expect(view(effectiveFields(s, 'p1', 'c'))).toEqual(['c1']);
  });

  it('terminates on a cycle: a type on it inherits nothing, a type below it only what is above the cycle', () => {
    const s = snapshot([
      rt('a', { baseType: 'b', fields: [field('a1')] }),
      rt('b', { baseType: 'a', fields: [field('b1')] }),
      rt('self', { baseType: 'self', fields: [field('s1')] }),
      rt('mid', { baseType: 'a', fields: [field('m1')] }),
      rt('leaf', { baseType: 'mid', fields: [field('l1')] }),
    ]);
    expect(view(effectiveFields(s, 'p1', 'a'))).toEqual(['a1']);
    expect(view(effectiveFields(s, 'p1', 'self'))).toEqual(['s1']);
    expect(view(effectiveFields(s, 'p1', 'leaf'))).toEqual(['m1<mid', 'l1']);
  });

  it('keeps a repeated name (DUPLICATE_FIELD reports it) rather than hiding one', () => {
    const s = snapshot([rt('a', { fields: [field('x')] }), rt('b', { baseType: 'a', fields: [field('x')] })]);
    expect(view(effectiveFields(s, 'p1', 'b'))).toEqual(['x<a', 'x']);
  });

  it('gives the same answer from an index', () => {
    expect(effectiveFields(indexGraph(chain), 'p1', 'incident')).toEqual(
      effectiveFields(chain, 'p1', 'incident'),
    );
  });
});

describe('protectedFieldsOf', () => {
  it('E7: the inherited fields of the whole chain, by name, in effective order, own fields excluded', () => {
    const protectedFields = protectedFieldsOf(chain, 'p1', 'incident');
    expect([...protectedFields.keys()]).toEqual(['id', 'created', 'title']);
    expect(protectedFields.get('title')).toEqual({
      ...field('title', 'string', { required: true }),
      inheritedFrom: 'task',
    });
  });

  it('E7: a root type protects nothing, nor does an unknown one', () => {
    expect(protectedFieldsOf(chain, 'p1', 'base').size).toBe(0);
    expect(protectedFieldsOf(chain, 'p1', 'nope').size).toBe(0);
  });

  it('E7: when a name is declared twice along the chain, the root-most declaration is protected', () => {
    const s = snapshot([
      rt('a', { fields: [field('x', 'string')] }),
      rt('b', { baseType: 'a', fields: [field('x', 'number')] }),
      rt('c', { baseType: 'b' }),
    ]);
    expect(protectedFieldsOf(s, 'p1', 'c').get('x')).toMatchObject({ type: 'string', inheritedFrom: 'a' });
  });
});

describe('isWeakening', () => {
  const title = field('title', 'string', { required: true, label: 'Title' });
  const status = field('status', 'choice', { choiceListId: 'cl1' });
  const owner = field('owner', 'reference', { referenceRecordTypeKey: 'user' });

  it('E7: a changed type weakens', () => {
    expect(isWeakening(title, { ...title, type: 'text' })).toBe('type changed from string to text');
  });

  it('E7: required made optional weakens', () => {
    expect(isWeakening(title, { ...title, required: false })).toBe('changed from required to optional');
  });

  it("E7: a choice field's list or a reference field's target changed weakens", () => {
    expect(isWeakening(status, { ...status, choiceListId: 'cl2' })).toBe(
      'choice list changed from "cl1" to "cl2"',
    );
    expect(isWeakening(owner, { ...owner, referenceRecordTypeKey: null })).toBe(
      'reference target changed from "user" to none',
    );
  });

  it('E7: a rename weakens', () => {
    expect(isWeakening(title, { ...title, name: 'heading' })).toBe('renamed from "title" to "heading"');
  });

  it('E7: a new label, a new default or optional made required do not weaken', () => {
    expect(isWeakening(title, { ...title, label: 'Heading', defaultValue: 'untitled' })).toBeNull();
    expect(isWeakening(status, { ...status, required: true })).toBeNull();
    expect(isWeakening(title, title)).toBeNull();
  });
});
