/**
 * `dateline check --cache`: unchanged files are not analysed again, and a corrupt cache is never trusted.
 * The command runs in this process (`datelineHere`): each case is a run or two of the same code the bin
 * runs, reading and writing the cache file on disk, without starting Node for every run. The last
 * cases run the bundles themselves (dist/), whose replay never loads the analysis.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datelineHere, ensureBuilt, root, type Run } from './run-cli.js';
import { ferry } from '../lsp/articles.js';

const check = (cwd: string, ...args: string[]): Promise<Run> =>
  datelineHere(['check', 'articles', ...args], cwd);

describe('dateline check --cache', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-cli-cache-'));
    const articles = join(folder, 'articles');
    mkdirSync(articles);
    // A weekday that does not match its date: a finding that comes from the analysis of a.txt's dates.
    writeFileSync(
      join(articles, 'a.txt'),
      'Ferry changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that sailings change.\n',
    );
    writeFileSync(
      join(articles, 'b.txt'),
      'Harbour board meets\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025.\n',
    );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes .datelinecache, and takes the analyses of unchanged files from it', async () => {
    const first = await check(folder, '--cache');
    assert.match(first.stdout, /weekday-mismatch/);
    const cacheFile = join(folder, '.datelinecache');
    // The analysis of a.txt rewritten in the cache, its checksum made to match: a run that re-analysed
    // a.txt would still report the weekday; one that takes the cached analysis cannot.
    // (The output kept with it is dropped: a run that replayed it would not analyse at all.)
    const raw = readFileSync(cacheFile);
    const newline = raw.indexOf(0x0a);
    const header = JSON.parse(raw.toString('utf8', 0, newline)) as {
      checksum: string;
      result?: { bytes: number };
    };
    const body = JSON.parse(raw.toString('utf8', newline + 1 + (header.result?.bytes ?? 0))) as Record<
      string,
      { analysis: { dates: unknown[] } }
    >;
    const id = Object.keys(body).find((key) => key.endsWith('a.txt'))!;
    body[id]!.analysis.dates = [];
    const doctored = JSON.stringify(body);
    header.checksum = createHash('sha1').update(doctored).digest('base64');
    delete header.result;
    writeFileSync(cacheFile, `${JSON.stringify(header)}\n${doctored}`);
    const second = await check(folder, '--cache');
    assert.equal(second.stderr, '');
    assert.doesNotMatch(second.stdout, /weekday-mismatch/);
    assert.match(second.stdout, /^2 articles, 0 warnings/m);
  });

  it('ignores a corrupt cache with a note, analyses afresh, and rewrites it', async () => {
    const cacheFile = join(folder, 'elsewhere', 'cache-file');
    const first = await check(folder, '--cache', '--cache-location', cacheFile);
    // The body (the analyses, after the output kept) corrupted.
    const raw = readFileSync(cacheFile, 'utf8');
    const at = raw.lastIndexOf('PORTVILLE');
    writeFileSync(cacheFile, `${raw.slice(0, at)}PORTVILLA${raw.slice(at + 'PORTVILLE'.length)}`);
    // The same run prints the output kept, which its own digest covers: it needs no analysis.
    const replayed = await check(folder, '--cache', '--cache-location', cacheFile);
    assert.equal(replayed.stderr, '');
    assert.equal(replayed.stdout, first.stdout);
    // Another run needs the analyses: the body is found corrupt, and nothing of it is taken.
    const json = await check(folder, '--cache', '--cache-location', cacheFile, '--format', 'json');
    assert.match(json.stderr, /^dateline: note: cache .*cache-file ignored: its checksum does not match/);
    assert.equal(json.stdout, (await check(folder, '--format', 'json')).stdout);
    assert.equal(json.status, 1);
    assert.equal(
      (await check(folder, '--cache', '--cache-location', cacheFile, '--format', 'sarif')).stderr,
      '',
      'rewritten whole',
    );
  });

  it('prints byte for byte what a run without the cache prints, for every command and format', async () => {
    const cacheFile = join(folder, 'formats-cache');
    for (const [command, ...options] of [
      ['check'],
      ['check', '--format', 'json'],
      ['check', '--format', 'sarif'],
      ['annotate'],
      ['annotate', '--format', 'text'],
    ] as [string, ...string[]][]) {
      const run = (...more: string[]): Promise<Run> =>
        datelineHere([command, 'articles', ...options, ...more], folder);
      const uncached = await run();
      // The first run with the cache analyses and keeps its output; the second replays it.
      for (const cached of [
        await run('--cache', '--cache-location', cacheFile),
        await run('--cache', '--cache-location', cacheFile),
      ])
        assert.deepEqual(cached, uncached, [command, ...options].join(' '));
    }
  });

  it('prints what the last run printed when nothing changed, without analysing; a change analyses again', async () => {
    const cacheFile = join(folder, 'replay-cache');
    const first = await check(folder, '--cache', '--cache-location', cacheFile);
    // The kept output (its bytes follow the header) rewritten, its digest made to match: only a run
    // that replays it can print it.
    const raw = readFileSync(cacheFile);
    const newline = raw.indexOf(0x0a);
    const header = JSON.parse(raw.toString('utf8', 0, newline)) as {
      result: { bytes: number; digest: string };
    };
    const kept = Buffer.from(`${first.stdout}(kept)\n`);
    const body = raw.subarray(newline + 1 + header.result.bytes);
    header.result.bytes = kept.length;
    header.result.digest = createHash('sha1').update(kept).digest('base64');
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), kept, body]));
    const replayed = await check(folder, '--cache', '--cache-location', cacheFile);
    assert.equal(replayed.stdout, `${first.stdout}(kept)\n`);
    assert.equal(replayed.status, first.status);
    // Another request is not the one kept: its output is made afresh (from the cached analyses).
    assert.doesNotMatch(
      (await check(folder, '--cache', '--cache-location', cacheFile, '--format', 'json')).stdout,
      /\(kept\)/,
    );
    const b = join(folder, 'articles', 'b.txt');
    const text = readFileSync(b, 'utf8');
    try {
      writeFileSync(b, `${text}The board meets again in April.\n`);
      const changed = await check(folder, '--cache', '--cache-location', cacheFile);
      assert.doesNotMatch(changed.stdout, /\(kept\)/);
      assert.equal(changed.stdout, (await check(folder)).stdout);
    } finally {
      writeFileSync(b, text);
    }
  });
});

describe('dateline check --cache, as the package runs it', function () {
  // Starts Node seven times on two articles.
  this.timeout(60_000);
  let folder: string;
  let bin: string;
  before(function () {
    ensureBuilt(this);
    folder = mkdtempSync(join(tmpdir(), 'dateline-cli-bundles-'));
    // The package's bin and bundles, in a copy whose analysis half the test changes.
    cpSync(join(root, 'package.json'), join(folder, 'package', 'package.json'));
    cpSync(join(root, 'bin'), join(folder, 'package', 'bin'), { recursive: true });
    mkdirSync(join(folder, 'package', 'dist'));
    for (const bundle of readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.cjs')))
      cpSync(join(root, 'dist', bundle), join(folder, 'package', 'dist', bundle));
    bin = join(folder, 'package', 'bin', 'dateline.cjs');
    mkdirSync(join(folder, 'articles'));
    for (const [name, text] of Object.entries(ferry)) writeFileSync(join(folder, 'articles', name), text);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Runs the copied bin in the folder, with JSON output; its output as bytes. */
  const run = (...args: string[]): { status: number | null; stdout: Buffer; stderr: string } => {
    const result = spawnSync(process.execPath, [bin, 'check', 'articles', '--format', 'json', ...args], {
      cwd: folder,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
  };

  it('replays byte for byte; ignores a foreign cache, or one written by another analysis half, with a note', () => {
    const cacheFile = join(folder, 'cache');
    const uncached = run();
    assert.match(uncached.stdout.toString('utf8'), /weekday-mismatch/);
    // The first run analyses (dist/cli-analysis.cjs) and keeps its output; the second replays it.
    assert.deepEqual(run('--cache', '--cache-location', cacheFile), uncached);
    assert.deepEqual(run('--cache', '--cache-location', cacheFile), uncached);
    writeFileSync(cacheFile, '{"eslint": true}\n{}');
    const foreign = run('--cache', '--cache-location', cacheFile);
    assert.equal(
      foreign.stderr,
      `dateline: note: cache ${cacheFile} ignored: not a Dateline cache; it will be rewritten\n`,
    );
    assert.deepEqual({ ...foreign, stderr: '' }, uncached);
    // A replay never loads dist/cli-analysis.cjs, but the cache's key is made from it too.
    appendFileSync(join(folder, 'package', 'dist', 'cli-analysis.cjs'), '\n// another build\n');
    const changed = run('--cache', '--cache-location', cacheFile);
    assert.match(changed.stderr, /ignored: written by another version of Dateline/);
    assert.deepEqual({ ...changed, stderr: '' }, uncached);
    // The same bundles installed elsewhere link the rule pages there: the output kept is not theirs.
    renameSync(join(folder, 'package'), join(folder, 'moved'));
    bin = join(folder, 'moved', 'bin', 'dateline.cjs');
    const moved = run('--cache', '--cache-location', cacheFile);
    assert.equal(moved.stderr, '');
    assert.deepEqual(moved, run());
    assert.notDeepEqual(moved.stdout, uncached.stdout);
  });
});
