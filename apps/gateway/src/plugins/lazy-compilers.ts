import { createRequire } from 'node:module';
import type { AjvCompiler } from '@fastify/ajv-compiler';
import type { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';
import { validationOptions } from './input.js';

// Loaded on the first compilation, not at start: Ajv and fast-json-stringify are large modules.
const require = createRequire(import.meta.url);
const loadAjvCompiler = (): typeof AjvCompiler => require('@fastify/ajv-compiler').AjvCompiler;
const loadSerializerSelector = (): typeof SerializerSelector =>
  require('@fastify/fast-json-stringify-compiler').SerializerSelector;

/** How often background compilation looks again whether the server has become quiet. */
const QUIET_POLL_MS = 25;

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;
type Validator = ((data: unknown, dataCxt?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serializer = (doc: unknown) => string;

export type LazyCompilers = {
  /** Fastify's schemaController.compilersFactory. */
  readonly compilersFactory: { buildValidator: ValidatorFactory; buildSerializer: SerializerFactory };
  /** How many request validators and response serializers are still to compile. */
  readonly pending: number;
  /** How many validators and serializers were compiled: one per distinct schema, however many routes use it. */
  readonly compiled: number;
  /** Compiles everything not compiled yet, and throws for the first schema that fails. */
  compilePending(): void;
  /**
   * The same, one schema per turn of the event loop and only while `isQuiet()` says no request is being
   * served: a compilation holds the event loop, so a request arriving during one would wait for it.
   */
  compileInBackground(isQuiet?: () => boolean): Promise<void>;
};

/**
 * Fastify keeps header names lower case, so a headers schema must name them so; Fastify does this
 * itself only for its built-in compiler.
 */
const lowerCaseHeaders = (schema: unknown): unknown => {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const { properties, required, ...rest } = schema as { properties?: object; required?: unknown };
  return {
    ...rest,
    ...(properties && typeof properties === 'object'
      ? { properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v])) }
      : {}),
    ...(Array.isArray(required) ? { required: required.map((k) => String(k).toLowerCase()) } : {}),
  };
};

/**
 * Request validators and response serializers compiled on first use instead of when the app starts:
 * compiling Ajv and fast-json-stringify code for every route is most of a start's work, and a route's
 * first request pays only for its own. Fastify's own compilers do the work, with the same shared
 * schemas; validation takes `validationOptions` of each request part (bodies are never coerced).
 */
export const createLazyCompilers = (): LazyCompilers => {
  // Each created once, when first needed; they pool compilers per set of shared schemas and options.
  let ajv: ReturnType<typeof AjvCompiler> | undefined;
  let serializers: ReturnType<typeof SerializerSelector> | undefined;
  const pending = new Set<() => unknown>();
  // Routes share most schemas (every route's error responses, a GET and its HEAD, the same query on many
  // lists), and what a validator or serializer does depends only on its schema, the shared schemas and
  // the options: one compilation per distinct triple, across routes and plugin contexts.
  const contexts = new Map<string, number>();
  const contextOf = (...parts: unknown[]): number => {
    const key = JSON.stringify(parts);
    let id = contexts.get(key);
    if (id === undefined) {
      id = contexts.size;
      contexts.set(key, id);
    }
    return id;
  };
  const compiled = new Map<string, unknown>();
  const once = <T>(context: number, schema: unknown, build: () => T): T => {
    const key = `${context} ${JSON.stringify(schema)}`;
    if (!compiled.has(key)) compiled.set(key, build());
    return compiled.get(key) as T;
  };

  /** Defers `build` until first needed; a failure names the route, as Fastify's eager one does. */
  const defer = <T>(what: string, build: () => T): (() => T) => {
    let compiled: T | undefined;
    const compile = (): T => {
      if (compiled === undefined) {
        try {
          compiled = build();
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${what} does not compile: ${reason}`, { cause: error });
        }
        pending.delete(compile);
      }
      return compiled;
    };
    pending.add(compile);
    return compile;
  };

  const buildValidator: ValidatorFactory = (externalSchemas, options) => {
    // One compiler per distinct option set (bodies and wire parts validate differently).
    const compilers = new Map<string, ReturnType<ReturnType<typeof AjvCompiler>>>();
    const plugins = (options as { plugins?: [] } | undefined)?.plugins ?? [];
    const compilerOf = (httpPart: string | undefined) => {
      const customOptions = validationOptions(httpPart);
      const key = JSON.stringify(customOptions);
      let compiler = compilers.get(key);
      if (!compiler) {
        ajv ??= loadAjvCompiler()();
        compiler = ajv(externalSchemas, { plugins, customOptions });
        compilers.set(key, compiler);
      }
      return compiler;
    };
    const shared = contextOf('validator', externalSchemas, plugins.length);
    return (route) => {
      const input =
        route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route;
      const compile = defer(`The ${route.httpPart} schema of ${route.method} ${route.url}`, () =>
        once(
          contextOf(shared, validationOptions(route.httpPart)),
          input.schema,
          () => compilerOf(route.httpPart)(input as typeof route) as unknown as Validator,
        ),
      );
      const validate = ((data: unknown, dataCxt?: unknown) => compile()(data, dataCxt)) as Validator;
      // Fastify reads these off the validator: errors after a failed call, schemaEnv before one.
      Object.defineProperties(validate, {
        errors: { get: () => compile().errors },
        schemaEnv: { get: () => compile().schemaEnv },
      });
      return validate as ReturnType<ReturnType<ValidatorFactory>>;
    };
  };

  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    let compiler: ReturnType<ReturnType<typeof SerializerSelector>> | undefined;
    const compilerOf = () => {
      serializers ??= loadSerializerSelector()();
      compiler ??= serializers(externalSchemas, options as Parameters<typeof serializers>[1]);
      return compiler;
    };
    const context = contextOf('serializer', externalSchemas, options);
    return (route) => {
      const compile = defer(`The response schema of ${route.method} ${route.url} (${route.httpStatus})`, () =>
        once(
          context,
          route.schema,
          () => compilerOf()(route as Parameters<ReturnType<typeof compilerOf>>[0]) as Serializer,
        ),
      );
      return (doc: unknown) => compile()(doc);
    };
  };

  return {
    compilersFactory: { buildValidator, buildSerializer },
    get pending() {
      return pending.size;
    },
    get compiled() {
      return compiled.size;
    },
    compilePending: () => {
      for (const compile of pending) compile();
    },
    compileInBackground: async (isQuiet = () => true) => {
      for (const compile of pending) {
        await new Promise((resolve) => setImmediate(resolve));
        while (!isQuiet()) await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
        compile();
      }
    },
  };
};
