import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import {
  defaultExclude,
  findArticles,
  findKnowledgeFile,
  findNearestKnowledgeFile,
  maxPathBytes,
  SkipTally,
} from '../../server/src/io/find-articles.js';

const below2 = (root: string, paths: string[]): string[] =>
  paths.map((path) => relative(root, path).split(sep).join('/'));

describe('findArticles', () => {
  let root: string;
  const below = (paths: string[]): string[] => paths.map((path) => relative(root, path).split(sep).join('/'));

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-find-'));
    for (const path of [
      'b.txt',
      'a.txt',
      'notes.md',
      'sub/c.txt',
      'sub/deep/d.txt',
      'node_modules/x.txt',
      '.git/y.txt',
      'out/z.txt',
      '.cache/w.txt',
      'drafts/e.txt',
    ]) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), 'text\n');
    }
    await writeFile(join(root, 'sub', '.dateline.yaml'), 'entities: []\n');
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds every .txt, sorted, skipping node_modules, dist, out and dot-folders', async () => {
    assert.deepEqual(below(await findArticles(root)), [
      'a.txt',
      'b.txt',
      'drafts/e.txt',
      'sub/c.txt',
      'sub/deep/d.txt',
    ]);
  });

  it('applies include and exclude globs', async () => {
    const found = await findArticles(root, {
      include: ['**/*.txt', '*.md'],
      exclude: [...defaultExclude, 'drafts/**', 'sub/deep/**'],
    });
    assert.deepEqual(below(found), ['a.txt', 'b.txt', 'notes.md', 'sub/c.txt']);
  });

  it('honours .gitignore files, nested ones relative to their folder, and says what it skipped', async () => {
    const ignoring = await mkdtemp(join(tmpdir(), 'dateline-gitignore-'));
    try {
      const files: Record<string, string> = {
        '.gitignore': 'drafts/\n*.bak.txt\n',
        'a.txt': 'text\n',
        'a.bak.txt': 'text\n',
        'drafts/b.txt': 'text\n',
        'sub/.gitignore': 'local.txt\n',
        'sub/local.txt': 'text\n',
        'sub/kept.txt': 'text\n',
        'local.txt': 'text\n',
        'dist/c.txt': 'text\n',
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(ignoring, path, '..'), { recursive: true });
        await writeFile(join(ignoring, path), text);
      }
      const skipped: string[] = [];
      const tally = new SkipTally();
      const found = await findArticles(ignoring, {
        onSkip: (path, reason, isFolder) => {
          tally.record(path, reason, isFolder);
          skipped.push(`${relative(ignoring, path).split(sep).join('/')} ${reason}`);
        },
      });
      assert.deepEqual(
        found.map((path) => relative(ignoring, path).split(sep).join('/')),
        ['a.txt', 'local.txt', 'sub/kept.txt'],
      );
      assert.deepEqual(skipped.sort(), [
        'a.bak.txt gitignore',
        'dist exclude',
        'drafts gitignore',
        'sub/local.txt gitignore',
      ]);
      assert.deepEqual(tally.notes(), [
        'folders never read (the exclude list): dist',
        '3 files or folders left out by .gitignore',
      ]);
      const all = await findArticles(ignoring, { gitignore: false });
      assert.equal(all.length, 6);
    } finally {
      await rm(ignoring, { recursive: true, force: true });
    }
  });

  it('says which folders and how many files the exclude list left out, with the same globs as the server', async () => {
    const tally = new SkipTally();
    const found = await findArticles(root, {
      exclude: [...defaultExclude, '**/d.txt'],
      onSkip: tally.record,
    });
    assert.deepEqual(below(found), ['a.txt', 'b.txt', 'drafts/e.txt', 'sub/c.txt']);
    assert.deepEqual(tally.notes(), [
      'folders never read (the exclude list): .cache, .git, node_modules, out',
      '1 file left out by the exclude list',
    ]);
  });

  it('skips a path longer than the system opens, with a note, and reads the rest', async () => {
    const deep = await mkdtemp(join(tmpdir(), 'dateline-long-'));
    try {
      await writeFile(join(deep, 'short.txt'), 'text\n');
      // Built one folder at a time from inside the last: no absolute path over the limit is ever opened.
      const segment = 'x'.repeat(200);
      const depth = Math.ceil(maxPathBytes / (segment.length + 1)) + 1;
      const script = `const fs = require('fs'); for (let i = 0; i < ${depth}; i++) { fs.mkdirSync('${segment}'); process.chdir('${segment}'); } fs.writeFileSync('deep.txt', 'text');`;
      execFileSync(process.execPath, ['-e', script], { cwd: deep });
      const tally = new SkipTally();
      const found = await findArticles(deep, { onSkip: tally.record });
      assert.deepEqual(below2(deep, found), ['short.txt']);
      const notes = tally.notes();
      assert.equal(notes.length, 1);
      assert.match(
        notes[0]!,
        new RegExp(`^1 path longer than the system opens \\(${maxPathBytes} bytes\\) not read, the first "`),
      );
    } finally {
      execFileSync('rm', ['-rf', deep]);
    }
  });

  it('takes a file path as the one article, whatever the globs', async () => {
    assert.deepEqual(below(await findArticles(join(root, 'notes.md'))), ['notes.md']);
  });

  it('rejects a path that does not exist', async () => {
    await assert.rejects(findArticles(join(root, 'missing')), /ENOENT/);
  });

  it('finds the knowledge file in a folder, or in the nearest ancestor', async () => {
    assert.equal(await findKnowledgeFile(root), undefined);
    assert.equal(await findKnowledgeFile(join(root, 'sub')), join(root, 'sub', '.dateline.yaml'));
    assert.equal(
      await findNearestKnowledgeFile(join(root, 'sub', 'deep')),
      join(root, 'sub', '.dateline.yaml'),
    );
  });
});
