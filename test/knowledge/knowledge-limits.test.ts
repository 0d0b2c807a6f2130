/** The knowledge file as untrusted input: plain data only, and a size limit. */
import assert from 'node:assert/strict';
import { addDistinct } from '../../server/src/knowledge/edit-knowledge.js';
import {
  knowledgeLimitProblem,
  knowledgeMaxAliases,
  knowledgeMaxDepth,
} from '../../server/src/knowledge/knowledge-limits.js';
import { knowledgeMaxLength, parseKnowledge } from '../../server/src/knowledge/parse-knowledge.js';

describe('parseKnowledge on hostile input', () => {
  it('reads tags that would run code or build objects as plain strings, with a warning', () => {
    const { knowledge, problems } = parseKnowledge(
      'distinct:\n  - !!js/function "function () { process.exit(9) }"\n  - !!timestamp 2001-12-14\n',
    );
    assert.deepEqual(
      knowledge.distinct.map((d) => d.name),
      ['function () { process.exit(9) }', '2001-12-14'],
    );
    assert.deepEqual(
      problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.message.split(':')[0]}`),
      ['2:5 Unresolved tag', '3:5 Unresolved tag'],
    );
  });

  it('takes "<<" as an ordinary key, not a merge', () => {
    const { problems } = parseKnowledge('base: &b\n  name: X\nentities:\n  - <<: *b\n    type: person\n');
    assert.ok(
      problems.some((p) => /<<|additional|unknown|name/i.test(p.message)),
      JSON.stringify(problems),
    );
  });

  it('refuses a file over the size limit with one problem and no knowledge', () => {
    const text = `distinct:\n${'  - Some Name\n'.repeat(Math.ceil(knowledgeMaxLength / 14) + 1)}`;
    const { knowledge, problems } = parseKnowledge(text);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /over the limit of 1 million; not read$/);
    assert.deepEqual(knowledge.distinct, []);
  });
});

describe('knowledge-file limits, checked before parsing', () => {
  const limitOf = (text: string): string => knowledgeLimitProblem(text) ?? 'within the limits';

  it('refuses flow lists nested 1,000 and 50,000 deep with one problem, without parsing them', () => {
    for (const depth of [1_000, 50_000]) {
      const text = `distinct: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const { knowledge, problems } = parseKnowledge(text);
      assert.deepEqual(
        problems.map((p) => `${p.line}:${p.column} ${p.message}`),
        [
          `0:0 dateline.yaml nests ${depth + 1} levels deep, over the limit of ${knowledgeMaxDepth}; not read`,
        ],
      );
      assert.deepEqual(knowledge.distinct, []);
      assert.equal(addDistinct(text, 'Another Name'), undefined, 'never rewritten');
    }
  });

  it('counts block indentation and "- - -" markers as depth too', () => {
    const indented = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    assert.match(limitOf(indented), /^dateline.yaml nests 80 levels deep/);
    assert.match(limitOf(`distinct:\n  ${'- '.repeat(100)}x\n`), /^dateline.yaml nests 102 levels deep/);
  });

  it('refuses more aliases than the limit, however small the file', () => {
    const text = `a: &a x\nb: [${Array.from({ length: knowledgeMaxAliases + 1 }, () => '*a').join(', ')}]\n`;
    assert.equal(
      limitOf(text),
      `dateline.yaml has ${knowledgeMaxAliases + 1} aliases, over the limit of ${knowledgeMaxAliases}; not read`,
    );
  });

  it('does not count brackets, stars or indentation inside quotes and comments', () => {
    const text = [
      '# [[[[[[[[ *a *b *c',
      'distinct:',
      `  - "${'['.repeat(200)} *x"`,
      `  - '${'{'.repeat(200)}'`,
      `  - Plain name # ${'['.repeat(200)}`,
      '  - 5*3',
    ].join('\n');
    assert.equal(limitOf(text), 'within the limits');
    assert.equal(parseKnowledge(text).problems.length, 0);
  });

  it('reads an ordinary file, flow and block forms mixed, as before', () => {
    const text =
      'entities:\n  - name: Ada Example\n    type: person\n    roles:\n      - { title: Mayor, from: 2020 }\ndistinct: [Ada Exampel]\n';
    assert.equal(limitOf(text), 'within the limits');
    assert.deepEqual(parseKnowledge(text).problems, []);
  });
});
