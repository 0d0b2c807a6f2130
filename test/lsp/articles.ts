/**
 * Small made-up articles for the language-server tests, written into a fresh folder for each block
 * or test, and positions found by the text they point at rather than by numbers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import { startTestServer, type StartOptions, type TestServer } from './lsp-client.js';

/**
 * Two short wire pages for the cache tests (CLI and server): `a.txt` writes a weekday that does not
 * fit its date, a finding that comes from the analysis of its dates.
 */
export const ferry: Readonly<Record<string, string>> = {
  'a.txt': 'Ferry changes\n\nPORTVILLE, March 5, 2025 — The operator said on Tuesday, March 5, 2025 that sailings change.\n',
  'b.txt': 'Harbour board meets\n\nPORTVILLE, March 3, 2025 — The board met on Monday, March 3, 2025.\n',
};

/**
 * Three articles on one made-up story. `c.txt` spells the mayor “Fredriksen” once, against
 * “Frederiksen” four times in the others (a name-variant warning), and writes of the summit as past
 * ten days before `a.txt` dates it (a dateline-conflict). `a.txt` ends in a list of links (page
 * furniture) and has a relative date (“on Monday”).
 */
export const harbour: Readonly<Record<string, string>> = {
  'a.txt':
    'Harbour plan wins council vote\n\n' +
    'LISBON, March 3, 2025 - Mayor Ana Frederiksen said on Monday that the Harbour Renewal Programme (HRP) would begin in May.\n\n' +
    'The Harbour Summit will be held in Porto on March 20, Mayor Ana Frederiksen told reporters.\n\n' +
    'MORE FROM THE DESK\nFerry fares rise again\n-\nBridge works close two lanes\n-\nMarket hall reopens\n',
  'b.txt':
    'Council backs harbour plan\n\n' +
    'LISBON, March 4, 2025 - Mayor Ana Frederiksen won the vote on the Harbour Renewal Programme (HRP) yesterday.\n\n' +
    'Frederiksen will attend the Harbour Summit in Porto on March 20 with two of her deputies.\n',
  'c.txt':
    'Summit opens in Porto\n\n' +
    'PORTO, March 10, 2025 - Mayor Ana Fredriksen opened the Harbour Summit in Porto last week, organisers said.\n\n' +
    'The Harbour Renewal Programme (HRP) starts in May, and the first cranes are due in June.\n',
};

/** A fresh folder under the system's temporary folder holding `files` (names may have subfolders). */
export function writeFolder(files: Readonly<Record<string, string | Uint8Array>>): string {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-lsp-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

/**
 * Where `needle` starts in `text` (its `nth` occurrence, from 0), moved `by` characters into it:
 * `positionOf(text, 'Fredriksen', 0, 2)` is on its “e”. Lines and characters in UTF-16 code units.
 */
export function positionOf(text: string, needle: string, nth = 0, by = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} occurs ${i} times, not ${nth + 1}`);
  }
  offset += by;
  const before = text.slice(0, offset).split(/\r\n|\n/);
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** A folder of articles and a live server on it. */
export interface LiveFolder {
  folder: string;
  server: TestServer;
  uriOf(name: string): string;
}

/** Writes `files` to a fresh folder, starts a server on it and waits for its first reading; `stop` ends the server and removes the folder. */
export async function startOnFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  capabilities: object = {},
  options: StartOptions = {},
): Promise<LiveFolder & { stop(): Promise<void> }> {
  const folder = writeFolder(files);
  const server = await startTestServer(pathToFileURL(folder).toString(), capabilities, options);
  // The first reading is over, and its diagnostics are out, when the status no longer says indexing.
  await server.waitForNotification<{ indexing?: unknown }>('dateline/status', (s) => !s.indexing);
  return {
    folder,
    server,
    uriOf: (name) => pathToFileURL(join(folder, name)).toString(),
    async stop() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * One live server for the enclosing describe block, on `files` written for it: for tests that only
 * ask, never edit. A test that edits starts its own with `startOnFiles`.
 */
export function liveFolder(
  files: Readonly<Record<string, string | Uint8Array>>,
  capabilities: object = {},
  options: StartOptions = {},
): LiveFolder {
  let live: (LiveFolder & { stop(): Promise<void> }) | undefined;
  before(async () => {
    live = await startOnFiles(files, capabilities, options);
  });
  after(async () => {
    await live?.stop();
  });
  return {
    get folder() {
      return live!.folder;
    },
    get server() {
      return live!.server;
    },
    uriOf: (name) => live!.uriOf(name),
  };
}
