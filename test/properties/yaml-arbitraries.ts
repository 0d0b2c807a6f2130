/**
 * Hostile knowledge files for fast-check: nested, indented, aliased, huge and malformed YAML. Shared
 * by the knowledge-file property and the live-server fuzz run.
 */
import fc from 'fast-check';

/** Flow lists and maps nested `depth` deep: "[[[…]]]", "{a: {a: …}}". */
export const nested = fc
  .record({ depth: fc.integer({ min: 1, max: 60_000 }), map: fc.boolean() })
  .map(({ depth, map }) =>
    map
      ? `distinct: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}\n`
      : `distinct: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  );

/** Block mappings indented one level per line. */
export const indented = fc
  .integer({ min: 1, max: 3_000 })
  .map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n');

/** A billion laughs: each anchor a list of aliases of the one before. */
export const aliased = fc
  .record({ levels: fc.integer({ min: 1, max: 12 }), width: fc.integer({ min: 1, max: 12 }) })
  .map(({ levels, width }) => {
    const lines = ['a0: &a0 [lol]'];
    for (let i = 1; i <= levels; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
    return `${lines.join('\n')}\ndistinct: *a${levels}\n`;
  });

/** Long files: many entries, or one long line, up to 5 MB. */
export const huge = fc
  .record({ size: fc.integer({ min: 1_000, max: 5_000_000 }), line: fc.boolean() })
  .map(({ size, line }) =>
    line
      ? `distinct: [${'x'.repeat(size)}]\n`
      : `distinct:\n${'  - Some Name\n'.repeat(Math.ceil(size / 14))}`,
  );

/** Text made of YAML's own punctuation, quotes, tabs and Unicode, in any order. */
export const malformed = fc
  .array(
    fc.constantFrom(
      '[',
      ']',
      '{',
      '}',
      '&a ',
      '*a',
      '- ',
      ': ',
      '? ',
      '"',
      "'",
      '#',
      '\n',
      '\t',
      '  ',
      '!!',
      '|',
      '>',
      '%YAML 1.2\n',
      '---\n',
      '\uFEFF',
      '😀',
      'entities:',
      'distinct:',
      'name: ',
      '\r',
    ),
    { maxLength: 400 },
  )
  .map((parts) => parts.join(''));
