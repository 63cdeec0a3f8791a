import { createHash } from 'node:crypto';
import { CompiledQuery, type QueryResult, type RawBuilder, sql } from 'kysely';
import type pg from 'pg';

/**
 * The comment that opens a statement meant to run as a named prepared statement on PostgreSQL: parsed
 * once per connection instead of on every execution, planned as the session plans (PostgreSQL's own
 * choice between a generic plan and one per execution). For statements on a hot path whose plan does
 * not hang on parameter values: lookups by key, batch inserts. Anywhere else (the embedded database)
 * the comment is only a comment.
 */
const PREPARED_MARKER = '/* ec3l:prepared */';

/**
 * As PREPARED_MARKER, and always planned generically: for a long statement that PostgreSQL would
 * otherwise plan again on every execution because its estimate for the generic plan comes out higher
 * (a record create's insert spent 0.9 ms of its 1.1 ms being planned, every time).
 */
const GENERIC_MARKER = '/* ec3l:prepared generic */';

/** Put first in a `sql` template: `sql\`${prepared} select …\``. */
export const prepared: RawBuilder<unknown> = sql.raw(`${PREPARED_MARKER} `);

/** Put first in a `sql` template: `sql\`${preparedGeneric} with …\``. */
export const preparedGeneric: RawBuilder<unknown> = sql.raw(`${GENERIC_MARKER} `);

/** The text of a statement opened with `prepared`, for callers that compile SQL themselves. */
export const markedPrepared = (text: string): string => `${PREPARED_MARKER} ${text}`;

/** Any Kysely handle or transaction, of any package's tables. */
type QueryExecutor = { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> };

/**
 * A statement written once in SQL with `$1…` placeholders, for the hottest paths: each call runs it
 * as a named prepared statement on PostgreSQL (as `prepared` does), and Kysely neither builds nor
 * compiles anything per call — a query builder chain costs more CPU than the read it sends. It runs
 * through the handle it is given, so the handle's role and tenant scope apply as to any query.
 */
export const preparedStatement = <Row>(text: string) => {
  const marked = markedPrepared(text);
  return async (db: QueryExecutor, parameters: readonly unknown[]): Promise<Row[]> =>
    (await db.executeQuery(CompiledQuery.raw(marked, [...parameters]) as CompiledQuery<Row>)).rows;
};

// One name per distinct statement text: pg refuses a name reused with another text on a connection.
const names = new Map<string, string>();
const MAX_NAMES = 1_000;
const nameOf = (text: string): string => {
  let name = names.get(text);
  if (!name) {
    name = `ec3l_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.delete(names.keys().next().value as string);
    names.set(text, name);
  }
  return name;
};

const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan';
const DEFAULT_PLANS = 'reset plan_cache_mode';

/**
 * Makes a pooled client run marked statements as named prepared statements. Plan mode is a session
 * setting, so the session is switched to generic plans before a `preparedGeneric` statement, and back
 * to the default before an unmarked statement with parameters (whose plan may hang on their values),
 * each only when it is not there already. Statements marked `prepared`, and those without parameters,
 * run in whatever mode the session is in. A rollback undoes a setting made in its transaction, so
 * after one the mode is not known and the next statement that cares sets it.
 *
 * Kysely sends every query as `query(text, values)`; only that form is looked at, so everything else
 * passes as it was. Role and tenant stay outside the plan: PostgreSQL plans again when the role
 * changes, and `current_setting` is read at execution.
 */
export const preparesMarkedStatements = (client: pg.PoolClient): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let generic: boolean | undefined = false;
  const switchPlans = (on: boolean) => {
    generic = on;
    // Queued ahead of the statement on the same session; a failure leaves the mode unknown.
    (query(on ? GENERIC_PLANS : DEFAULT_PLANS) as Promise<unknown>).catch(() => {
      generic = undefined;
    });
  };
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values)) return query(...args);
    if (text.startsWith(GENERIC_MARKER)) {
      if (generic !== true) switchPlans(true);
      return query({ name: nameOf(text), text, values });
    }
    if (text.startsWith(PREPARED_MARKER)) return query({ name: nameOf(text), text, values });
    if (/^\s*rollback\b/i.test(text)) {
      const done = query(...args);
      generic = undefined;
      return done;
    }
    if (values.length > 0 && generic !== false) switchPlans(false);
    return query(...args);
  };
};
