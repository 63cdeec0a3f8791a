import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type PackageProblem, validatePackage } from '@ec3l/graph-packages';
import { isUuid } from '@ec3l/kernel';
import { createEc3lClient, Ec3lApiError, type Ec3lClient, type Schemas, unwrap } from '@ec3l/sdk';

/** What `ec3l package …` answers, for CI pipelines. */
const PACKAGE_EXIT = {
  /** Valid; the same as the environment's; applied. */
  ok: 0,
  /** The file differs from what the environment has (diff, push --preview). */
  differs: 1,
  /** The file is not a valid package (offline validation or the gateway's PACKAGE_INVALID). */
  invalid: 2,
  /** The gateway refused or could not be reached (unknown project, conflicts, permissions, network). */
  failed: 3,
} as const;

const PACKAGE_USAGE = `Usage: ec3l package <command>

Commands:
  validate <file>                          Validate a package file offline (no database, no gateway)
  pull --project P --env E [--out DIR]     Write each package installed in the environment to
                                           DIR/<key>.json (default: the current directory)
  diff <file> --project P --env E          Show what installing the file would change
  push <file> --project P --env E [--preview]
                                           Install the file (--preview: show the changes only)

  --project  a project id or name; --env  dev, test, prod or an environment id
  --url      the gateway (default GATEWAY_URL, else http://127.0.0.1:$PORT, port 3000)
  --tenant, --user, --token  who calls (default EC3L_TENANT / EC3L_USER / EC3L_TOKEN,
                                           else tenant default and user admin)

Exit codes: 0 valid / same / applied, 1 differs, 2 invalid, 3 refused or unreachable.`;

export type PackageCliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  fetch?: typeof globalThis.fetch;
};

const problemLines = (problems: readonly { path: string; code: string; message: string }[]) =>
  problems.map((p) => `${p.path} ${p.code} ${p.message}\n`).join('');

/** A path as the caller meant it: `pnpm ec3l` runs in the repository root, INIT_CWD is where it was typed. */
const inCallerDirectory = (file: string, io: PackageCliIo) => resolve(io.env.INIT_CWD ?? process.cwd(), file);

/** The file as JSON, or the problem that it is not. */
const readPackageFile = async (
  file: string,
  io: PackageCliIo,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: PackageProblem }> => {
  let text: string;
  try {
    text = await readFile(inCallerDirectory(file, io), 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { path: '/', code: 'UNREADABLE', message: `cannot read ${file}: ${reason}` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { path: '/', code: 'UNREADABLE', message: `${file} is not JSON: ${reason}` },
    };
  }
};

/** Validates the file offline; the valid package, or the exit code after printing its problems. */
const loadValidPackage = async (file: string, io: PackageCliIo) => {
  const read = await readPackageFile(file, io);
  const result = read.ok ? validatePackage(read.value) : { ok: false as const, problems: [read.problem] };
  if (!result.ok) {
    io.stderr(`${file}: not a valid package (${result.problems.length} problems)\n`);
    io.stdout(problemLines(result.problems));
  }
  return result;
};

const validate = async (file: string, io: PackageCliIo): Promise<number> => {
  const result = await loadValidPackage(file, io);
  if (!result.ok) return PACKAGE_EXIT.invalid;
  io.stdout(`${file}: valid package ${result.package.key}@${result.package.version} ${result.checksum}\n`);
  return PACKAGE_EXIT.ok;
};

type Target = { client: Ec3lClient; projectId: string; environmentId: string; environmentName: string };

/** Every item of a paginated list: follows the x-next-cursor header to the last page. */
const allPages = async <T>(
  page: (cursor: string | undefined) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...unwrap(result));
    cursor = result.response.headers.get('x-next-cursor') ?? undefined;
  } while (cursor);
  return items;
};

class UsageError extends Error {}

/** The gateway client and the project and environment the flags name. */
const connect = async (values: Flags, io: PackageCliIo): Promise<Target> => {
  if (!values.project) throw new UsageError('--project is required');
  if (!values.env) throw new UsageError('--env is required');
  const token = values.token ?? io.env.EC3L_TOKEN;
  const client = createEc3lClient({
    baseUrl: values.url ?? io.env.GATEWAY_URL ?? `http://127.0.0.1:${io.env.PORT ?? '3000'}`,
    tenant: values.tenant ?? io.env.EC3L_TENANT ?? 'default',
    user: values.user ?? io.env.EC3L_USER ?? 'admin',
    ...(token ? { token } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  const wanted = values.project;
  const projects = await allPages((cursor) =>
    client.GET('/api/projects', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
  );
  const project = projects.find((p) => (isUuid(wanted) ? p.id === wanted : p.name === wanted));
  if (!project) throw new UsageError(`no project ${JSON.stringify(wanted)} in this tenant`);
  const environments = unwrap(
    await client.GET('/api/projects/{projectId}/environments', {
      params: { path: { projectId: project.id } },
    }),
  );
  const environment = environments.find((e) => e.id === values.env || e.name === values.env);
  if (!environment) {
    throw new UsageError(
      `no environment ${JSON.stringify(values.env)} in project ${project.name} (it has ${environments.map((e) => e.name).join(', ')})`,
    );
  }
  return { client, projectId: project.id, environmentId: environment.id, environmentName: environment.name };
};

type Diff = Schemas['PackageDiff'];

const diffLines = (diff: Diff) =>
  diff.objects
    .filter((o) => o.disposition !== 'same')
    .map((o) => `${o.disposition} ${o.objectType} ${o.key}${o.detail ? ` (${o.detail})` : ''}\n`)
    .join('');

const summaryText = (diff: Diff) => {
  const s = diff.summary;
  return `${s.insert} to insert, ${s.update} to update, ${s.delete + s.deleteWithData} to delete, ${s.same} the same`;
};

const pull = async (values: Flags, io: PackageCliIo): Promise<number> => {
  const target = await connect(values, io);
  const installs = await allPages((cursor) =>
    target.client.GET('/api/admin/graph/packages', {
      params: { query: { projectId: target.projectId, limit: 200, ...(cursor ? { cursor } : {}) } },
    }),
  );
  // Newest first: the first install of each package recorded for the environment is its state there.
  const latest = new Map<string, (typeof installs)[number]>();
  for (const install of installs) {
    if (install.environmentId === target.environmentId && !latest.has(install.packageKey)) {
      latest.set(install.packageKey, install);
    }
  }
  const out = inCallerDirectory(values.out ?? '.', io);
  await mkdir(out, { recursive: true });
  let written = 0;
  for (const install of [...latest.values()].sort((a, b) => (a.packageKey < b.packageKey ? -1 : 1))) {
    if (install.status !== 'installed') continue;
    const detail = unwrap(
      await target.client.GET('/api/admin/graph/packages/{installId}', {
        params: { path: { installId: install.id } },
      }),
    );
    const file = join(out, `${install.packageKey}.json`);
    await writeFile(file, `${JSON.stringify(detail.package, null, 2)}\n`);
    io.stdout(`${file}: ${install.packageKey}@${install.version} ${install.checksum}\n`);
    written += 1;
  }
  if (written === 0) io.stdout(`no packages installed in ${target.environmentName}\n`);
  return PACKAGE_EXIT.ok;
};

/** diff and push: validate offline, then preview or install through the gateway. */
const install = async (file: string, values: Flags, io: PackageCliIo, apply: boolean): Promise<number> => {
  const valid = await loadValidPackage(file, io);
  if (!valid.ok) return PACKAGE_EXIT.invalid;
  const target = await connect(values, io);
  const result = unwrap(
    await target.client.POST('/api/admin/graph/install', {
      body: {
        projectId: target.projectId,
        environmentId: target.environmentId,
        package: valid.package as Schemas['GraphPackage'],
        preview: !apply,
      },
    }),
  );
  const name = `${result.packageKey}@${result.version}`;
  if (result.status === 'noop') {
    io.stdout(`${name}: ${target.environmentName} has the same package (${result.checksum})\n`);
    return PACKAGE_EXIT.ok;
  }
  io.stdout(diffLines(result.diff));
  if (result.status === 'installed') {
    io.stdout(
      `${name}: installed in ${target.environmentName}: ${summaryText(result.diff)} (install ${result.installId})\n`,
    );
    return PACKAGE_EXIT.ok;
  }
  io.stdout(`${name}: differs from ${target.environmentName}: ${summaryText(result.diff)}\n`);
  return PACKAGE_EXIT.differs;
};

const INVALID_CODES = new Set(['PACKAGE_INVALID', 'PACKAGE_GRAPH_INVALID', 'VALIDATION_ERROR']);

/** The gateway's refusal, printed; invalid packages exit 2, every other refusal 3. */
const refusal = (error: Ec3lApiError, io: PackageCliIo): number => {
  io.stderr(`${error.code} (${error.status}): ${error.message}\n`);
  // Problems come as { path, code?, message } objects (details.issues or details.problems) or as
  // ready "path code message" lines.
  const details = (error.details ?? {}) as { issues?: unknown; problems?: unknown };
  const list = [details.issues, details.problems, error.details].find(Array.isArray) ?? [];
  const lines = list.flatMap((p: unknown) => {
    if (typeof p === 'string') return [`${p}\n`];
    if (p === null || typeof p !== 'object') return [];
    const { path, code, message } = p as Record<string, unknown>;
    return [
      `${typeof path === 'string' && path ? path : '/'} ${typeof code === 'string' ? code : error.code} ${String(message ?? '')}\n`,
    ];
  });
  io.stdout(lines.join(''));
  return INVALID_CODES.has(error.code) ? PACKAGE_EXIT.invalid : PACKAGE_EXIT.failed;
};

const FLAGS = {
  help: { type: 'boolean', short: 'h', default: false },
  project: { type: 'string' },
  env: { type: 'string' },
  out: { type: 'string' },
  preview: { type: 'boolean', default: false },
  url: { type: 'string' },
  tenant: { type: 'string' },
  user: { type: 'string' },
  token: { type: 'string' },
} as const;

type Flags = ReturnType<typeof parse>['values'];

const parse = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: FLAGS });

/** Runs `ec3l package <argv…>` and answers its exit code; prints to the given streams. */
export const runPackageCommand = async (argv: string[], io: PackageCliIo): Promise<number> => {
  try {
    const { values, positionals } = parse(argv);
    const [command, file, ...extra] = positionals;
    if (values.help || !command) {
      io.stdout(`${PACKAGE_USAGE}\n`);
      return PACKAGE_EXIT.ok;
    }
    if (command === 'validate' && file && extra.length === 0) return await validate(file, io);
    if (command === 'pull' && !file) return await pull(values, io);
    if ((command === 'diff' || command === 'push') && file && extra.length === 0) {
      return await install(file, values, io, command === 'push' && !values.preview);
    }
    throw new UsageError(`unknown or incomplete command: package ${positionals.join(' ')}`);
  } catch (error) {
    if (error instanceof Ec3lApiError) return refusal(error, io);
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      error instanceof UsageError || (error instanceof TypeError && message.includes('parseArgs'))
        ? `${message}\n\n${PACKAGE_USAGE}\n`
        : `ec3l package: ${message}\n`,
    );
    return PACKAGE_EXIT.failed;
  }
};
