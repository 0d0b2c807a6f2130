/**
 * The command line in CI: help that matches the output, SARIF, --max-warnings, --quiet, standard
 * input, and a file checked against its folder. The articles are made up for these tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateline, datelineHere, ensureBuilt, writeCorpus } from './run-cli.js';

// "Monday, March 6, 2024" was a Wednesday: one weekday-mismatch warning, whatever else is found.
const wrongWeekday =
  'Harbour works begin\nPORTVILLE, March 4, 2024\nThe council said on Monday, March 6, 2024 that the works would start.\n';
// Two articles spell the mayor one way and a third another: a name variant only the corpus can see.
const spelledOnce =
  'Council backs harbour plan\nPORTVILLE, March 5, 2024\nMayor Anna Kowalczyk said the plan would go ahead. Kowalczyk thanked the council.\n';
const spelledTwice =
  'Harbour plan approved\nPORTVILLE, March 6, 2024\nMayor Anna Kowalczyk welcomed the plan.\n';
const spelledOtherwise =
  'Harbour vote\nPORTVILLE, March 7, 2024\nMayor Anna Kowalczik praised the vote. Kowalczik said the works start soon.\n';

/**
 * The finding lines of text output as `file:line:col severity [rule]`, without evidence or summary;
 * the messages' wording is the rules' tests' concern, not these.
 */
function findingLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((line) => /^(\S+:\d+:\d+ \w+) .* (\[[\w-]+\])$/.exec(line)?.slice(1, 3).join(' ') ?? []);
}

/** The last line of text output: the summary. */
function summary(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1) ?? '';
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string; markdown: string }; helpUri?: string }[] } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
      }[];
      relatedLocations?: {
        id: number;
        message: { text: string };
        physicalLocation: { artifactLocation: { uri: string } };
      }[];
      fixes?: {
        description: { text: string };
        artifactChanges: { replacements: { insertedContent: { text: string } }[] }[];
      }[];
    }[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { message: { text: string } }[];
    }[];
  }[];
}

describe('dateline CLI in CI', function () {
  let folder: string;
  before(async function () {
    ensureBuilt(this);
    folder = await mkdtemp(join(tmpdir(), 'dateline-ci-'));
  });
  after(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('prints the help, exit 0, when run with no arguments', async () => {
    const run = await datelineHere([], folder);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Usage: dateline <command>/);
    assert.equal(run.stdout, (await datelineHere(['--help'], folder)).stdout);
  });

  it('describes in --help the line format that check prints', async () => {
    const dir = await writeCorpus(folder, 'help', { 'a.txt': wrongWeekday });
    const help = (await datelineHere(['--help'], folder)).stdout;
    assert.match(help, /^ {2}file:line:col severity message \[rule-id\]$/m);
    assert.match(help, /^ {4}see file:line:col: evidence$/m);
    assert.match(help, /^ {2}3 articles, 1 warning, 0 errors, 0 infos$/m);
    for (const flag of [
      '--format text|json|sarif',
      '--max-warnings N',
      '--quiet',
      '--knowledge FILE',
      '--rule ID=SEVERITY',
    ]) {
      assert.ok(help.includes(flag), flag);
    }
    const run = await datelineHere(['check', '.'], dir);
    assert.deepEqual(findingLines(run.stdout), ['a.txt:3:21 warning [weekday-mismatch]']);
    assert.equal(summary(run.stdout), '1 article, 1 warning, 0 errors, 0 infos');
  });

  it('--max-warnings N exits 1 only above N warnings', async () => {
    const dir = await writeCorpus(folder, 'max', { 'a.txt': wrongWeekday, 'b.txt': wrongWeekday });
    assert.equal((await datelineHere(['check', '.'], dir)).status, 1);
    assert.equal((await datelineHere(['check', '.', '--max-warnings', '1'], dir)).status, 1);
    const within = await datelineHere(['check', '.', '--max-warnings', '2'], dir);
    assert.equal(within.status, 0);
    assert.equal(summary(within.stdout), '2 articles, 2 warnings, 0 errors, 0 infos');
    const bad = await datelineHere(['check', '.', '--max-warnings', 'many'], dir);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, "dateline: --max-warnings takes a whole number, not 'many'\n");
  });

  it('--quiet reports errors only, and errors fail whatever --max-warnings says', async () => {
    const dir = await writeCorpus(folder, 'quiet', { 'a.txt': wrongWeekday });
    const quiet = await datelineHere(['check', '.', '--quiet'], dir);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '1 article, 0 warnings, 0 errors, 0 infos\n');
    const asError = await datelineHere(
      ['check', '.', '--quiet', '--rule', 'weekday-mismatch=error', '--max-warnings', '5'],
      dir,
    );
    assert.equal(asError.status, 1);
    assert.deepEqual(findingLines(asError.stdout), ['a.txt:3:21 error [weekday-mismatch]']);
    const json = JSON.parse(
      (await datelineHere(['check', '.', '--quiet', '--format', 'json'], dir)).stdout,
    ) as {
      files: { diagnostics: unknown[] }[];
    };
    assert.deepEqual(json.files[0]!.diagnostics, []);
  });

  it('reads one article from standard input for "-"', async () => {
    // The built bin, for the one path the in-process runs do not take: the process's own standard input.
    const run = dateline(['check', '-'], folder, { stdin: wrongWeekday });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.deepEqual(findingLines(run.stdout), ['<stdin>:3:21 warning [weekday-mismatch]']);
    const binary = await datelineHere(['check', '-'], folder, { stdin: 'a\u0000b' });
    assert.equal(binary.status, 2);
    assert.equal(binary.stderr, '<stdin>:1:1: binary file (NUL byte at byte 1); not analysed\n');
    const twice = await datelineHere(['check', '-', '-'], folder);
    assert.equal(twice.status, 2);
    assert.equal(twice.stderr, "dateline: '-' (standard input) can be given once\n");
  });

  it('checks a file named alone against the other articles of its folder, and reports on it only', async () => {
    const dir = await writeCorpus(folder, 'context', {
      'a.txt': spelledOnce,
      'b.txt': spelledTwice,
      'c.txt': spelledOtherwise,
      'd.txt': wrongWeekday,
    });
    const run = await datelineHere(['check', 'c.txt'], dir);
    assert.equal(run.stderr, '');
    // the variant in c.txt is found through a.txt and b.txt; d.txt's weekday warning is not reported
    const found = findingLines(run.stdout);
    assert.deepEqual(
      found.map((line) => line.replace(/ \w+ /, ' ')),
      ['c.txt:3:12 [name-variant]', 'c.txt:3:40 [name-variant]'],
    );
    assert.match(run.stdout, /^ {2}see a\.txt:3:7: /m);
    assert.match(
      summary(run.stdout),
      /^checked 1 of 4 articles; the other 3 were read for context, \d+ warnings?, 0 errors, \d+ infos?$/,
    );
    const alone = await datelineHere(
      ['check', 'c.txt'],
      await writeCorpus(folder, 'alone', { 'c.txt': spelledOtherwise }),
    );
    assert.equal(alone.stdout, '1 article, 0 warnings, 0 errors, 0 infos\n');
    const json = JSON.parse((await datelineHere(['check', 'c.txt', '--format', 'json'], dir)).stdout) as {
      files: { path: string }[];
      context: string[];
    };
    assert.deepEqual(
      json.files.map((f) => f.path),
      ['c.txt'],
    );
    assert.deepEqual(json.context, ['a.txt', 'b.txt', 'd.txt']);
    // a folder named with the file is checked, not context
    assert.match(
      summary((await datelineHere(['check', 'c.txt', '.'], dir)).stdout),
      /^4 articles, 3 warnings, /,
    );
  });

  it('--format sarif prints SARIF 2.1.0 with rules, help, related locations and fixes', async () => {
    const dir = await writeCorpus(folder, 'sarif', {
      'a.txt': spelledOnce,
      'b.txt': spelledTwice,
      'c.txt': spelledOtherwise,
      'd.txt': wrongWeekday,
    });
    const run = await datelineHere(['check', '.', '--format', 'sarif'], dir);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const [only] = log.runs;
    assert.equal(log.runs.length, 1);
    assert.equal(only!.tool.driver.name, 'dateline');
    assert.equal(only!.columnKind, 'utf16CodeUnits');
    const ruleIds = only!.tool.driver.rules.map((rule) => rule.id);
    assert.deepEqual([...ruleIds].sort(), [
      'acronym-expansion',
      'dateline-conflict',
      'name-variant',
      'role-conflict',
      'weekday-mismatch',
    ]);
    // No address to a page that may not exist: each rule carries its page shipped in the package.
    for (const rule of only!.tool.driver.rules) {
      assert.equal(rule.helpUri, undefined, rule.id);
      assert.equal(rule.help.markdown, readFileSync(join('docs', 'rules', `${rule.id}.md`), 'utf8'));
      assert.ok(rule.help.text.startsWith(`${rule.id}\n`), rule.help.text.slice(0, 40));
      assert.doesNotMatch(rule.help.text, /^#/m);
    }
    const weekday = only!.results.find((result) => result.ruleId === 'weekday-mismatch')!;
    assert.equal(weekday.level, 'warning');
    assert.match(weekday.message.text, /Wednesday/);
    assert.equal(ruleIds[weekday.ruleIndex], 'weekday-mismatch');
    assert.equal(weekday.locations[0]!.physicalLocation.artifactLocation.uri, 'd.txt');
    assert.deepEqual(weekday.locations[0]!.physicalLocation.region, {
      startLine: 3,
      startColumn: 21,
      endLine: 3,
      endColumn: 27, // "Monday", the word the fix replaces
    });
    assert.equal(
      weekday.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.insertedContent.text.includes('Wednesday'),
      true,
    );
    const variant = only!.results.find((result) => result.ruleId === 'name-variant')!;
    assert.equal(variant.locations[0]!.physicalLocation.artifactLocation.uri, 'c.txt');
    assert.deepEqual(
      variant.relatedLocations?.map((r) => `${r.id} ${r.physicalLocation.artifactLocation.uri}`),
      ['1 a.txt', '2 a.txt', '3 b.txt'],
    );
    assert.ok(
      variant.relatedLocations!.every(
        (r) => r.message.text.length > 0 && r.physicalLocation.artifactLocation.uri !== 'c.txt',
      ),
    );
    assert.deepEqual(only!.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('--format sarif lists unreadable input as notifications and exits 2; annotate has no sarif', async () => {
    const dir = await writeCorpus(folder, 'sarif-bad', {
      'a.txt': wrongWeekday,
      'b.txt': Uint8Array.from([0x41, 0]),
    });
    const run = await datelineHere(['check', '.', '--format', 'sarif'], dir);
    assert.equal(run.status, 2);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.deepEqual(log.runs[0]!.invocations[0], {
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'binary file (NUL byte at byte 1); not analysed' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'b.txt', uriBaseId: '%SRCROOT%' },
                region: { startLine: 1, startColumn: 1 },
              },
            },
          ],
        },
      ],
    });
    const annotate = await datelineHere(['annotate', '.', '--format', 'sarif'], dir);
    assert.equal(annotate.status, 2);
    assert.equal(annotate.stderr, "dateline: unknown format 'sarif' for annotate (expected text or json)\n");
  });
});
