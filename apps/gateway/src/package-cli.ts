import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type PackageProblem, validatePackage } from '@ec3l/graph-packages';

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

/** Runs `ec3l package <argv…>` and answers its exit code; prints to the given streams. */
export const runPackageCommand = async (argv: string[], io: PackageCliIo): Promise<number> => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${PACKAGE_USAGE}\n`);
    return PACKAGE_EXIT.failed;
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (values.help || !command) {
    io.stdout(`${PACKAGE_USAGE}\n`);
    return PACKAGE_EXIT.ok;
  }
  if (command === 'validate' && file && extra.length === 0) return validate(file, io);
  io.stderr(`Unknown or incomplete command: package ${positionals.join(' ')}\n\n${PACKAGE_USAGE}\n`);
  return PACKAGE_EXIT.failed;
};

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
