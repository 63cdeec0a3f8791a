// Baseline for the records benchmark: plain Fastify + pg writing and reading the same record_instances
// row as the gateway, with no tenancy, validation, assignment, hooks, events or serialization schema.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const tenantId = process.env.BENCH_TENANT_ID;
app.post('/records', async (request, reply) => {
  const { recordTypeId, data } = request.body;
  const { rows } = await pool.query(
    `insert into record_instances (tenant_id, id, record_type_id, data, created_by, assigned_group)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [tenantId, randomUUID(), recordTypeId, JSON.stringify(data), 'bench-admin', 'desk'],
  );
  return reply.code(201).send(rows[0]);
});
app.get('/records/:id', async (request, reply) => {
  const { rows } = await pool.query('select * from record_instances where tenant_id = $1 and id = $2', [
    tenantId,
    request.params.id,
  ]);
  if (rows.length === 0) return reply.code(404).send({ message: 'not found' });
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
