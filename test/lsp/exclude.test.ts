/**
 * Nothing skipped in silence (issue 20): the server reads `dateline.exclude` (the CLI's default list
 * unless set), honours `.gitignore`, and says in its log what it left out and why.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultExclude } from '../../server/src/io/find-articles.js';
import { harbour, writeFolder } from './articles.js';
import { startTestServer, type TestServer } from './lsp-client.js';

/** One made-up article, copied to every place the test writes. */
const article = harbour['a.txt']!;

describe('the exclude list in the server', function () {
  this.timeout(30_000);
  let folder: string;
  let server: TestServer;

  before(async () => {
    // Five copies of one article: only the one at the top is neither excluded nor ignored.
    folder = writeFolder({
      ...Object.fromEntries(
        ['a.txt', 'out/b.txt', '.cache/c.txt', 'drafts/d.txt', 'ignored.txt'].map((path) => [path, article]),
      ),
      '.gitignore': 'ignored.txt\n',
    });
    server = await startTestServer(
      pathToFileURL(folder).toString(),
      { workspace: { configuration: true } },
      { configuration: { exclude: [...defaultExclude, 'drafts/**'] } },
    );
    await server.waitForNotification<{ articles: number; indexing?: unknown }>(
      'dateline/status',
      (s) => s.indexing === undefined && s.articles > 0,
    );
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads only what neither the exclude list nor .gitignore leaves out, and logs what it left out', () => {
    const logs = server.logs.map((l) => l.message);
    assert.ok(
      logs.includes('Dateline: folders never read (the exclude list): .cache, drafts, out'),
      logs.join('\n'),
    );
    assert.ok(logs.includes('Dateline: 1 file or folder left out by .gitignore'), logs.join('\n'));
    assert.ok(
      logs.some((l) => l.startsWith('Read 1 article in ')),
      logs.join('\n'),
    );
  });

  it('takes no excluded file into the corpus, even when it is opened', async () => {
    const uri = pathToFileURL(join(folder, 'drafts', 'd.txt')).toString();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: article },
    });
    const reply = await server.connection.sendRequest<{ article: boolean }>('dateline/isArticle', { uri });
    assert.equal(reply.article, false);
    // The same text at the top of the folder is an article: the exclude list is what kept this one out.
    const top = pathToFileURL(join(folder, 'a.txt')).toString();
    assert.equal(
      (await server.connection.sendRequest<{ article: boolean }>('dateline/isArticle', { uri: top })).article,
      true,
    );
  });
});
