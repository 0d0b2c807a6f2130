import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../server/src/analysis/index.js';
import { ruleIds } from '../../server/src/analysis/types.js';
import { datelineHere, root, writeCorpus } from './run-cli.js';

const article = 'Leaders meet in Lisbon\nLISBON, March 3, 2024\nThe leaders met on Sunday.\n';

describe('dateline CLI', function () {
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'dateline-cli-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** A fresh folder under the temporary one, with the given files. */
  const corpus = (name: string, files: Record<string, string | Uint8Array>): Promise<string> =>
    writeCorpus(folder, name, files);

  it('--help prints the usage and exits 0', async () => {
    const run = await datelineHere(['--help'], root);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: dateline/);
  });

  it('--version prints the package version', async () => {
    const run = await datelineHere(['--version'], root);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('an unknown option exits 2 with a message', async () => {
    const run = await datelineHere(['check', '--frobnicate'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^dateline: Unknown option '--frobnicate'/);
  });

  it('an unknown rule in --rule exits 2', async () => {
    const run = await datelineHere(['check', '.', '--rule', 'no-such-rule=off'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown rule 'no-such-rule'/);
  });

  it('--rule is checked against the rules, in their order, without loading them', async () => {
    // The command line reads `ruleIds` so that a run that replays its cache never loads the rules.
    assert.deepEqual(
      rules.map((rule) => rule.id),
      ruleIds,
    );
    const run = await datelineHere(['check', '.', '--rule', 'no-such-rule=off'], root);
    assert.match(run.stderr, new RegExp(`expected one of ${ruleIds.join(', ')}\\)$`, 'm'));
  });

  it('a binary file exits 2 with file:1:1 on stderr, and the good files are still checked', async () => {
    const dir = await corpus('binary', {
      'good.txt': article,
      'image.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'image.txt:1:1: binary file (NUL byte at byte 4); not analysed\n');
    assert.match(run.stdout, /^1 article, \d+ warnings?, \d+ errors?, \d+ infos?\n$/m);
  });

  it('a Windows-1252 file is read in that code page, with a note, exit 2, and is checked', async () => {
    // "Headline\nSecond line: caf" then Latin-1 "é" (0xE9) followed by ASCII: byte 25, line 2, column 17
    const bytes = Uint8Array.from([
      ...Buffer.from('Headline\nSecond line: caf'),
      0xe9,
      ...Buffer.from(' ok\n'),
    ]);
    const dir = await corpus('latin1', { 'latin1.txt': Uint8Array.from([...bytes, ...bytes]) });
    const run = await datelineHere(['check', 'latin1.txt'], dir);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'latin1.txt:1:1: not UTF-8 (byte 25 is 0xE9); read as windows-1252, detected with 95% confidence\n',
    );
    assert.match(run.stdout, /^1 article, /m);
    const annotate = await datelineHere(['annotate', 'latin1.txt', '--format', 'json'], dir);
    const output = JSON.parse(annotate.stdout) as { files: { path: string }[] };
    assert.deepEqual(
      output.files.map((f) => f.path),
      ['latin1.txt'],
    );
  });

  it('quotes a file name that holds a line break or could pass for a position, in every text output', async () => {
    const name = 'a.txt:9:9 warning fake\nz.txt';
    const dir = await corpus('names', {
      [name]: 'Leaders meet in Lisbon\nLISBON, March 3, 2024\nThe leaders met on Sunday, March 4, 2024.\n',
      'bin\n.txt': Uint8Array.from([0x4e, 0x41, 0, 1]),
    });
    const check = await datelineHere(['check', '.'], dir);
    assert.equal(
      check.stdout,
      '"a.txt:9:9 warning fake\\nz.txt":3:20 warning 4 March 2024 was a Monday, not a Sunday [weekday-mismatch]\n' +
        '1 article, 1 warning, 0 errors, 0 infos\n',
    );
    assert.equal(check.stderr, '"bin\\n.txt":1:1: binary file (NUL byte at byte 2); not analysed\n');
    const annotate = await datelineHere(['annotate', '.', '--format', 'text'], dir);
    const lines = annotate.stdout.trimEnd().split('\n');
    assert.ok(
      lines.length > 0 && lines.every((line) => line.startsWith('"a.txt:9:9 warning fake\\nz.txt":')),
      annotate.stdout,
    );
  });

  it('leaves out what .gitignore ignores, with a note that does not change the exit code', async () => {
    const dir = await corpus('gitignore', {
      '.gitignore': 'draft.txt\n',
      'a.txt': article,
      'draft.txt': 'x\0',
    });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.stderr, 'dateline: note: 1 file or folder left out by .gitignore\n');
    assert.match(run.stdout, /^1 article, 0 warnings, 0 errors, \d+ infos?\n$/m);
    assert.equal(run.status, 0);
  });

  it('reads the exclude list the server uses, adds --exclude to it, and says what it left out', async () => {
    const dir = await corpus('exclude', {
      'a.txt': article,
      'out/b.txt': 'x\0',
      '.cache/c.txt': 'x\0',
      'drafts/d.txt': 'x\0',
      'e.draft.txt': 'x\0',
    });
    const run = await datelineHere(['check', '.', '--exclude', 'drafts/**', '--exclude', '*.draft.txt'], dir);
    assert.equal(
      run.stderr,
      'dateline: note: folders never read (the exclude list): .cache, drafts, out\n' +
        'dateline: note: 1 file left out by the exclude list\n',
    );
    assert.match(run.stdout, /^1 article, 0 warnings, 0 errors, \d+ infos?\n$/m);
    assert.equal(run.status, 0);
  });

  it('an empty file is an article with nothing in it', async () => {
    const dir = await corpus('empty', { 'empty.txt': '' });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '1 article, 0 warnings, 0 errors, 0 infos\n');
  });

  it('a file with a BOM and CRLF line breaks is read', async () => {
    const dir = await corpus('crlf', { 'crlf.txt': `\uFEFF${article.replaceAll('\n', '\r\n')}` });
    const run = await datelineHere(['annotate', 'crlf.txt', '--format', 'json'], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    type Located = { text: string; range: { start: { line: number; character: number } } };
    const output = JSON.parse(run.stdout) as {
      files: { path: string; entities: Located[]; dates: Located[] }[];
    };
    assert.deepEqual(
      output.files.map((f) => f.path),
      ['crlf.txt'],
    );
    // whatever the analysis finds, positions count CRLF as one line break (LSP ranges, 0-based)
    const found = [...output.files[0]!.entities, ...output.files[0]!.dates];
    assert.ok(found.length > 0);
    for (const { text, range } of found) {
      const line = article.split('\n')[range.start.line] ?? '';
      const column = range.start.character - (range.start.line === 0 ? 1 : 0); // the BOM is a character of line 0
      assert.equal(line.slice(column, column + text.length), text);
    }
  });

  it('--format json prints one JSON document with files, their diagnostics, and problems', async () => {
    const dir = await corpus('json', {
      'a.txt': article,
      'b.txt': article.replace('on Sunday', 'on Monday, March 3'),
      'bad.txt': Uint8Array.from([0xff]),
    });
    const run = await datelineHere(['check', '.', '--format', 'json'], dir);
    assert.equal(run.status, 2);
    const output = JSON.parse(run.stdout) as {
      files: { path: string; diagnostics: unknown[] }[];
      problems: unknown[];
    };
    assert.deepEqual(
      output.files.map((f) => f.path),
      ['a.txt', 'b.txt', 'bad.txt'],
    );
    assert.ok(output.files.every((f) => Array.isArray(f.diagnostics)));
    // Every rule link opens a page shipped in the package, never an address that may not exist.
    const links = output.files.flatMap((f) =>
      (f.diagnostics as { code: string; codeDescription?: { href: string } }[]).map((d) => [
        d.code,
        d.codeDescription?.href,
      ]),
    );
    assert.ok(links.length > 0);
    for (const [code, href] of links) {
      assert.match(href ?? '', new RegExp(`^file:.*/docs/rules/${code}\\.md$`));
      assert.ok(existsSync(fileURLToPath(href!)), href);
    }
    assert.deepEqual(output.problems, [
      {
        file: 'bad.txt',
        line: 1,
        column: 1,
        message:
          'invalid UTF-8 at byte 0 (0xFF, line 1, column 1); read with U+FFFD in place of invalid bytes',
      },
    ]);
  });

  it('a missing path exits 2 and names it', async () => {
    const dir = await corpus('missing', { 'a.txt': article });
    const run = await datelineHere(['check', 'a.txt', 'nope.txt'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'nope.txt:1:1: no such file or directory\n');
  });

  it('a malformed knowledge file exits 2 with its file:line:col, and the articles are still checked', async () => {
    const dir = await corpus('knowledge', {
      'a.txt': article,
      'dateline.yaml': 'entities:\n  - name: [unclosed\n',
    });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^dateline\.yaml:\d+:\d+: \S/);
    assert.match(run.stdout, /^1 article, /m);
  });

  it('a schema-invalid knowledge file exits 2 with dateline.yaml:LINE:COL: message', async () => {
    const dir = await corpus('schema', {
      'a.txt': article,
      'dateline.yaml': 'entities:\n  - name: 42\n    type: person\n',
    });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^dateline\.yaml:2:\d+: .+\n$/);
    assert.match(run.stdout, /^1 article, /m);
  });

  it('a knowledge file with code tags reads them as plain strings, with a warning', async () => {
    const dir = await corpus('tags', {
      'a.txt': article,
      'dateline.yaml': 'distinct:\n  - !!js/function "function () { process.exit(9) }"\n',
    });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^dateline\.yaml:2:5: Unresolved tag/);
  });

  it('a file over the size limit, such as a 5 MB single line, is skipped with a note; the rest is checked', async () => {
    const line = 'The minister met officials in Paris on Monday. '.repeat(110_000);
    const dir = await corpus('huge', { 'a.txt': article, 'huge.txt': line });
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr,
      'huge.txt:1:1: file is 5.2 MB, over dateline.maxFileSize (2 MB); not analysed\n',
    );
    assert.match(run.stdout, /^1 article, /m);
  });

  it('a named pipe given by name is refused, not waited on', async function () {
    const dir = await corpus('fifo', { 'a.txt': article });
    if (spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status !== 0) this.skip(); // no mkfifo here
    const run = await datelineHere(['check', 'a.txt', 'pipe.txt'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'pipe.txt:1:1: not a regular file; not analysed\n');
  });

  it('a symbolic link loop in the corpus folder does not hang the walk', async () => {
    const dir = await corpus('loop', { 'a.txt': article });
    await symlink(dir, join(dir, 'again'));
    await symlink(join(dir, 'y.txt'), join(dir, 'x.txt'));
    await symlink(join(dir, 'x.txt'), join(dir, 'y.txt'));
    const run = await datelineHere(['check', '.'], dir);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^1 article, /m);
  });

  it('check exits 0 or 1 on good articles and prints the summary last', async () => {
    const dir = await corpus('good', { 'a.txt': article, 'b.txt': article });
    const run = await datelineHere(['check', '.'], dir);
    assert.ok(run.status === 0 || run.status === 1, `exit ${String(run.status)}: ${run.stderr}`);
    assert.match(run.stdout, /(^|\n)2 articles, \d+ warnings?, \d+ errors?, \d+ infos?\n$/);
  });
});
