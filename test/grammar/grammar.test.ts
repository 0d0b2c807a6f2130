/**
 * The TextMate grammar (syntaxes/article.tmLanguage.json), without VS Code: every regex must compile as a
 * JavaScript RegExp (so it stays within the syntax Oniguruma and JavaScript share), and a small line
 * tokenizer that follows TextMate's rules (earliest match wins, then rule order; begin/end; captures) shows
 * which text each scope covers. vscode-textmate + vscode-oniguruma would be the real engine; they are
 * not dependencies, and the shared syntax subset makes this one a fair stand-in for single lines.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const grammarPath = join(root, 'syntaxes', 'article.tmLanguage.json');

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  name?: string;
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;

/** Every regex source in the grammar with where it sits, e.g. `repository.dates.patterns[1].match`. */
function regexSources(rule: Rule | Grammar, where: string): [string, string][] {
  const found: [string, string][] = [];
  const r = rule as Rule;
  for (const key of ['match', 'begin', 'end'] as const)
    if (r[key] !== undefined) found.push([`${where}.${key}`, r[key]]);
  for (const [i, child] of (r.patterns ?? []).entries())
    found.push(...regexSources(child, `${where}.patterns[${i}]`));
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const [n, capture] of Object.entries(r[key] ?? {})) {
      for (const [i, child] of (capture.patterns ?? []).entries()) {
        found.push(...regexSources(child, `${where}.${key}.${n}.patterns[${i}]`));
      }
    }
  }
  return found;
}

const regexCache = new Map<string, RegExp>();
/** The JavaScript RegExp for a grammar regex: global for lastIndex scanning, `d` for capture offsets. */
function toRegExp(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) regexCache.set(source, (re = new RegExp(source, 'gd')));
  return re;
}

/** One scope over one stretch of a line: `scope "text"`. */
type Span = string;

/** The rules a pattern list stands for, with `include: '#name'` expanded. */
function expand(patterns: Rule[]): Rule[] {
  return patterns.flatMap((p) => {
    if (p.include === undefined) return [p];
    const target = grammar.repository[p.include.replace(/^#/, '')];
    assert.ok(target, `unknown include ${p.include}`);
    return target.patterns ? expand(target.patterns) : [target];
  });
}

function execAt(source: string, line: string, from: number): RegExpExecArray | null {
  const re = toRegExp(source);
  re.lastIndex = from;
  return re.exec(line);
}

function emitCaptures(
  line: string,
  m: RegExpExecArray,
  captures: Record<string, Capture> | undefined,
  out: Span[],
) {
  for (const [n, capture] of Object.entries(captures ?? {})) {
    const range = m.indices?.[Number(n)];
    if (!range) continue;
    if (capture.name) out.push(`${capture.name} "${line.slice(range[0], range[1])}"`);
    if (capture.patterns) scan(line.slice(0, range[1]), range[0], expand(capture.patterns), undefined, out);
  }
}

/** Tokenizes `line` from `pos` with `patterns` until `end` matches (or the line ends); returns where it stopped. */
function scan(line: string, pos: number, patterns: Rule[], end: Rule | undefined, out: Span[]): number {
  while (pos <= line.length) {
    let best: { rule: Rule | undefined; m: RegExpExecArray } | undefined;
    // TextMate tries the end pattern first, so it wins a tie with the nested patterns.
    const endMatch = end?.end !== undefined ? execAt(end.end, line, pos) : null;
    if (endMatch) best = { rule: undefined, m: endMatch };
    for (const rule of patterns) {
      const m = execAt((rule.match ?? rule.begin)!, line, pos);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) return line.length;
    const { rule, m } = best;
    const after = m.index + m[0].length;
    if (!rule) {
      emitCaptures(line, m, end?.endCaptures ?? end?.captures, out);
      return after;
    }
    if (rule.match !== undefined) {
      if (rule.name) out.push(`${rule.name} "${m[0]}"`);
      emitCaptures(line, m, rule.captures, out);
      pos = after > pos ? after : pos + 1;
      continue;
    }
    const inner: Span[] = [];
    emitCaptures(line, m, rule.beginCaptures ?? rule.captures, inner);
    const stop = scan(line, after, expand(rule.patterns ?? []), rule, inner);
    if (rule.name) out.push(`${rule.name} "${line.slice(m.index, stop)}"`);
    out.push(...inner);
    pos = stop > pos ? stop : pos + 1;
  }
  return line.length;
}

/** The spans of one line, outermost first, each `scope "text"`; `.article` suffixes dropped for brevity. */
function tokenize(line: string): string[] {
  const out: Span[] = [];
  scan(line, 0, expand(grammar.patterns), undefined, out);
  return out.map((s) => s.replace('.article "', ' "'));
}

describe('article grammar', () => {
  it('is the text.article grammar the manifest points at', () => {
    assert.equal(grammar.scopeName, 'text.article');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; language: string }[] };
    };
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === 'text.article');
    assert.ok(entry);
    assert.equal(join(root, entry.path), grammarPath);
    assert.equal(entry.language, 'article');
  });

  const sources = regexSources(grammar, 'patterns').concat(
    ...Object.entries(grammar.repository).map(([name, rule]) => regexSources(rule, `repository.${name}`)),
  );

  it('has regexes', () => assert.ok(sources.length > 10, `${sources.length} regexes`));

  for (const [where, source] of sources) {
    it(`${where} compiles in JavaScript and avoids Oniguruma-only syntax`, () => {
      assert.doesNotThrow(() => new RegExp(source), where);
      // (?i) flags, \h \A \Z \G \x{…} \p{…}, atomic groups and possessive quantifiers mean different things or nothing in JS.
      assert.doesNotMatch(source, /\(\?[imx-]+[):]|\\[hAZzG]|\\x\{|\\p\{|\(\?>|[*+?}]\+/, where);
    });
  }

  it('resolves every include', () => {
    const includes = JSON.stringify(grammar).match(/"include":"#[^"]+"/g) ?? [];
    for (const include of includes) {
      const name = include.slice('"include":"#'.length, -1);
      assert.ok(grammar.repository[name], include);
    }
  });

  const cases: [string, string[]][] = [
    // Dates
    ['The summit opened on July 10, 2024 in Washington.', ['constant.numeric.date "July 10, 2024"']],
    [
      'Talks resumed on 10 July 2024 and again on 5th of May.',
      ['constant.numeric.date "10 July 2024"', 'constant.numeric.date "5th of May"'],
    ],
    [
      'It was agreed in July 2024, signed on Jan. 5 and reviewed in mid-September.',
      [
        'constant.numeric.date "July 2024"',
        'constant.numeric.date "Jan. 5"',
        'constant.numeric.date.month "September"',
      ],
    ],
    [
      'Filed 2031-03-04T08:40:00+01:00, updated 2031-03-05.',
      ['constant.numeric.date.iso "2031-03-04T08:40:00+01:00"', 'constant.numeric.date.iso "2031-03-05"'],
    ],
    [
      'Since 1949 and through the 1990s, not 2,024 troops or $2024 or 2024.5 or 2150.',
      ['constant.numeric.date.year "1949"', 'constant.numeric.date.year "1990s"'],
    ],
    [
      'Tanaka will meet Halvorsen on Thursday at 9 a.m. and leave at 14:00 GMT.',
      [
        'constant.numeric.date.weekday "Thursday"',
        'constant.numeric.date.time "9 a.m."',
        'constant.numeric.date.time "14:00 GMT"',
        'constant.language.timezone "GMT"',
      ],
    ],
    ['Theresa May said so.', []],
    ['He marched 16 areas of cooperation, 9.5 C at most.', []],
    // Acronyms
    [
      'Japan and NATO agreed on the ITPP, the G7 and IP4 welcomed it.',
      [
        'entity.name.tag.acronym "NATO"',
        'entity.name.tag.acronym "ITPP"',
        'entity.name.tag.acronym "G7"',
        'entity.name.tag.acronym "IP4"',
      ],
    ],
    [
      'NGOs and NATO’s allies, not World War II or I or ORGANIZATION or Japan.',
      ['entity.name.tag.acronym "NGO"', 'entity.name.tag.acronym "NATO"'],
    ],
    // Quotations
    [
      '“We will cooperate with NATO from July,” he said.',
      [
        'string.quoted.double "“We will cooperate with NATO from July,”"',
        'punctuation.definition.string.begin "“"',
        'entity.name.tag.acronym "NATO"',
        'constant.numeric.date.month "July"',
        'punctuation.definition.string.end "”"',
      ],
    ],
    [
      'He said "no comment" and left, 12" of snow.',
      [
        'string.quoted.double ""no comment""',
        'punctuation.definition.string.begin """',
        'punctuation.definition.string.end """',
      ],
    ],
    // An unbalanced mark scopes itself only: the rest of the paragraph keeps its own colours.
    ['“A quotation that goes on into the next paragraph', ['punctuation.definition.string.unclosed "“"']],
    [
      'The minister said “we will sign in July and NATO agrees. Talks ended on Friday.',
      [
        'punctuation.definition.string.unclosed "“"',
        'constant.numeric.date.month "July"',
        'entity.name.tag.acronym "NATO"',
        'constant.numeric.date.weekday "Friday"',
      ],
    ],
    [
      'She said "maybe in June, and left before 9 a.m.',
      [
        'punctuation.definition.string.unclosed """',
        'constant.numeric.date.month "June"',
        'constant.numeric.date.time "9 a.m."',
      ],
    ],
    [
      '“Yes,” he said, and then “no more until March.',
      [
        'string.quoted.double "“Yes,”"',
        'punctuation.definition.string.begin "“"',
        'punctuation.definition.string.end "”"',
        'punctuation.definition.string.unclosed "“"',
        'constant.numeric.date.month "March"',
      ],
    ],
    // Datelines
    [
      '12:35 JST, July 10, 2024',
      [
        'meta.dateline "12:35 JST, July 10, 2024"',
        'constant.numeric.date.time "12:35 JST"',
        'constant.language.timezone "JST"',
        'constant.numeric.date "July 10, 2024"',
      ],
    ],
    [
      'Sunday, May 5, 2024',
      [
        'meta.dateline "Sunday, May 5, 2024"',
        'constant.numeric.date.weekday "Sunday"',
        'constant.numeric.date "May 5, 2024"',
      ],
    ],
    [
      'Updated: 2024-07-10 09:00',
      [
        'meta.dateline "Updated: 2024-07-10 09:00"',
        'constant.numeric.date.iso "2024-07-10"',
        'constant.numeric.date.time "09:00"',
      ],
    ],
    [
      'VILNIUS, Lithuania, July 11 (Reuters) — NATO leaders met.',
      [
        'meta.dateline "VILNIUS, Lithuania, July 11 (Reuters) —"',
        'entity.name.section.dateline "VILNIUS"',
        'constant.numeric.date "July 11"',
        'entity.other.attribute-name.agency "(Reuters)"',
        'punctuation.separator.dateline "—"',
        'entity.name.tag.acronym "NATO"',
      ],
    ],
    [
      'NEW YORK (AP) - Stocks rose.',
      [
        'meta.dateline "NEW YORK (AP) -"',
        'entity.name.section.dateline "NEW YORK"',
        'entity.other.attribute-name.agency "(AP)"',
        'punctuation.separator.dateline "-"',
      ],
    ],
    ['Utopia, NATO Set Up Confidential Info Sharing Line', ['entity.name.tag.acronym "NATO"']],
    ['10 people died in July', ['constant.numeric.date.month "July"']],
    // Page furniture markers
    ['Leave a Reply', ['comment.line.furniture "Leave a Reply"']],
    ['-', ['comment.line.separator.furniture "-"']],
    ['JN ACCESS RANKING', ['comment.line.label.furniture "JN ACCESS RANKING"']],
    ['Top photo: US Navy', ['comment.line.furniture "Top photo: US Navy"']],
    // Links
    [
      'See https://www.nato.int/cps/en/natohq/topics_50336.htm. Or www.example.org, or press@example.co.jp.',
      [
        'markup.underline.link "https://www.nato.int/cps/en/natohq/topics_50336.htm"',
        'markup.underline.link "www.example.org"',
        'markup.underline.link.email "press@example.co.jp"',
      ],
    ],
    [
      '(https://example.org/2024/07/10/nato)',
      ['markup.underline.link "https://example.org/2024/07/10/nato"'],
    ],
  ];

  for (const [line, expected] of cases) {
    it(`tokenizes ${JSON.stringify(line)}`, () => assert.deepEqual(tokenize(line), expected));
  }

  // No clock here: a pattern that backtracks without end fails by mocha's timeout, and how long the
  // grammar takes is not this test's business.
  it('tokenizes every seed line, each token a piece of its line', () => {
    const seeds = join(root, 'seeds');
    let lines = 0;
    let tokens = 0;
    for (const file of readdirSync(seeds).filter((name) => name.endsWith('.txt'))) {
      for (const line of readFileSync(join(seeds, file), 'utf8').split(/\r?\n/)) {
        for (const token of tokenize(line)) {
          const text = token.slice(token.indexOf(' "') + 2, -1);
          assert.ok(line.includes(text), `${token} in ${line}`);
          tokens++;
        }
        lines++;
      }
    }
    assert.ok(lines > 10 && tokens > 10, `${lines} lines, ${tokens} tokens`);
  });
});
