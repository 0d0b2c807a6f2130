/**
 * Running the `dateline` command in tests, in this process or as the built bin, and writing small
 * corpora for it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../server/src/cli/run-cli.js';

/** The repository root: out/test/cli/ → ../../../ */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The `dateline` bin of the checkout. */
export const bin = join(root, 'bin', 'dateline.cjs');

/** What a run printed and how it exited. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `dateline` (the checkout's, or the bin at `program`) in `cwd`, without colours, with `stdin` as its input. */
export function dateline(
  args: string[],
  cwd: string,
  options: { stdin?: string; program?: string } = {},
): Run {
  const result = spawnSync(process.execPath, [options.program ?? bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    input: options.stdin ?? '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the command in this process, in `cwd`, without colours: what the bin does without the cost
 * of starting Node and loading the bundle for every case. A few tests (and test/gold/, test/cli/pack)
 * run the built bin itself.
 */
export async function datelineHere(
  args: string[],
  cwd: string,
  options: { stdin?: string } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: [Buffer.from(options.stdin ?? '')],
    env: { NO_COLOR: '1' },
  };
  const before = process.cwd();
  // The command reads its paths against the working folder, as a shell's would be; mocha runs one test at a time.
  process.chdir(cwd);
  try {
    return { status: await runCli(args, io), stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** npm test builds first; a lone run of a CLI test file builds the bundles if they are missing. */
export function ensureBuilt(context: Mocha.Context): void {
  if (existsSync(join(root, 'dist', 'cli.cjs'))) return;
  context.timeout(120_000);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
}

/** A fresh folder `name` under `parent`, holding the given files (`sub/x.txt` makes `sub/`). */
export async function writeCorpus(
  parent: string,
  name: string,
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  const dir = join(parent, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  }
  return dir;
}
