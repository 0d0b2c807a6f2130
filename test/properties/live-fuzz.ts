/**
 * The fuzz run of issue 20: fast-check drives a live server with random edits (ranges, line breaks,
 * characters outside the BMP), knowledge-file edits (valid, malformed, nested, aliased) and changes on
 * disk (create, change, delete, rename, a folder deleted with only its own event, as VS Code reports
 * it), all while the server may still be reading the folder; and restarts, the new server reading
 * the analyses its predecessor kept in the cache folder (the open documents opened again in it).
 * At the end of each run every open
 * document is saved and closed, and the live server's diagnostics must equal those of a fresh server
 * started on the folder as it is then; neither may crash. `live-fuzz.test.ts` runs a fixed-seed
 * sample in `npm test`; `npm run fuzz` runs ten thousand operations and more (`fuzz-run.ts`).
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startTestServer, type TestServer } from '../lsp/lsp-client.js';
import { aliased, malformed, nested } from './yaml-arbitraries.js';

const seeds = fileURLToPath(new URL('../../../seeds', import.meta.url));
const seedTexts = readdirSync(seeds)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(seeds, name), 'utf8'));

/** File names the operations pick from: few, so that they meet (an edit of a file just renamed). */
const names = [
  'a.txt',
  'b.txt',
  'sub/c.txt',
  'sub/d.txt',
  ...readdirSync(seeds).filter((n) => n.endsWith('.txt')),
];

/** What typing inserts: names and their misspellings, dates, line breaks, astral characters. */
const typed = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Marta Kowalczyk',
        'Kowalczik',
        ' ',
        ' ',
        '\n',
        '\n\n',
        '\r\n',
        'Monday, 4 March 2024',
        'last Tuesday',
        '😀',
        '𝔸',
        '🇳🇿',
        'ABC',
        'Alliance of Basic Cooperation (ABC)',
        'will attend',
        'Prime Minister',
        '.',
        'é',
        '\u0000',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

/** A knowledge file a user might write, with names and acronyms the articles hold. */
const validKnowledge = fc
  .record({
    alias: fc.constantFrom('Chris Hepkins', 'Kowalczik', 'Christopher Hipkins'),
    distinct: fc.constantFrom('Hopkins', 'Marta Kowalczyk', 'Hepkins'),
    rule: fc.constantFrom('name-variant', 'weekday-mismatch', 'acronym-expansion'),
    level: fc.constantFrom('off', 'error', 'hint'),
  })
  .map(
    ({ alias, distinct, rule, level }) =>
      `entities:\n  - name: Chris Hipkins\n    type: person\n    aliases: [${alias}]\ndistinct: [${distinct}]\nrules:\n  ${rule}: ${level}\n`,
  );

const knowledgeText = fc.oneof(
  { arbitrary: validKnowledge, weight: 4 },
  { arbitrary: malformed, weight: 2 },
  { arbitrary: nested.filter((t) => t.length < 20_000), weight: 1 },
  { arbitrary: aliased, weight: 1 },
);

/** A new article: a sample article with something typed into it. */
const articleText = fc.record({ seed: fc.nat(), at: fc.nat(), text: typed }).map(({ seed, at, text }) => {
  const base = seedTexts[seed % seedTexts.length]!;
  const i = at % (base.length + 1);
  return base.slice(0, i) + text + base.slice(i);
});

/** One thing a user, an editor or another program does. Indices pick among what exists then. */
export type Operation =
  | { op: 'open'; file: number; article: boolean }
  | { op: 'edit'; doc: number; from: number; to: number; text: string }
  | { op: 'close'; doc: number; save: boolean }
  | { op: 'write'; name: number; text: string }
  | { op: 'delete'; file: number }
  | { op: 'rename'; file: number; to: number }
  | { op: 'deleteFolder' }
  | { op: 'knowledge'; text: string; inEditor: boolean }
  | { op: 'deleteKnowledge' }
  | { op: 'restart' };

/** Operations, weighted towards editing. */
export const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('open' as const), file: fc.nat(), article: fc.boolean() }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('edit' as const),
      doc: fc.nat(),
      from: fc.nat(),
      to: fc.nat(),
      text: typed,
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({ op: fc.constant('close' as const), doc: fc.nat(), save: fc.boolean() }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ op: fc.constant('write' as const), name: fc.nat(), text: articleText }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), file: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('rename' as const), file: fc.nat(), to: fc.nat() }), weight: 2 },
  { arbitrary: fc.constant({ op: 'deleteFolder' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('knowledge' as const),
      text: knowledgeText,
      inEditor: fc.boolean(),
    }),
    weight: 2,
  },
  { arbitrary: fc.constant({ op: 'deleteKnowledge' as const }), weight: 1 },
  { arbitrary: fc.constant({ op: 'restart' as const }), weight: 1 },
);

/** What the client tells the server it can do: watch files, resolve code actions, as VS Code. */
const capabilities = {
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
};

const created = 1;
const changed = 2;
const deleted = 3;

/** One run: a fresh folder of sample articles, a live server, the operations, then the comparison. */
export async function runOperations(operations: Operation[], duringReading = true): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-fuzz-'));
  cpSync(seeds, folder, { recursive: true });
  rmSync(join(folder, 'dateline.yaml'), { force: true });
  const uriOf = (path: string): string => pathToFileURL(path).toString();
  const knowledge = join(folder, 'dateline.yaml');
  // Where the live servers keep their analyses between sessions; the fresh server has none.
  const cacheFolder = mkdtempSync(join(tmpdir(), 'dateline-fuzz-cache-'));
  const startLive = (): Promise<TestServer> =>
    startTestServer(uriOf(folder), capabilities, { initializationOptions: { cacheFolder } });
  let live = await startLive();
  let reading = readingState(live);
  // Without `duringReading`, the operations start once the first reading is done.
  if (!duringReading) await firstReading(live);
  const open = new Map<string, TextDocument>();
  let version = 0;
  const notify = (method: string, params: unknown): Promise<void> =>
    live.connection.sendNotification(method, params);
  const watched = (changes: { path: string; type: number }[]): Promise<void> =>
    notify('workspace/didChangeWatchedFiles', {
      changes: changes.map(({ path, type }) => ({ uri: uriOf(path), type })),
    });
  const files = (): string[] => listFiles(folder).filter((path) => path.endsWith('.txt'));
  const pick = <T>(list: T[], i: number): T | undefined =>
    list.length === 0 ? undefined : list[i % list.length];
  try {
    for (const step of operations) {
      switch (step.op) {
        case 'open': {
          const path = pick(files(), step.file);
          if (!path || open.has(uriOf(path))) break;
          const doc = TextDocument.create(
            uriOf(path),
            step.article ? 'article' : 'plaintext',
            ++version,
            readFileSync(path, 'utf8'),
          );
          open.set(doc.uri, doc);
          await notify('textDocument/didOpen', {
            textDocument: {
              uri: doc.uri,
              languageId: doc.languageId,
              version: doc.version,
              text: doc.getText(),
            },
          });
          break;
        }
        case 'edit': {
          const doc = pick([...open.values()], step.doc);
          if (!doc) break;
          const length = doc.getText().length;
          const [a, b] = [step.from % (length + 1), step.to % (length + 1)].sort((x, y) => x - y) as [
            number,
            number,
          ];
          const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
          TextDocument.update(doc, [{ range, text: step.text }], ++version);
          await notify('textDocument/didChange', {
            textDocument: { uri: doc.uri, version: doc.version },
            contentChanges: [{ range, text: step.text }],
          });
          break;
        }
        case 'close': {
          const doc = pick([...open.values()], step.doc);
          if (!doc) break;
          await closeDocument(doc, step.save);
          break;
        }
        case 'write': {
          const path = join(folder, names[step.name % names.length]!);
          const existed = existsSync(path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, step.text);
          await watched([{ path, type: existed ? changed : created }]);
          break;
        }
        case 'delete': {
          const path = pick(files(), step.file);
          if (!path) break;
          unlinkSync(path);
          await watched([{ path, type: deleted }]);
          break;
        }
        case 'rename': {
          const path = pick(files(), step.file);
          const to = join(folder, names[step.to % names.length]!);
          if (!path || path === to) break;
          const existed = existsSync(to);
          mkdirSync(dirname(to), { recursive: true });
          renameSync(path, to);
          await watched([
            { path, type: deleted },
            { path: to, type: existed ? changed : created },
          ]);
          break;
        }
        case 'deleteFolder': {
          const sub = join(folder, 'sub');
          if (!existsSync(sub)) break;
          rmSync(sub, { recursive: true, force: true });
          // VS Code reports a folder deleted as one event for the folder, none for the files in it.
          await watched([{ path: sub, type: deleted }]);
          break;
        }
        case 'knowledge': {
          const doc = open.get(uriOf(knowledge));
          if (step.inEditor) {
            if (doc) {
              TextDocument.update(doc, [{ text: step.text }], ++version);
              await notify('textDocument/didChange', {
                textDocument: { uri: doc.uri, version: doc.version },
                contentChanges: [{ text: step.text }],
              });
            } else {
              const opened = TextDocument.create(uriOf(knowledge), 'yaml', ++version, step.text);
              open.set(opened.uri, opened);
              await notify('textDocument/didOpen', {
                textDocument: {
                  uri: opened.uri,
                  languageId: 'yaml',
                  version: opened.version,
                  text: step.text,
                },
              });
            }
          } else {
            const existed = existsSync(knowledge);
            writeFileSync(knowledge, step.text);
            await watched([{ path: knowledge, type: existed ? changed : created }]);
          }
          break;
        }
        case 'deleteKnowledge': {
          if (!existsSync(knowledge)) break;
          unlinkSync(knowledge);
          await watched([{ path: knowledge, type: deleted }]);
          break;
        }
        case 'restart': {
          assert.equal(live.process.exitCode, null, 'the live server is running');
          await live.stop();
          live = await startLive();
          reading = readingState(live);
          if (!duringReading) await firstReading(live);
          // The editor opens its documents again in the new server, with the text it holds.
          for (const doc of open.values())
            await notify('textDocument/didOpen', {
              textDocument: { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() },
            });
          break;
        }
      }
    }
    // The user saves everything and closes it: the disk is then what the live server should hold.
    for (const doc of [...open.values()]) await closeDocument(doc, true);
    await firstReading(live);
    await settle(live, reading);
    assert.equal(live.process.exitCode, null, 'the live server is running');
    const fresh = await startTestServer(uriOf(folder), capabilities);
    try {
      await fresh.waitForNotification<{ indexing?: unknown }>(
        'dateline/status',
        (s) => s.indexing === undefined,
      );
      assert.deepEqual(
        published(live),
        published(fresh),
        `live and fresh servers differ after ${JSON.stringify(operations)}`,
      );
    } finally {
      await fresh.stop();
    }
  } finally {
    await live.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(cacheFolder, { recursive: true, force: true });
  }

  async function closeDocument(doc: TextDocument, save: boolean): Promise<void> {
    open.delete(doc.uri);
    const path = fileURLToPath(doc.uri);
    if (save) {
      const existed = existsSync(path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, doc.getText());
      await watched([{ path, type: existed ? changed : created }]);
    }
    await notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }
}

/** Resolves once the server has read the folders the first time: the log says what it read. */
function firstReading(server: TestServer): Promise<unknown> {
  const read = (m: { message: string }): boolean => m.message.startsWith('Read ');
  return server.logs.some(read) ? Promise.resolve() : server.waitForNotification('window/logMessage', read);
}

/** Whether the server's last `dateline/status` said it was reading the folders (a knowledge file created or deleted reads them again). */
function readingState(server: TestServer): { now: boolean } {
  const state = { now: true };
  const follow = (): void =>
    void server
      .waitForNotification<{ indexing?: unknown }>('dateline/status')
      .then((status) => {
        state.now = status.indexing !== undefined;
        follow();
      });
  follow();
  return state;
}

/**
 * Waits until the live server has published what its last change calls for: a request answered
 * means every notification before it was handled; then diagnostics are sent after a 120 ms debounce
 * (lsp/diagnostics.ts), so 600 ms without a notification, and no reading of the folders under way,
 * means nothing more is coming. The one timed wait of the suite: the protocol has no "nothing
 * pending" signal to wait on.
 */
async function settle(server: TestServer, reading: { now: boolean }): Promise<void> {
  await server.connection.sendRequest('workspace/symbol', { query: '' });
  for (;;) {
    const next = server.waitForNotification('textDocument/publishDiagnostics');
    const quiet = new Promise<'quiet'>((resolve) => setTimeout(() => resolve('quiet'), 600));
    if ((await Promise.race([next, quiet])) === 'quiet' && !reading.now) return;
  }
}

/**
 * The non-empty diagnostics lists a server has published, by URI; the evidence of each finding in
 * the order given, which is the order of the articles' ids whatever order they came in.
 */
function published(server: TestServer): Record<string, Diagnostic[]> {
  const lists: Record<string, Diagnostic[]> = {};
  for (const [uri, diagnostics] of [...server.diagnostics].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (diagnostics.length > 0) lists[uri] = diagnostics;
  return lists;
}

/** Every file below a folder, as paths. */
function listFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else found.push(path);
  }
  return found.sort((a, b) =>
    relative(folder, a).split(sep).join('/') < relative(folder, b).split(sep).join('/') ? -1 : 1,
  );
}

/**
 * Runs `runs` fast-check runs of 5 to `maxOperations` operations; resolves with the number of
 * operations done. A failure reports fast-check's seed and path: given back (`path`), they replay
 * exactly the failing case first; `shrink` then lets fast-check shrink it to a small one (each
 * attempt a live run, so only worth it once the failure is one of the operations, not of timing).
 */
export async function fuzzLiveServer(options: {
  runs: number;
  seed: number;
  maxOperations: number;
  minOperations?: number;
  /** False: operations start after the server's first reading (see the report in the README). */
  duringReading?: boolean;
  /** fast-check's path of a failing case, to replay it (with the seed it was found with). */
  path?: string;
  shrink?: boolean;
}): Promise<number> {
  let done = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(operation, {
        minLength: options.minOperations ?? 5,
        maxLength: options.maxOperations,
        size: 'max',
      }),
      async (operations) => {
        await runOperations(operations, options.duringReading ?? true);
        done += operations.length;
      },
    ),
    {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.path === undefined ? {} : { path: options.path }),
      endOnFailure: options.shrink !== true,
    },
  );
  return done;
}
