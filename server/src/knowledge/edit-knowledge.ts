/**
 * Writing to dateline.yaml from quick fixes: each function takes the file's text and returns its new
 * text, comments and the order of entries kept. Pure: the caller replaces the whole document.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { EntityType } from '../analysis/types.js';
import { knowledgeLimitProblem } from './knowledge-limits.js';

/** The comment a newly created knowledge file starts with. */
export const knowledgeFileHeader = '# Dateline knowledge file: see README.md#knowledge-file';

/**
 * Records `alias` as an accepted spelling of the entity named `canonicalName`, adding the entity with
 * `type` when the file has none of that name. Returns undefined when the file cannot be edited safely.
 */
export function addAlias(
  text: string | undefined,
  canonicalName: string,
  type: EntityType,
  alias: string,
): string | undefined {
  return edit(text, (doc) => {
    const entities = section(doc, 'entities');
    if (!isSeq(entities)) return false;
    const entity = entities.items.find(
      (item) => isMap(item) && scalarText(item.get('name', true)) === canonicalName,
    );
    if (!isMap(entity)) {
      entities.add(doc.createNode({ name: canonicalName, type, aliases: [alias] }));
      return true;
    }
    if (alias === canonicalName) return 'unchanged';
    const aliases = entity.get('aliases', true);
    if (aliases === undefined || (isScalar(aliases) && aliases.value === null)) {
      entity.set('aliases', doc.createNode([alias]));
      return true;
    }
    if (!isSeq(aliases)) return false;
    if (aliases.items.some((item) => scalarText(item) === alias)) return 'unchanged';
    aliases.add(doc.createNode(alias));
    return true;
  });
}

/** Records `name` as a name of its own, never a variant of a similar one. */
export function addDistinct(text: string | undefined, name: string): string | undefined {
  return edit(text, (doc) => {
    const distinct = section(doc, 'distinct');
    if (!isSeq(distinct)) return false;
    if (distinct.items.some((item) => scalarText(item) === name)) return 'unchanged';
    distinct.add(doc.createNode(name));
    return true;
  });
}

/** What `ignore:` holds: the finding of `rule` on the words `text`, ignored in the article `file`. */
export interface IgnoreEntry {
  file: string;
  rule: string;
  text: string;
}

/** Records a finding to ignore in one article, once. */
export function addIgnore(text: string | undefined, entry: IgnoreEntry): string | undefined {
  const keys = ['file', 'rule', 'text'] as const;
  return edit(text, (doc) => {
    const ignore = section(doc, 'ignore');
    if (!isSeq(ignore)) return false;
    const same = (item: unknown): boolean =>
      isMap(item) && keys.every((key) => scalarText(item.get(key, true)) === entry[key]);
    if (ignore.items.some(same)) return 'unchanged';
    ignore.add(doc.createNode({ file: entry.file, rule: entry.rule, text: entry.text }));
    return true;
  });
}

/**
 * Pins the expansion of `acronym`, replacing the one the file gives; keeps the file's form, a list of
 * `{ acronym, expansion }` (the default) or a map `RWB: Regional Water …`.
 */
export function addAcronym(text: string | undefined, acronym: string, expansion: string): string | undefined {
  return edit(text, (doc) => {
    const acronyms = section(doc, 'acronyms');
    if (isMap(acronyms)) {
      if (scalarText(acronyms.get(acronym, true)) === expansion) return 'unchanged';
      acronyms.set(doc.createNode(acronym), doc.createNode(expansion));
      return true;
    }
    if (!acronyms) return false;
    const entry = acronyms.items.find(
      (item) => isMap(item) && scalarText(item.get('acronym', true)) === acronym,
    );
    if (!isMap(entry)) {
      acronyms.add(doc.createNode({ acronym, expansion }));
      return true;
    }
    const current = entry.get('expansion', true);
    if (scalarText(current) === expansion) return 'unchanged';
    if (isScalar(current)) current.value = expansion;
    else entry.set('expansion', doc.createNode(expansion));
    return true;
  });
}

/**
 * Parses `text`, lets `change` edit the document, and writes it back in the file's own layout: its
 * byte-order mark, line breaks, indentation and sequence indentation. An empty or absent file becomes
 * a new document with the header comment. `change` returns false to refuse the edit, and 'unchanged'
 * when the file already says it, so that the text comes back as it was.
 */
function edit(
  text: string | undefined,
  change: (doc: Document) => boolean | 'unchanged',
): string | undefined {
  const bom = text?.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = bom ? (text ?? '').slice(1) : (text ?? '');
  if (source.trim() === '') {
    const doc = new Document(new YAMLMap());
    const result = change(doc);
    if (result !== true) return result === 'unchanged' ? text : undefined;
    return `${bom}${knowledgeFileHeader}\n${doc.toString({ lineWidth: 0 })}`;
  }
  // A file over the limits is never parsed here either (knowledge-limits.ts says why).
  if (knowledgeLimitProblem(source) !== undefined) return undefined;
  const doc = parseDocument(source, { keepSourceTokens: true });
  // Rewriting a file the parser only half understood could lose what the user wrote.
  if (doc.errors.length > 0) return undefined;
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    // A file of comments only: they stay above the new content.
    doc.contents = new YAMLMap() as unknown as typeof doc.contents;
  }
  if (!isMap(doc.contents)) return undefined;
  const result = change(doc);
  if (result !== true) return result === 'unchanged' ? text : undefined;
  const output = doc.toString({ lineWidth: 0, ...layoutOf(source) });
  return bom + (source.includes('\r\n') ? output.replace(/\r?\n/g, '\r\n') : output);
}

/** The indentation the file uses, so that a rewrite changes only the lines it must. */
function layoutOf(source: string): { indent: number; indentSeq: boolean; flowCollectionPadding: boolean } {
  const lines = source
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const widths = lines.map((line) => line.length - line.trimStart().length).filter((width) => width > 0);
  const indent = Math.min(8, Math.max(1, widths.length > 0 ? Math.min(...widths) : 2));
  // "entities:" followed by "- name: …" at the same depth is a sequence written without indentation.
  const flush = lines.some((line, i) => {
    const next = lines[i + 1];
    const depth = line.length - line.trimStart().length;
    return (
      /:\s*$/.test(line) &&
      next?.trimStart().startsWith('- ') &&
      next.length - next.trimStart().length === depth
    );
  });
  // One option covers "[a]" and "{ a: 1 }" alike: follow what most flow collections in the file do.
  const padded = (source.match(/[[{] /g) ?? []).length;
  const tight = (source.match(/[[{][^\s\]}]/g) ?? []).length;
  return { indent, indentSeq: !flush, flowCollectionPadding: padded >= tight };
}

/**
 * The top-level collection under `key`, created as a block list when absent or empty; a map is
 * returned as it is (the map form of `acronyms`), anything else is undefined.
 */
function section(doc: Document, key: string): YAMLSeq | YAMLMap | undefined {
  const root = doc.contents as YAMLMap;
  const value = root.get(key, true) as Node | undefined;
  if (value === undefined || (isScalar(value) && value.value === null)) {
    const list = new YAMLSeq();
    if (isScalar(value)) root.set(key, list);
    else root.add(doc.createPair(key, list));
    return list;
  }
  return isSeq(value) || isMap(value) ? (value as YAMLSeq | YAMLMap) : undefined;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}
