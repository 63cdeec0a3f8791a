// A client made by a second generator (@hey-api/openapi-ts) from packages/sdk/openapi.json, driven
// through the change lifecycle. It is type-checked against the generated code before it runs.
import { createClient } from './generated/client/index.js';
import {
  addChangeTarget,
  addPatchOp,
  checkinChange,
  createChange,
  createProject,
  createRecordType,
  getRecordTypeByKey,
  listChanges,
  mergeChange,
} from './generated/sdk.gen.js';
import type { CreatePatchOpBody, ErrorResponse } from './generated/types.gen.js';

/**
 * The payload's shape follows opType: a misspelt property does not compile. (If the document lost the
 * discriminated payloads, this directive would be unused and the type check would fail.)
 */
export const misspeltOp: CreatePatchOpBody = {
  targetId: '00000000-0000-4000-8000-000000000000',
  opType: 'remove_field',
  // @ts-expect-error fieldNme is not a property of remove_field's payload
  payload: { fieldNme: 'priority' },
};

export type ScenarioResult = {
  mergedStatus: string;
  fieldNames: string[];
  firstPage: number;
  nextCursor: string | null;
  conflict: ErrorResponse['code'];
};

/** Creates a project, a record type and a change, adds an op, checks the change in and merges it. */
export const runScenario = async (baseUrl: string, tenant: string, user: string): Promise<ScenarioResult> => {
  const client = createClient({
    baseUrl,
    // The document names the identity headers as security schemes; the client asks for each by name.
    auth: (scheme) =>
      scheme.name === 'x-tenant-id' ? tenant : scheme.name === 'x-user-id' ? user : undefined,
  });
  const { data: project } = await createProject({
    client,
    throwOnError: true,
    body: { name: 'Second generator' },
  });
  const { data: recordType } = await createRecordType({
    client,
    throwOnError: true,
    body: {
      projectId: project.id,
      key: 'ticket',
      name: 'Ticket',
      fields: [{ name: 'title', type: 'string' }],
    },
  });
  const { data: change } = await createChange({
    client,
    throwOnError: true,
    body: { projectId: project.id, title: 'Add priority' },
  });
  const { data: target } = await addChangeTarget({
    client,
    throwOnError: true,
    path: { changeId: change.id },
    body: { type: 'record_type', selector: { recordTypeKey: recordType.key } },
  });
  const op: CreatePatchOpBody = {
    targetId: target.id,
    opType: 'add_field',
    payload: { field: { name: 'priority', type: 'number', required: false } },
  };
  await addPatchOp({
    client,
    throwOnError: true,
    path: { changeId: change.id },
    body: op,
  });
  await checkinChange({
    client,
    throwOnError: true,
    path: { changeId: change.id },
  });
  const { data: merged } = await mergeChange({
    client,
    throwOnError: true,
    path: { changeId: change.id },
  });
  const { data: after } = await getRecordTypeByKey({
    client,
    throwOnError: true,
    path: { projectId: project.id, key: recordType.key },
  });
  await createChange({
    client,
    throwOnError: true,
    body: { projectId: project.id, title: 'Another change' },
  });
  const page = await listChanges({
    client,
    throwOnError: true,
    query: { projectId: project.id, limit: 1 },
  });
  const again = await createProject({ client, body: { name: 'Second generator' } });
  return {
    mergedStatus: merged.change.status,
    fieldNames: after.schema.fields.map((f) => f.name),
    firstPage: page.data.length,
    nextCursor: page.response.headers.get('x-next-cursor'),
    conflict: (again.error as ErrorResponse | undefined)?.code ?? 'INTERNAL_ERROR',
  };
};
