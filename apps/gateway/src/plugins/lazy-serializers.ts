import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;
type RouteDefinition = Parameters<ReturnType<SerializerFactory>>[0];
type Serializer = (doc: unknown) => string;

export type LazySerializers = {
  /** Fastify's serializer factory (schemaController.compilersFactory.buildSerializer). */
  readonly buildSerializer: SerializerFactory;
  /** How many response serializers are still to compile. */
  readonly pending: number;
  /** Compiles every response serializer not compiled yet, and throws the first schema that fails. */
  compilePending(): void;
  /** The same, one serializer per turn of the event loop, so requests are served in between. */
  compileInBackground(): Promise<void>;
};

/**
 * Response serializers compiled on first use instead of when the app starts: compiling fast-json-stringify
 * code for every route's responses is most of a start's work, and a route's first response pays only
 * its own. Fastify's own compiler does the work, with the same shared schemas and options.
 */
export const createLazySerializers = (): LazySerializers => {
  const selector = SerializerSelector();
  const pending = new Set<() => Serializer>();

  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compiler = selector(externalSchemas, options);
    return (route: RouteDefinition) => {
      let compiled: Serializer | undefined;
      const compile = (): Serializer => {
        if (!compiled) {
          try {
            compiled = compiler(route);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new Error(
              `Response schema of ${route.method} ${route.url} (${route.httpStatus}) does not compile: ${reason}`,
              { cause: error },
            );
          }
          pending.delete(compile);
        }
        return compiled;
      };
      pending.add(compile);
      return (doc: unknown) => compile()(doc);
    };
  };

  return {
    buildSerializer,
    get pending() {
      return pending.size;
    },
    compilePending: () => {
      for (const compile of pending) compile();
    },
    compileInBackground: async () => {
      for (const compile of pending) {
        await new Promise((resolve) => setImmediate(resolve));
        compile();
      }
    },
  };
};
