import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import {
  findArticles,
  findKnowledgeFile,
  findNearestKnowledgeFile,
  skipNotes,
} from '../../server/src/io/find-articles.js';

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

  it('finds every .txt, sorted, skipping .git, node_modules, dist and out', async () => {
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
      exclude: ['drafts/**', 'sub/deep/**'],
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
      const found = await findArticles(ignoring, {
        onSkip: (path, reason) => skipped.push(`${relative(ignoring, path).split(sep).join('/')} ${reason}`),
      });
      assert.deepEqual(
        found.map((path) => relative(ignoring, path).split(sep).join('/')),
        ['a.txt', 'local.txt', 'sub/kept.txt'],
      );
      assert.deepEqual(skipped.sort(), [
        'a.bak.txt gitignore',
        'dist folder',
        'drafts gitignore',
        'sub/local.txt gitignore',
      ]);
      assert.deepEqual(skipNotes(3, ['dist']), [
        '3 files or folders left out by .gitignore',
        'folders never read: dist',
      ]);
      const all = await findArticles(ignoring, { gitignore: false });
      assert.equal(all.length, 6);
    } finally {
      await rm(ignoring, { recursive: true, force: true });
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
