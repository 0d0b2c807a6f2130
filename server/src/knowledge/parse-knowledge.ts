/**
 * Loading dateline.yaml: YAML and schema problems with the position of the offending node, and the
 * knowledge the valid entries give. Pure: text in, data out; never throws.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Knowledge, KnowledgeOrigin, KnowledgeRole } from '../analysis/knowledge-model.js';
import type { EntityType, RuleId, Severity } from '../analysis/types.js';
import { knowledgeLimitProblem } from './knowledge-limits.js';
import { knowledgeSchema } from './schema.js';

/** A problem in the knowledge file: 0-based lines, columns in UTF-16 code units, end exclusive. */
export interface KnowledgeProblem {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The knowledge a file gives and what is wrong with it. */
export interface ParsedKnowledge {
  knowledge: Knowledge;
  problems: KnowledgeProblem[];
  /** True when the file breaks a limit (size, depth, aliases): not read, and never rewritten. */
  overLimits?: boolean;
}

export { knowledgeMaxLength } from './knowledge-limits.js';

// Compiled on the first knowledge file, not when the module loads: compiling (ajv's meta-schema, then
// ours) is most of the start-up of a `dateline` run or a server whose folder has no knowledge file.
let validator: ValidateFunction | undefined;
/** The schema's complaints about a parsed knowledge file; none when it is valid. */
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(knowledgeSchema);
  return validator(data) ? [] : (validator.errors ?? []);
}
const sections = new Set(['entities', 'events', 'acronyms', 'distinct', 'ignore', 'rules']);
type Json = Record<string, unknown>;

/**
 * Parses a knowledge file. Positions are in the text without its byte-order mark, as an editor shows it;
 * invalid entries are left out and reported, valid ones are kept.
 */
export function parseKnowledge(text: string): ParsedKnowledge {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Checked before the parser sees the text: "[[[…" 5,000 deep is a few kilobytes, and parsing or
  // rewriting it runs the process out of memory in a regular expression compiler.
  const limit = knowledgeLimitProblem(source);
  if (limit !== undefined) {
    return {
      knowledge: empty(),
      problems: [{ message: limit, line: 0, column: 0, endLine: 0, endColumn: 0 }],
      overLimits: true,
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    keepSourceTokens: true,
    prettyErrors: false,
    // Plain data only: YAML 1.2's core schema, no custom tags, no "<<" merge keys, and tags such as
    // "!!timestamp" or "!!js/function" left unresolved (a warning, and the value stays a string).
    version: '1.2',
    schema: 'core',
    customTags: [],
    merge: false,
    resolveKnownTags: false,
  });
  const at = (start: number, end: number, message: string): KnowledgeProblem => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return {
      message,
      line: from.line - 1,
      column: from.col - 1,
      endLine: to.line - 1,
      endColumn: to.col - 1,
    };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => at(e.pos[0], e.pos[1], e.message));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // "Excessive alias count" on a billion-laughs file, or an alias to an anchor that is not there.
    problems.push(at(0, 0, error instanceof Error ? error.message : String(error)));
    return { knowledge: empty(), problems };
  }
  if (data === null || data === undefined) return { knowledge: empty(), problems };
  const invalid = new Set<string>();
  const errors = validate(data);
  if (errors.length > 0) {
    // A number where a name is due fails `type` and `minLength` alike: say only what type it should be.
    const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    for (const error of errors) {
      if (error.keyword !== 'type' && mistyped.has(error.instancePath)) continue;
      const located = locate(doc, source, error);
      const [start, end] = located.range;
      problems.push(at(start, end, describe(error, located.path)));
      const entry = entryOf(located.segments);
      if (entry !== undefined) invalid.add(entry);
    }
  }
  const origin = (segments: string[]): KnowledgeOrigin => {
    const start = nodeAt(doc, segments).node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(start);
    return { line: pos.line - 1, column: pos.col - 1 };
  };
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { knowledge: toKnowledge(data as Json, invalid, origin), problems };
}

function empty(): Knowledge {
  return { entities: [], events: [], acronyms: [], distinct: [], ignore: [], rules: {} };
}

/** The knowledge the valid entries give; `invalid` holds the JSON pointers of entries to leave out. */
function toKnowledge(
  data: Json,
  invalid: Set<string>,
  origin: (path: string[]) => KnowledgeOrigin,
): Knowledge {
  const knowledge = empty();
  if (invalid.has('')) return knowledge;
  // The valid entries of a list or a map, each with its path: [item, ['entities', '2']].
  const entries = (value: unknown, path: string[], shape: 'list' | 'map'): [Json, string[]][] => {
    const ok = shape === 'list' ? Array.isArray(value) : isObject(value) && !Array.isArray(value);
    if (!ok || invalid.has(pointer(path))) return [];
    return Object.entries(value as Json)
      .map(([key, item]): [Json, string[]] => [item as Json, [...path, key]])
      .filter(([, itemPath]) => !invalid.has(pointer(itemPath)));
  };
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const text = (value: unknown): string | undefined => (value === undefined ? undefined : String(value));
  for (const [entity, path] of entries(data.entities, ['entities'], 'list')) {
    const roles = entries(entity.roles, [...path, 'roles'], 'list').map(([role, rolePath]) =>
      withoutUndefined<KnowledgeRole>({
        title: String(role.title),
        organization: text(role.organization),
        country: text(role.country),
        from: text(role.from),
        to: text(role.to),
        origin: origin(rolePath),
      }),
    );
    const { name, type, aliases } = entity;
    knowledge.entities.push({
      name: String(name),
      type: type as EntityType,
      aliases: strings(aliases),
      roles,
      origin: origin(path),
    });
  }
  for (const [event, path] of entries(data.events, ['events'], 'list')) {
    const { name, aliases, place, start, end } = event;
    knowledge.events.push(
      withoutUndefined({
        name: String(name),
        aliases: strings(aliases),
        place: text(place),
        start: String(start),
        end: text(end),
        origin: origin(path),
      }),
    );
  }
  for (const [entry, path] of entries(data.acronyms, ['acronyms'], 'list')) {
    const { acronym, expansion } = entry;
    knowledge.acronyms.push({ acronym: String(acronym), expansion: String(expansion), origin: origin(path) });
  }
  for (const [expansion, path] of entries(data.acronyms, ['acronyms'], 'map')) {
    // In `RWB: Regional Water …` the entry starts at its key; "" asks for the key's node.
    knowledge.acronyms.push({
      acronym: path[1],
      expansion: String(expansion),
      origin: origin([...path, '']),
    });
  }
  for (const [name, path] of entries(data.distinct, ['distinct'], 'list')) {
    knowledge.distinct.push({ name: String(name), origin: origin(path) });
  }
  for (const [entry, path] of entries(data.ignore, ['ignore'], 'list')) {
    const { file, rule, text: words } = entry;
    knowledge.ignore.push({
      file: String(file),
      rule: rule as RuleId,
      text: String(words),
      origin: origin(path),
    });
  }
  for (const [level, [, id]] of entries(data.rules, ['rules'], 'map')) {
    knowledge.rules[id as RuleId] = level as unknown as Severity | 'off';
  }
  return knowledge;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function pointer(path: string[]): string {
  return path.map((segment) => '/' + escapePointer(segment)).join('');
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The entry an error invalidates, as a JSON pointer: an error in `/entities/2/roles/0/from` drops that
 * role, one in `/entities/2/aliases/1` drops the entity; an unknown key drops nothing (it is never read).
 */
function entryOf(segments: string[]): string | undefined {
  if (segments.length === 0) return '';
  if (!sections.has(segments[0])) return undefined;
  const depth = segments[0] === 'entities' && segments[2] === 'roles' && segments.length >= 4 ? 4 : 2;
  return pointer(segments.slice(0, depth));
}

interface Located {
  /** The path of the offending value; for an unknown key, the path of that key. */
  segments: string[];
  /** The path of the value ajv checked, for messages: `entities[2].roles[0].from`. */
  path: string;
  range: [number, number];
}

/** Where an ajv error points in the YAML: the node at its instance path, or the key it names. */
function locate(doc: Document, source: string, error: ErrorObject): Located {
  const segments =
    error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
  const unknownKey =
    error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
  const target = unknownKey === undefined ? segments : [...segments, unknownKey];
  // An unknown key is marked on the key itself; "" as the last segment asks for the key's node.
  const { node, keyNode } = nodeAt(doc, unknownKey === undefined ? target : [...target, '']);
  let range: [number, number] = [node?.range?.[0] ?? 0, node?.range?.[1] ?? 0];
  if (range[0] === range[1] && keyNode?.range) range = [keyNode.range[0], keyNode.range[1]];
  if (isMap(node) || isSeq(node)) range = firstLine(source, range);
  const path = segments.reduce(
    (text, s) => (/^\d+$/.test(s) ? `${text}[${s}]` : text ? `${text}.${s}` : s),
    '',
  );
  return { segments: target, path, range };
}

/** A block collection is marked on its first line only, not over its whole extent. */
function firstLine(source: string, [start, end]: [number, number]): [number, number] {
  const lineEnd = source.slice(start, end).search(/\r?\n/);
  return lineEnd < 0 ? [start, end] : [start, start + lineEnd];
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The node at a path of keys and indices; a trailing "" returns the key node of the last step. */
function nodeAt(doc: Document, segments: string[]): { node: Node | null; keyNode: Node | null } {
  let node = doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const [i, segment] of segments.entries()) {
    if (segment === '' && i === segments.length - 1) return { node: keyNode ?? node, keyNode };
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      keyNode = null;
      node = item;
    } else break;
  }
  return { node, keyNode };
}

const kinds: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  array: 'a list',
  object: 'a mapping',
};

/** A message that says what was expected, in the file's terms rather than JSON Schema's. */
function describe(error: ErrorObject, path: string): string {
  const where = path === '' ? 'The knowledge file' : `\`${path}\``;
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  switch (error.keyword) {
    case 'type': {
      const types = String(error.params.type)
        .split(',')
        .map((t) => kinds[t] ?? t);
      return `${where} must be ${types.join(' or ')}.`;
    }
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as string[]).join(', ')}.`;
    case 'required':
      return `${where} needs \`${String(error.params.missingProperty)}\`.`;
    case 'additionalProperties': {
      const known = Object.keys(parent?.properties ?? {}).join(', ');
      const key = `\`${String(error.params.additionalProperty)}\``;
      if (path === 'rules') return `Unknown rule ${key}: rules are ${known}.`;
      return `Unknown key ${key}${path ? ` in \`${path}\`` : ''}: expected ${known}.`;
    }
    case 'minLength':
      return `${where} must not be empty.`;
    case 'pattern':
    case 'minimum':
    case 'maximum':
      return `${where} must be an ISO date: 2021, 2021-11 or 2021-11-01.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}
