/** The `dateline` command line: what was asked for, or why it cannot be understood. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { ruleLevels } from '../analysis/knowledge-model.js';
import { ruleIds, type RuleId, type Severity } from '../analysis/types.js';

/** Output formats of `check` (all three) and `annotate` (text and json). */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** What the user asked for. */
export type CliRequest =
  | { command: 'help' }
  | { command: 'version' }
  | {
      command: 'check' | 'annotate';
      /** Files and folders; the corpus is every article in them. */
      paths: string[];
      format: OutputFormat;
      /** An explicit knowledge file, else the one found next to the articles. */
      knowledge?: string;
      /** Rule settings from `--rule id=severity`, over those of the knowledge file. */
      rules: Partial<Record<RuleId, Severity | 'off'>>;
      /** `check` exits 1 when there are more warnings than this (errors always count). */
      maxWarnings: number;
      /** Report errors only: warnings, infos and hints are neither printed nor counted. */
      quiet: boolean;
      /** `--cache`: analyses of unchanged files are read from this cache file, and it is rewritten. */
      cacheFile?: string;
      /** Globs of files and folders never read, added to the default exclude list (`--exclude`). */
      exclude: string[];
    };

/** A parsed command line, or the one-line reason it is wrong. */
export type ParsedArgs = { ok: true; request: CliRequest } | { ok: false; message: string };

/** The usage text of `dateline --help`, and of `dateline` alone. */
export const usage = `Usage: dateline <command> [paths…] [options]

Reads the .txt articles in the given files and folders as one corpus and reports where they
disagree with each other. A file named alone is checked against the other articles of its folder,
which are read for context but not reported on. "-" reads one article from standard input.

Commands:
  check [paths…]      report findings (text below; json and sarif with --format)
  annotate [paths…]   print what was recognised: entities, acronyms, dates, datelines

check prints one line per finding, then its evidence in other articles, then a summary:
  file:line:col severity message [rule-id]
    see file:line:col: evidence
  3 articles, 1 warning, 0 errors, 0 infos
Lines and columns are 1-based and count UTF-16 code units.

Options:
  --format text|json|sarif  output format (check: text, annotate: json; sarif is check only)
  --knowledge FILE          the knowledge file (default: dateline.yaml in the first folder or an ancestor)
  --rule ID=SEVERITY        set a rule to error, warning, information, hint or off (repeatable)
  --max-warnings N          check exits 1 only above N warnings (default 0); errors always fail
  --quiet                   report errors only: no warnings, infos or hints, and none counted
  --cache                   keep analyses of unchanged files between runs (in .datelinecache)
  --cache-location PATH     the cache file, or a folder to keep .datelinecache in
  --exclude GLOB            never read files or folders matching GLOB, relative to each folder
                            given (repeatable); always excluded: node_modules, dist, out and
                            dot-folders (.git …), and what .gitignore files ignore
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 nothing to report, 1 errors, or warnings above --max-warnings,
2 bad input or bad arguments (each as file:line:col: message on stderr).
Paths default to the current folder.
`;

/** Parses the arguments after `dateline`, checking rule ids against `ruleIds`. */
export function parseArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        knowledge: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // "Unknown option '--frmat'. To specify a positional argument starting with a '-', …" → first sentence
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: message.split('. ')[0].replace(/\.$/, '') };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, request: { command: 'help' } };
  if (values.version) return { ok: true, request: { command: 'version' } };
  const [command, ...paths] = positionals;
  // `dateline` alone is a question: what can this do?
  if (command === undefined || command === 'help') return { ok: true, request: { command: 'help' } };
  if (command !== 'check' && command !== 'annotate') {
    return { ok: false, message: `unknown command '${command}' (expected check or annotate)` };
  }
  const format = values.format ?? (command === 'check' ? 'text' : 'json');
  if (format !== 'text' && format !== 'json' && (format !== 'sarif' || command !== 'check')) {
    const expected = command === 'check' ? 'text, json or sarif' : 'text or json';
    return { ok: false, message: `unknown format '${format}' for ${command} (expected ${expected})` };
  }
  const maxWarnings = values['max-warnings'] ?? '0';
  if (!/^\d+$/.test(maxWarnings)) {
    return { ok: false, message: `--max-warnings takes a whole number, not '${maxWarnings}'` };
  }
  if (paths.filter((path) => path === '-').length > 1) {
    return { ok: false, message: "'-' (standard input) can be given once" };
  }
  const rules: Partial<Record<RuleId, Severity | 'off'>> = {};
  for (const setting of values.rule ?? []) {
    const match = /^([^=]+)=(.*)$/.exec(setting);
    if (!match) return { ok: false, message: `--rule takes ID=SEVERITY, not '${setting}'` };
    const [, id, level] = match;
    if (!(ruleIds as readonly string[]).includes(id)) {
      return { ok: false, message: `unknown rule '${id}' (expected one of ${ruleIds.join(', ')})` };
    }
    const severity = level === 'info' ? 'information' : level;
    if (!ruleLevels.has(severity)) {
      return {
        ok: false,
        message: `unknown severity '${level}' for ${id} (expected error, warning, information, hint or off)`,
      };
    }
    rules[id as RuleId] = severity as Severity | 'off';
  }
  return {
    ok: true,
    request: {
      command,
      paths: paths.length > 0 ? paths : ['.'],
      format,
      ...(values.knowledge !== undefined ? { knowledge: values.knowledge } : {}),
      rules,
      maxWarnings: Number(maxWarnings),
      quiet: values.quiet ?? false,
      ...(values.cache ? { cacheFile: cacheFileOf(values['cache-location']) } : {}),
      exclude: values.exclude ?? [],
    },
  };
}

/** The cache file of `--cache-location` (a folder: `.datelinecache` in it), by default in the current folder, as ESLint's. */
function cacheFileOf(location: string | undefined): string {
  if (location === undefined) return '.datelinecache';
  return /[/\\]$/.test(location) || isFolder(location) ? join(location, '.datelinecache') : location;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
