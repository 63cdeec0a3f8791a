import {
  CreateProjectBodySchema,
  DashboardSummarySchema,
  EnvironmentSchema,
  ModuleSchema,
  ProjectSchema,
  TenantSchema,
} from '@ec3l/tenancy';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ErrorBodySchema } from './plugins/errors.js';

/** Schemas registered once with Fastify and published as OpenAPI components, named by $id. */
export const sharedSchemas: TSchema[] = [
  ErrorBodySchema,
  TenantSchema,
  ProjectSchema,
  CreateProjectBodySchema,
  ModuleSchema,
  EnvironmentSchema,
  DashboardSummarySchema,
];

/** A reference to a shared schema that keeps its static type. */
export const ref = <T extends TSchema>(schema: T) => {
  if (!schema.$id) throw new Error('only schemas with an $id can be referenced');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
};

export const IdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(
    Type.String({ maxLength: 200, description: 'The x-next-cursor header of the previous page' }),
  ),
});
