/** The workspace follows the disk: a file deleted while the folders are read stays deleted. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/lsp/workspace.js';

describe('Workspace and files deleted while indexing', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-workspace-'));
    // A knowledge file makes every text file below it an article, however short (Workspace.claims).
    writeFileSync(join(folder, 'dateline.yaml'), 'entities: []\n');
    // Sixty: the reading reports progress every fifty articles analysed, before it adds them.
    for (let i = 0; i < 60; i++)
      writeFileSync(
        join(folder, `${String(i).padStart(2, '0')}.txt`),
        `A headline\nThe mayor spoke in ${i}.\n`,
      );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('does not add back an article whose deletion was reported after it was read', async () => {
    const workspace = new Workspace();
    workspace.folders = [folder];
    const uri = pathToFileURL(join(folder, '07.txt')).toString();
    let deleted = false;
    // Progress is reported while the batch read is analysed, before it is added to the corpus: the
    // file is deleted then, and the watcher reports it.
    await workspace.indexFolders((done) => {
      if (deleted || done === 0) return;
      deleted = true;
      unlinkSync(join(folder, '07.txt'));
      workspace.fileDeleted(uri);
    });
    assert.ok(deleted);
    assert.equal(workspace.corpus.article(uri), undefined);
    assert.equal(workspace.corpus.ids().length, 59);
  });

  it('takes a file back when it is created again', async () => {
    const workspace = new Workspace();
    workspace.folders = [folder];
    const uri = pathToFileURL(join(folder, '07.txt')).toString();
    const reading = workspace.indexFolders();
    workspace.fileDeleted(uri);
    writeFileSync(join(folder, '07.txt'), 'A headline\nAgain.\n');
    workspace.readFromDisk(uri);
    await reading;
    assert.ok(workspace.corpus.article(uri));
  });
});
