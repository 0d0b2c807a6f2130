/** Which text files the server takes into the corpus: below a knowledge file, named by dateline.files, or looking like articles. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startTestServer, type TestServer } from './lsp-client.js';

/** A text that does not look like an article: one short line. */
const brief = 'Harbour board meets again on March 3.\n';
const files = ['desk/dateline.yaml', 'desk/brief.txt', 'desk/requirements.txt', 'other/brief.txt'];

describe('language server: which files are articles', function () {
  this.timeout(20_000);
  let folder: string;
  let server: TestServer | undefined;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-claims-'));
    for (const file of files) {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), file.endsWith('.yaml') ? 'entities: []\n' : brief);
    }
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Starts a server, waits for its first reading, and asks about each text file. */
  async function articles(initializationOptions?: unknown): Promise<string[]> {
    server = await startTestServer(pathToFileURL(folder).toString(), {}, { initializationOptions });
    await server.waitForNotification<{ indexing?: unknown }>('dateline/status', (s) => !s.indexing);
    const taken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.txt'))) {
      const reply = await server.connection.sendRequest<{ article: boolean }>('dateline/isArticle', {
        uri: uriOf(file),
      });
      if (reply.article) taken.push(file);
    }
    return taken;
  }

  it('takes a text file below a folder with a dateline.yaml, whatever it looks like, but not a requirements file', async () => {
    assert.deepEqual(await articles(), ['desk/brief.txt']);
  });

  it('takes exactly the files dateline.files names', async () => {
    assert.deepEqual(await articles({ files: ['other/*.txt'] }), ['other/brief.txt']);
  });

  it('takes a text file as an article once a dateline.yaml is created beside it, and lets it go when it is deleted', async () => {
    // What a fresh server would read: the knowledge files found since the start count as much as those found then.
    server = await startTestServer(pathToFileURL(folder).toString(), {}, {});
    await server.waitForNotification<{ indexing?: unknown }>('dateline/status', (s) => !s.indexing);
    const live = server;
    const knowledge = join(folder, 'other/dateline.yaml');
    const isArticle = async (): Promise<boolean> =>
      (await live.connection.sendRequest<{ article: boolean }>('dateline/isArticle', { uri: uriOf('other/brief.txt') }))
        .article;
    /** Writes or deletes the knowledge file, tells the server as a watcher would, and waits for it to read the folder again. */
    const change = async (type: 1 | 3): Promise<void> => {
      const read = live.waitForNotification<{ message: string }>('window/logMessage', (m) => m.message.startsWith('Read '));
      if (type === 1) writeFileSync(knowledge, 'entities: []\n');
      else unlinkSync(knowledge);
      await live.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(knowledge).toString(), type }],
      });
      await read;
    };
    assert.equal(await isArticle(), false);
    await change(1);
    assert.equal(await isArticle(), true);
    await change(3);
    assert.equal(await isArticle(), false);
  });
});
