import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addAcronym,
  addAlias,
  addDistinct,
  addIgnore,
  knowledgeFileHeader,
} from '../../server/src/knowledge/edit-knowledge.js';
import { parseKnowledge } from '../../server/src/knowledge/parse-knowledge.js';

const example = readFileSync(
  new URL('../../../test/fixtures/knowledge/example.yaml', import.meta.url),
  'utf8',
);

/** The new text, checked to parse without problems. */
function valid(text: string | undefined): string {
  assert.ok(text !== undefined, 'the edit was refused');
  assert.deepEqual(parseKnowledge(text).problems, []);
  return text;
}

/** The lines of `after` that are not in `before`, asserting that no line of `before` was lost or changed. */
function addedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of after.split('\n')) {
    if (i < old.length && line === old[i]) i++;
    else added.push(line);
  }
  assert.equal(i, old.length, `line ${i + 1} of the original was changed: ${JSON.stringify(old[i])}`);
  return added;
}

describe('editKnowledge', () => {
  it('adds an alias to an existing entity, keeping comments and layout', () => {
    const after = valid(addAlias(example, 'Baltic Ports Council', 'organization', 'Baltic Port Council'));
    assert.deepEqual(addedLines(example, after), ['      - Baltic Port Council']);
    assert.deepEqual(parseKnowledge(after).knowledge.entities[1].aliases, [
      'BPC Council',
      'Baltic Port Council',
    ]);
  });

  it('adds an alias to a flow list in place', () => {
    const after = valid(addAlias(example, 'Marta Lindqvist', 'person', 'Marta Lindkvist'));
    assert.match(after, /^ {4}aliases: \[M\. Lindqvist, Marta Lindkvist\]$/m);
    assert.match(after, /# the spelling the agency uses/);
    assert.match(after, /^# Events the articles date differently\.$/m);
  });

  it('creates the entity when the file has none of that name, and is idempotent', () => {
    const after = valid(addAlias(example, 'Eastport', 'place', 'East Port'));
    assert.deepEqual(addedLines(example, after), [
      '  - name: Eastport',
      '    type: place',
      '    aliases:',
      '      - East Port',
    ]);
    assert.equal(addAlias(after, 'Eastport', 'place', 'East Port'), after);
    assert.equal(addAlias(after, 'Eastport', 'place', 'Eastport'), after);
  });

  it('creates a new file with the header comment from empty or absent text', () => {
    for (const text of [undefined, '', '\n']) {
      const after = valid(addAlias(text, 'Marta Lindqvist', 'person', 'Marta Lindkvist'));
      assert.equal(
        after,
        `${knowledgeFileHeader}\nentities:\n  - name: Marta Lindqvist\n    type: person\n    aliases:\n      - Marta Lindkvist\n`,
      );
    }
    assert.equal(valid(addDistinct('', 'Lindqvest')), `${knowledgeFileHeader}\ndistinct:\n  - Lindqvest\n`);
  });

  it('records a finding to ignore in one article once, and the loader reads it back', () => {
    const smiht = { file: 'news/a b.txt', rule: 'name-variant', text: 'Smiht' };
    const once = valid(addIgnore('distinct: [Lindqvest]\n', smiht));
    assert.equal(
      once,
      'distinct: [Lindqvest]\nignore:\n  - file: news/a b.txt\n    rule: name-variant\n    text: Smiht\n',
    );
    assert.equal(addIgnore(once, smiht), once);
    assert.deepEqual(
      parseKnowledge(once).knowledge.ignore.map(({ file, rule, text }) => `${file} ${rule} ${text}`),
      ['news/a b.txt name-variant Smiht'],
    );
  });

  it('adds a distinct name once, creating the section after the others', () => {
    const after = valid(addDistinct(example, 'Lindkvist'));
    assert.deepEqual(addedLines(example, after), ['  - Lindkvist']);
    assert.equal(addDistinct(after, 'Lindkvist'), after);
    const created = valid(addDistinct('# mine\nrules:\n  name-variant: hint # quiet\n', 'Lee'));
    assert.equal(created, '# mine\nrules:\n  name-variant: hint # quiet\ndistinct:\n  - Lee\n');
    assert.equal(valid(addDistinct('distinct:\n', 'Lee')), 'distinct:\n  - Lee\n');
  });

  it('adds or replaces an acronym expansion in the list form', () => {
    const added = valid(addAcronym(example, 'NPA', 'Norland Port Authority'));
    assert.deepEqual(addedLines(example, added), [
      '  - acronym: NPA',
      '    expansion: Norland Port Authority',
    ]);
    assert.equal(addAcronym(example, 'BPC', 'Baltic Ports Council'), example);
    const replaced = valid(addAcronym(example, 'BPC', 'Baltic Port Commission'));
    assert.deepEqual(
      parseKnowledge(replaced).knowledge.acronyms.map((a) => a.expansion),
      ['Baltic Port Commission'],
    );
  });

  it('keeps the map form of acronyms', () => {
    const text = 'acronyms:\n  RPP: Riverton Partnership Programme # pinned\n';
    assert.equal(
      valid(addAcronym(text, 'TAQ4', 'Trans-Arctic Quad')),
      'acronyms:\n  RPP: Riverton Partnership Programme # pinned\n  TAQ4: Trans-Arctic Quad\n',
    );
  });

  it('keeps CRLF line breaks, the byte-order mark and unindented lists', () => {
    const text = '\uFEFF# mine\r\ndistinct:\r\n- Lee # a person\r\n';
    assert.equal(valid(addDistinct(text, 'Li')), '\uFEFF# mine\r\ndistinct:\r\n- Lee # a person\r\n- Li\r\n');
  });

  it('gives back the text as it was when the file already says it', () => {
    const text = 'distinct: [ Lee ]   # spaced\nentities:\n- name: Lee\n  type: person\n  aliases: [Li]\n';
    assert.equal(addDistinct(text, 'Lee'), text);
    assert.equal(addAlias(text, 'Lee', 'person', 'Li'), text);
    assert.equal(addAlias(text, 'Lee', 'person', 'Lee'), text);
  });

  it('quotes what YAML would misread', () => {
    const after = valid(addDistinct('distinct: []\n', 'Yes: no #1'));
    assert.deepEqual(
      parseKnowledge(after).knowledge.distinct.map((d) => d.name),
      ['Yes: no #1'],
    );
  });

  it('refuses to rewrite a file with YAML errors or an unexpected shape', () => {
    assert.equal(addDistinct('distinct: [Lee\n', 'Li'), undefined);
    assert.equal(addDistinct('- Lee\n', 'Li'), undefined);
    assert.equal(addDistinct('distinct: Lee\n', 'Li'), undefined);
    assert.equal(
      addAlias('entities:\n  - name: Lee\n    type: person\n    aliases: Li\n', 'Lee', 'person', 'Lie'),
      undefined,
    );
  });
});
