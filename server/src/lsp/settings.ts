/** The `dateline.*` settings the server reads, with their defaults (package.json contributes.configuration). */
import { isAbsolute, relative, resolve } from 'node:path';
import { ruleLevels, rules, type RuleId, type Severity } from '../analysis/index.js';
import { defaultExclude } from '../io/find-articles.js';

/** The server's view of the user's settings. */
export interface Settings {
  /** Globs of the articles, named by the user: every file they match is one. Empty: `include` and a guess. */
  files: string[];
  /** Globs of the files that may be articles; each is read and taken when it looks like one. */
  include: string[];
  exclude: string[];
  knowledgeFile: string;
  maxFileSize: number;
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  inlayHints: { enabled: boolean };
}

/** The defaults, as the manifest declares them. */
export const defaultSettings: Settings = {
  files: [],
  include: ['**/*.txt'],
  exclude: [...defaultExclude],
  knowledgeFile: 'dateline.yaml',
  maxFileSize: 2_000_000,
  rules: {},
  inlayHints: { enabled: true },
};

/** Settings as read, and a sentence for each value that was ignored. */
export interface ReadSettings {
  settings: Settings;
  warnings: string[];
}

// `enable` and `trace` are read by the VS Code client, not here.
const known = new Set([
  'enable',
  'trace',
  'files',
  'include',
  'exclude',
  'knowledgeFile',
  'maxFileSize',
  'rules',
  'inlayHints',
]);

/**
 * Merges what the client sent over the defaults. A value of the wrong type, an unknown key, an unknown
 * rule and a knowledge file outside `root` (the first workspace folder) are ignored, each with a warning.
 */
export function settingsOf(raw: unknown, root?: string): ReadSettings {
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { settings: defaultSettings, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`Dateline: the settings are ${describe(raw)}, not an object; using the defaults`);
    return { settings: defaultSettings, warnings };
  }
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value))
    if (!known.has(key)) warnings.push(`Dateline: unknown setting dateline.${key}; ignored`);
  /** The value of a key when `ok` says it has the right type, else the default with a warning. */
  const read = <T>(key: string, ok: (v: unknown) => boolean, fallback: T, expected: string): T => {
    const v = value[key];
    if (v === undefined || v === null) return fallback;
    if (ok(v)) return v as T;
    warnings.push(`Dateline: dateline.${key} should be ${expected}, not ${describe(v)}; using the default`);
    return fallback;
  };
  const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  const rulesIn = read<Record<string, unknown>>('rules', isRecord, {}, 'an object');
  const rules: Settings['rules'] = {};
  for (const [id, level] of Object.entries(rulesIn)) {
    if (!ruleIds.has(id)) warnings.push(`Dateline: dateline.rules has an unknown rule '${id}'; ignored`);
    else if (typeof level !== 'string' || !ruleLevels.has(level))
      warnings.push(
        `Dateline: dateline.rules.${id} should be one of ${[...ruleLevels].join(', ')}, not ${describe(level)}; ignored`,
      );
    else rules[id as RuleId] = level as Severity | 'off';
  }
  const inlay = read<Record<string, unknown>>('inlayHints', isRecord, {}, 'an object');
  const inlayEnabled = inlay['enabled'];
  if (inlayEnabled !== undefined && typeof inlayEnabled !== 'boolean')
    warnings.push(
      `Dateline: dateline.inlayHints.enabled should be true or false, not ${describe(inlayEnabled)}; using the default`,
    );
  let knowledgeFile = read(
    'knowledgeFile',
    (v) => typeof v === 'string' && v !== '',
    defaultSettings.knowledgeFile,
    'a path',
  );
  if (root !== undefined && !isInside(root, knowledgeFile)) {
    warnings.push(
      `Dateline: dateline.knowledgeFile '${knowledgeFile}' is outside the workspace folder; using '${defaultSettings.knowledgeFile}'`,
    );
    knowledgeFile = defaultSettings.knowledgeFile;
  }
  const settings: Settings = {
    files: read('files', isStrings, defaultSettings.files, 'a list of glob patterns'),
    include: read('include', isStrings, defaultSettings.include, 'a list of glob patterns'),
    exclude: read('exclude', isStrings, defaultSettings.exclude, 'a list of glob patterns'),
    knowledgeFile,
    maxFileSize: read(
      'maxFileSize',
      (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
      defaultSettings.maxFileSize,
      'a positive number of bytes',
    ),
    rules,
    inlayHints: { enabled: typeof inlayEnabled === 'boolean' ? inlayEnabled : true },
  };
  return { settings, warnings };
}

/** The rule ids a setting may name. */
const ruleIds = new Set<string>(rules.map((rule) => rule.id));

/** True when a path, relative to `root` or absolute, names a file inside `root` ("../x.yaml" does not). */
export function isInside(root: string, path: string): boolean {
  const below = relative(root, resolve(root, path));
  return below !== '' && !below.startsWith('..') && !isAbsolute(below);
}

/** `"x"`, `42`, `a list`: how a wrong value is named in a warning. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value) ?? typeof value;
}
