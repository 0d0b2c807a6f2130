/**
 * `npm pack` makes a package whose `dateline` bin works: the tarball is unpacked where npm would
 * install it, with no node_modules beside it (the bundles in dist/ are self-contained), and its bin
 * checks a small corpus.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, ensureBuilt, root, writeCorpus } from './run-cli.js';

describe('the npm package', function () {
  // npm pack compresses about 6 MB of bundles and images
  this.timeout(120_000);
  let folder: string;
  before(async function () {
    ensureBuilt(this);
    folder = await mkdtemp(join(tmpdir(), 'dateline-pack-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('ships the bundles and a dateline bin that checks a corpus', async () => {
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', folder], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path);
    for (const shipped of [
      'package.json',
      'bin/dateline.cjs',
      'dist/cli.cjs',
      // The parts dist/cli.cjs loads when a run needs them (scripts/build.mjs).
      'dist/cli-analysis.cjs',
      'dist/parse-knowledge.cjs',
      'dist/legacy-encoding.cjs',
      'dist/analysis-worker.cjs',
      'dist/server.cjs',
    ]) {
      assert.ok(files.includes(shipped), `${shipped} is in the tarball`);
    }
    assert.deepEqual(
      files.filter(
        (file) => /^(server|client|test|out|seeds|node_modules)\//.test(file) || file.endsWith('.map'),
      ),
      [],
    );

    // Where `npm install` puts a package: node_modules/<name>, from the tarball's package/ folder.
    const installed = join(folder, 'project', 'node_modules', 'dateline');
    await mkdir(installed, { recursive: true });
    const untar = spawnSync(
      'tar',
      ['-xzf', join(folder, packed!.filename), '-C', installed, '--strip-components=1'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(untar.status, 0, untar.stderr);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      version: string;
      bin: Record<string, string>;
    };
    const program = join(installed, manifest.bin['dateline']!);

    const articles = await writeCorpus(folder, 'corpus', {
      'a.txt':
        'Harbour works begin\nPORTVILLE, March 4, 2024\nThe council said on Monday, March 6, 2024 that the works would start.\n',
      'b.txt': 'Harbour plan approved\nPORTVILLE, March 6, 2024\nThe council approved the plan.\n',
    });
    const version = dateline(['--version'], articles, { program });
    assert.equal(version.stdout, `${manifest.version}\n`);
    const run = dateline(['check', '.'], articles, { program });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^a\.txt:3:21 warning .* \[weekday-mismatch\]$/m);
    assert.match(run.stdout, /\n2 articles, 1 warning, 0 errors, 0 infos\n$/);

    // The parts loaded only when needed: a knowledge file's parser, a Windows-1252 file's decoders.
    const other = await writeCorpus(folder, 'other', {
      'dateline.yaml': 'rules:\n  weekday-mismatch: error\n',
      'a.txt': Buffer.from(
        'Harbour caf\xe9 opens\nPORTVILLE, March 4, 2024\nThe council said on Monday, March 6, 2024 that the caf\xe9 would open.\n',
        'latin1',
      ),
    });
    const parts = dateline(['check', '.'], other, { program });
    assert.match(parts.stderr, /^a\.txt:1:1: not UTF-8 .* read as windows-1252/m);
    assert.match(parts.stdout, /^a\.txt:3:21 error .* \[weekday-mismatch\]$/m);
    assert.equal(parts.status, 2);
  });
});
