/** The `dateline.*` settings the server reads, with their defaults (package.json contributes.configuration). */
import type { RuleId, Severity } from '../analysis/index.js';

/** The server's view of the user's settings. */
export interface Settings {
  include: string[];
  exclude: string[];
  knowledgeFile: string;
  maxFileSize: number;
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  inlayHints: { enabled: boolean };
}

/** The defaults, as the manifest declares them. */
export const defaultSettings: Settings = {
  include: ['**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  knowledgeFile: 'dateline.yaml',
  maxFileSize: 2_000_000,
  rules: {},
  inlayHints: { enabled: true },
};

/** Merges what the client sent over the defaults, ignoring values of the wrong type. */
export function settingsOf(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return defaultSettings;
  const value = raw as Record<string, unknown>;
  const strings = (v: unknown, fallback: string[]): string[] =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fallback;
  const inlay = value['inlayHints'] as { enabled?: unknown } | undefined;
  return {
    include: strings(value['include'], defaultSettings.include),
    exclude: strings(value['exclude'], defaultSettings.exclude),
    knowledgeFile:
      typeof value['knowledgeFile'] === 'string' ? value['knowledgeFile'] : defaultSettings.knowledgeFile,
    maxFileSize:
      typeof value['maxFileSize'] === 'number' && value['maxFileSize'] > 0
        ? value['maxFileSize']
        : defaultSettings.maxFileSize,
    rules:
      typeof value['rules'] === 'object' && value['rules'] !== null
        ? (value['rules'] as Settings['rules'])
        : {},
    inlayHints: { enabled: typeof inlay?.enabled === 'boolean' ? inlay.enabled : true },
  };
}
