/**
 * The workspace follows the disk: a file deleted while the folders are read stays deleted; and the
 * editor wins over the disk: an article opened meanwhile keeps the editor's text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/lsp/workspace.js';

describe('Workspace and files deleted or opened while indexing', () => {
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

  it("keeps the editor's text of an article opened while its file was being analysed", async () => {
    const workspace = new Workspace();
    workspace.folders = [folder];
    const uri = pathToFileURL(join(folder, '08.txt')).toString();
    const typed = 'A headline\nThe mayor spoke again.\n';
    let opened = false;
    await workspace.indexFolders((done) => {
      if (opened || done === 0) return;
      opened = true;
      workspace.openArticle(uri, typed, 1, 'text');
    });
    assert.ok(opened);
    assert.equal(workspace.corpus.article(uri)?.text, typed);
  });

  it('takes an article opened before the reading found the knowledge file that makes it one', async () => {
    const workspace = new Workspace();
    workspace.folders = [folder];
    const uri = pathToFileURL(join(folder, '09.txt')).toString();
    // Two short lines look like no article; only the dateline.yaml beside it, not found yet, makes it one.
    workspace.openArticle(uri, 'A headline\nThe mayor spoke late.\n', 1, 'text');
    assert.equal(workspace.corpus.article(uri), undefined);
    await workspace.indexFolders();
    assert.equal(workspace.corpus.article(uri)?.text, 'A headline\nThe mayor spoke late.\n');
  });

  it('keeps the problem of a file made binary after it was read, though its old text was no article', async () => {
    const other = mkdtempSync(join(tmpdir(), 'dateline-workspace-'));
    try {
      // No knowledge file: short notes are no articles. Seventy: the reading yields after 64 files read.
      for (let i = 1; i < 70; i++) writeFileSync(join(other, `${String(i).padStart(2, '0')}.txt`), 'A note.\n');
      // Not UTF-8: read with a note on its encoding, which tells when it has been read.
      writeFileSync(join(other, '00.txt'), Buffer.from('A note on the caf\xe9 menu, in the old encoding.\n', 'latin1'));
      const workspace = new Workspace();
      workspace.folders = [other];
      const uri = pathToFileURL(join(other, '00.txt')).toString();
      let done = false;
      let rewritten = false;
      // Between two turns of the reading, once it has read 00.txt: the file becomes binary, and the watcher says so.
      const poll = (): void => {
        if (done) return;
        if (!rewritten && workspace.notes.has(uri)) {
          rewritten = true;
          writeFileSync(join(other, '00.txt'), Buffer.from([0, 1, 2, 3]));
          workspace.readFromDisk(uri);
        }
        setImmediate(poll);
      };
      poll();
      await workspace.indexFolders();
      done = true;
      assert.ok(rewritten);
      assert.match(workspace.problems.get(uri)?.message ?? 'none', /binary/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps an open article whose folder is deleted, with the editor’s text, as when its file alone is', async () => {
    const workspace = new Workspace();
    workspace.folders = [folder];
    await workspace.indexFolders();
    const uri = pathToFileURL(join(folder, 'sub', 'open.txt')).toString();
    const typed = 'A headline\nThe mayor spoke in the open document.\n';
    workspace.openArticle(uri, typed, 1, 'article');
    workspace.folderDeleted(pathToFileURL(join(folder, 'sub')).toString());
    assert.equal(workspace.corpus.article(uri)?.text, typed);
  });
});
