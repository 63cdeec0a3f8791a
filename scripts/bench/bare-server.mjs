// Baseline for the gateway-overhead benchmark: plain Fastify + pg answering the same single-row query
// as GET /api/projects/:id, with no tenancy, validation, hooks or serialization schema.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
const tenantId = process.env.BENCH_TENANT_ID;
app.get('/projects/:id', async (request, reply) => {
  const { rows } = await pool.query('select * from projects where tenant_id = $1 and id = $2', [
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
