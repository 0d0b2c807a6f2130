/**
 * Properties of the analysis, checked with fast-check on random text and on the seed articles with
 * random mutations (names, digits, white space, Unicode): it never throws, every span lies inside its
 * text, every fix does what it says, and incremental updates agree with a fresh corpus, whatever the
 * order articles came in and went.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyzeArticle, Corpus, type Finding, type Span } from '../../server/src/analysis/index.js';
import { plainFindings } from '../analysis/build.js';
import { onePerSpot } from '../../server/src/present/index.js';

const seedsFolder = fileURLToPath(new URL('../../../seeds', import.meta.url));
const seeds = readdirSync(seedsFolder)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(`${seedsFolder}/${name}`, 'utf8'));
const ids = seeds.map((_, i) => `seed-${i}`);

/** One change to an article's text; `at` is taken modulo the text's length. */
type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'name'; at: number; letter: string }
  | { kind: 'digit'; at: number; digit: string }
  | { kind: 'word'; at: number; word: string };

/** Words that change what an article says of time (tense, weekday, month, event), not who is named. */
const timeWords = [
  'will',
  'had',
  'Monday',
  'Tuesday',
  'July',
  'June',
  'next',
  'last',
  'upcoming',
  'summit',
  'meeting',
];
const timeWord = new RegExp(`\\b(${timeWords.join('|')})\\b`, 'g');

/** Odd text worth inserting: line breaks of every kind, non-breaking and zero-width spaces, combining marks, RTL, emoji. */
const oddPieces = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u00a0',
  '\u200b',
  '\u0301',
  '\uFEFF',
  'مرحبا',
  '東京',
  '😀',
  '\uFFFD',
  'Mr. ',
  'NATO',
  ' (EU) ',
  '.',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...oddPieces), fc.string({ unit: 'binary', maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('name' as const),
    at: fc.nat(),
    letter: fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y'),
  }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom(...'0123456789') }),
);

/** Edits within one line, one a keystroke: what the in-place paths of `Corpus.upsert` take. */
const keystroke: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), word: fc.constantFrom(...timeWords) }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom(...'0123456789') }),
  fc.record({
    kind: fc.constant('name' as const),
    at: fc.nat(),
    letter: fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y'),
  }),
);

/** Applies a mutation: "name" changes one lower-case letter of the next capitalised word ("Hipkins" → "Hepkins"). */
function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'name': {
      const word = /\p{Lu}\p{Ll}{3,}/gu;
      word.lastIndex = at;
      const found = word.exec(text) ?? /\p{Lu}\p{Ll}{3,}/u.exec(text);
      if (!found) return text;
      const i = found.index + 2;
      return text.slice(0, i) + m.letter + text.slice(i + 1);
    }
    case 'digit': {
      const digit = /\d/g;
      digit.lastIndex = at;
      const found = digit.exec(text);
      return found ? text.slice(0, found.index) + m.digit + text.slice(found.index + 1) : text;
    }
    case 'word': {
      timeWord.lastIndex = at;
      const found = timeWord.exec(text);
      return found ? text.slice(0, found.index) + m.word + text.slice(found.index + found[0].length) : text;
    }
  }
}

/** A seed (by index) with up to six mutations. */
const mutatedSeed = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { maxLength: 6 }),
});

const applyAll = (text: string, mutations: Mutation[]): string => mutations.reduce(mutate, text);

/** Each seed's analysis, made once for the hundreds of corpora the properties build. */
const seedAnalyses = seeds.map((text, i) => analyzeArticle({ id: ids[i]!, text }));

/**
 * A fresh corpus of `texts` (one per seed id): a seed's own text takes a copy of its analysis, as the
 * server adopts one from a worker or the cache (an edit in place changes the analysis a corpus holds,
 * so corpora never share one); any other text is analysed.
 */
function corpusOf(texts: readonly string[]): Corpus {
  const corpus = new Corpus();
  texts.forEach((text, i) => {
    if (text === seeds[i]) corpus.adopt(structuredClone(seedAnalyses[i]!));
    else corpus.upsert({ id: ids[i]!, text });
  });
  return corpus;
}

/** The seeds as one corpus. */
const seedCorpus = (): Corpus => corpusOf(seeds);

/** Why a span does not lie inside a text of this length, or undefined when it does. */
function outside(span: Span, length: number, what: string): string | undefined {
  const ok =
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    0 <= span.start &&
    span.start <= span.end &&
    span.end <= length;
  return ok ? undefined : `${what} ${span.start}-${span.end} outside 0-${length}`;
}

/** Every span a corpus gives for an article, checked against the texts of all articles. */
function spanErrors(corpus: Corpus, id: string): string[] {
  const length = (articleId: string): number => corpus.article(articleId)?.text.length ?? -1;
  const errors: (string | undefined)[] = [];
  for (const finding of corpus.findings(id)) {
    errors.push(outside(finding.span, length(finding.articleId), `${finding.ruleId} span`));
    for (const related of finding.related)
      errors.push(
        outside(related.location.span, length(related.location.articleId), `${finding.ruleId} related`),
      );
    for (const fix of finding.fixes)
      for (const edit of fix.edits)
        errors.push(outside(edit.span, length(edit.articleId), `${finding.ruleId} fix`));
  }
  for (const annotation of corpus.annotations(id))
    errors.push(outside(annotation.span, length(id), `${annotation.kind} annotation`));
  return errors.filter((e) => e !== undefined);
}

/** Where an offset is in a text, as the server publishes it: line and column. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length - 1}:${before.at(-1)!.length}`;
}

/**
 * An article's findings as the server publishes them: one per spot, positions as lines and columns
 * (an edit on another line moves offsets, not what is shown), evidence in the order given.
 */
function published(corpus: Corpus, texts: Map<string, string>, id: string): string[] {
  const at = (articleId: string, span: Span): string => {
    const text = texts.get(articleId) ?? '';
    return `${articleId}@${lineColumn(text, span.start)}-${lineColumn(text, span.end)}`;
  };
  return onePerSpot(corpus.findings(id)).map((f) =>
    JSON.stringify([
      f.ruleId,
      f.severity,
      at(id, f.span),
      f.message,
      f.related.map((r) => `${at(r.location.articleId, r.location.span)} ${r.message}`),
      f.fixes.map((fix) => [fix.title, fix.edits.map((e) => `${at(e.articleId, e.span)} ${e.newText}`)]),
    ]),
  );
}

/** Pages for the history property beside the seeds: one whose date prints no year, one that gives it a year. */
const yearless = 'Ministers meet\n\nRIVERTON, March 22 (Newswire) — Jane Roe met the ministers on Wednesday.\n';
const dated = 'Court rules\n\nMarch 19, 2018\n\nThe court ruled on Monday; Jane Roe will attend the summit.\n';
const historyTexts = [...seeds, yearless, dated];

/** One thing that happens to a file: written whole (a copy of a page), deleted, edited. */
type Change =
  | { kind: 'write'; slot: number; page: number }
  | { kind: 'remove'; slot: number }
  | { kind: 'edit'; slot: number; mutation: Mutation };

const slots = ['e.txt', 'a.txt', 'd.txt', 'b.txt', 'c.txt'];

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    slot: fc.nat({ max: slots.length - 1 }),
    page: fc.nat({ max: historyTexts.length - 1 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), slot: fc.nat({ max: slots.length - 1 }) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      slot: fc.nat({ max: slots.length - 1 }),
      mutation: fc.oneof(keystroke, mutation),
    }),
    weight: 3,
  },
);

describe('analysis properties', function () {
  this.timeout(20_000);

  it('never throws on random text, and every span lies inside its text', () => {
    const corpus = seedCorpus();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        corpus.upsert({ id: 'random', text });
        assert.deepEqual(spanErrors(corpus, 'random'), []);
        corpus.remove('random');
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on mutated articles, and every span of every article lies inside its text', () => {
    const corpus = seedCorpus();
    fc.assert(
      fc.property(mutatedSeed, ({ seed, mutations }) => {
        corpus.upsert({ id: ids[seed]!, text: applyAll(seeds[seed]!, mutations) });
        for (const id of ids) assert.deepEqual(spanErrors(corpus, id), [], id);
        corpus.upsert({ id: ids[seed]!, text: seeds[seed]! });
      }),
      { numRuns: 60 },
    );
  });

  it('applying an offered fix changes only the text in its edits, and its finding is gone', () => {
    fc.assert(
      fc.property(mutatedSeed, fc.nat(), fc.nat(), ({ seed, mutations }, pickFinding, pickFix) => {
        const corpus = seedCorpus();
        corpus.upsert({ id: ids[seed]!, text: applyAll(seeds[seed]!, mutations) });
        const fixable = ids.flatMap((id) => corpus.findings(id)).filter((f) => f.fixes.length > 0);
        if (fixable.length === 0) return;
        const finding = fixable[pickFinding % fixable.length]!;
        const fix = finding.fixes[pickFix % finding.fixes.length]!;
        const byArticle = new Map<string, { span: Span; newText: string }[]>();
        for (const edit of fix.edits)
          byArticle.set(edit.articleId, [...(byArticle.get(edit.articleId) ?? []), edit]);
        for (const [id, edits] of byArticle) {
          const before = corpus.article(id)!.text;
          const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
          // Edits of one fix never overlap, so applying them is well defined and touches nothing else.
          sorted.forEach((edit, i) =>
            assert.ok(i === 0 || sorted[i - 1]!.span.end <= edit.span.start, `${fix.title}: edits overlap`),
          );
          let after = '';
          let from = 0;
          for (const edit of sorted) {
            after += before.slice(from, edit.span.start) + edit.newText;
            from = edit.span.end;
          }
          after += before.slice(from);
          corpus.upsert({ id, text: after });
        }
        // The finding, where it now is: shifted by the edits before it in its article.
        const shift = (byArticle.get(finding.articleId) ?? [])
          .filter((edit) => edit.span.end <= finding.span.start)
          .reduce((n, edit) => n + edit.newText.length - (edit.span.end - edit.span.start), 0);
        const still = corpus
          .findings(finding.articleId)
          .find(
            (f: Finding) =>
              f.ruleId === finding.ruleId &&
              f.actual === finding.actual &&
              f.span.start === finding.span.start + shift,
          );
        assert.equal(still, undefined, `after “${fix.title}”: ${still?.message ?? ''}`);
      }),
      { numRuns: 50 },
    );
  });

  it('after any sequence of edits, incremental findings equal those of a fresh corpus', () => {
    const edit = fc.record({
      article: fc.nat({ max: seeds.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const incremental = seedCorpus();
        const texts = [...seeds];
        for (const { article, mutations } of edits) {
          texts[article] = applyAll(texts[article]!, mutations);
          incremental.upsert({ id: ids[article]!, text: texts[article]! });
          // Asking between edits fills the caches an incremental update must then invalidate.
          incremental.findings(ids[article]!);
        }
        const fresh = corpusOf(texts);
        for (const id of ids)
          assert.deepEqual(plainFindings(incremental.findings(id)), plainFindings(fresh.findings(id)), id);
      }),
      { numRuns: 30 },
    );
  });

  it('after any sequence of keystrokes within a line, incremental findings and dependents match a fresh corpus', () => {
    const edit = fc.record({ article: fc.nat({ max: seeds.length - 1 }), mutation: keystroke });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const incremental = seedCorpus();
        const texts = [...seeds];
        for (const id of ids) incremental.findings(id);
        for (const { article, mutation } of edits) {
          const before = ids.map((id) => JSON.stringify(plainFindings(incremental.findings(id))));
          texts[article] = mutate(texts[article]!, mutation);
          incremental.upsert({ id: ids[article]!, text: texts[article]! });
          const dependents = new Set(incremental.dependents(ids[article]!));
          // Every article whose findings changed is among the dependents the server re-publishes.
          ids.forEach((id, i) => {
            if (JSON.stringify(plainFindings(incremental.findings(id))) !== before[i])
              assert.ok(dependents.has(id), id);
          });
        }
        const fresh = corpusOf(texts);
        for (const id of ids)
          assert.deepEqual(plainFindings(incremental.findings(id)), plainFindings(fresh.findings(id)), id);
      }),
      { numRuns: 40 },
    );
  });

  it('after any history of files written, deleted and edited, what a server would have published equals a fresh corpus', () => {
    // The model of the live-server fuzz (live-fuzz.ts) without its timing: after each change the
    // server re-publishes the dependents' findings; at the end each article's last published list,
    // the corpus's own findings and a fresh corpus's (articles added in another order) must agree.
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 14 }), fc.boolean(), (changes, refresh) => {
        const corpus = new Corpus();
        const texts = new Map<string, string>();
        const lists = new Map<string, string[]>();
        for (const step of changes) {
          const id = slots[step.slot]!;
          const before = texts.get(id);
          if (step.kind === 'write') texts.set(id, historyTexts[step.page]!);
          else if (step.kind === 'remove') texts.delete(id);
          else if (before !== undefined) texts.set(id, mutate(before, step.mutation));
          const text = texts.get(id);
          if (text === undefined) corpus.remove(id);
          else corpus.upsert({ id, text });
          const dependents = corpus.dependents(id);
          // The server builds the index at once after edits; requests may come before or after.
          if (refresh) corpus.refresh();
          for (const other of new Set([id, ...dependents]))
            lists.set(other, texts.has(other) ? published(corpus, texts, other) : []);
        }
        const fresh = new Corpus();
        for (const id of [...texts.keys()].reverse()) fresh.upsert({ id, text: texts.get(id)! });
        for (const id of slots) {
          const expected = texts.has(id) ? published(fresh, texts, id) : [];
          assert.deepEqual(texts.has(id) ? published(corpus, texts, id) : [], expected, `${id}: the corpus`);
          assert.deepEqual(lists.get(id) ?? [], expected, `${id}: the list last published`);
        }
      }),
      { numRuns: 15 },
    );
  });
});
