/** The knowledge file as untrusted input: plain data only, and a size limit. */
import assert from 'node:assert/strict';
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
