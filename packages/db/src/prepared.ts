import { createHash } from 'node:crypto';
import { CompiledQuery, type QueryResult, type RawBuilder, sql } from 'kysely';
import type pg from 'pg';

/**
 * The comment that opens a statement meant to run as a named prepared statement on PostgreSQL: parsed
 * and planned once per connection instead of on every execution. For long statements on a hot path
 * (a record create's one insert spends more time being planned than executed). Anywhere else (the
 * embedded database) the comment is only a comment.
 */
const PREPARED_MARKER = '/* ec3l:prepared */';

/** Put first in a `sql` template: `sql\`${prepared} with …\``. */
export const prepared: RawBuilder<unknown> = sql.raw(`${PREPARED_MARKER} `);

/** Any Kysely handle or transaction, of any package's tables. */
type QueryExecutor = { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> };

/**
 * A statement written once in SQL with `$1…` placeholders, for the hottest paths: each call runs it
 * as a named prepared statement on PostgreSQL (as `prepared` does), and Kysely neither builds nor
 * compiles anything per call — a query builder chain costs more CPU than the read it sends. It runs
 * through the handle it is given, so the handle's role and tenant scope apply as to any query.
 */
export const preparedStatement = <Row>(text: string) => {
  const marked = `${PREPARED_MARKER} ${text}`;
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

/**
 * Makes a pooled client run marked statements as named prepared statements. Kysely sends every query
 * as `query(text, values)`; only that form with the marker is rewritten, so everything else passes as
 * it was. Session settings (role, tenant) stay outside the plan: PostgreSQL plans again when the role
 * changes, and `current_setting` is read at execution.
 */
export const preparesMarkedStatements = (client: pg.PoolClient): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (
      args.length === 2 &&
      typeof text === 'string' &&
      text.startsWith(PREPARED_MARKER) &&
      Array.isArray(values)
    )
      return query({ name: nameOf(text), text, values });
    return query(...args);
  };
};
