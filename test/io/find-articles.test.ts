import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import {
  findArticles,
  findKnowledgeFile,
  findNearestKnowledgeFile,
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
