import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseKnowledge } from '../../server/src/knowledge/parse-knowledge.js';
import { knowledgeSchema } from '../../server/src/knowledge/schema.js';

// Tests run from out/test/knowledge/; the repository root is three levels up.
const root = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Problems as compact strings: `line:column-endLine:endColumn message`, 0-based. */
function problemsOf(text: string): string[] {
  return parseKnowledge(text).problems.map(
    (p) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`,
  );
}

describe('parseKnowledge', () => {
  it('reads every section of a valid file, with origins', () => {
    const { knowledge, problems } = parseKnowledge(read('test/fixtures/knowledge/example.yaml'));
    assert.deepEqual(problems, []);
    assert.deepEqual(knowledge.entities[0], {
      name: 'Marta Lindqvist',
      type: 'person',
      aliases: ['M. Lindqvist'],
      roles: [
        {
          title: 'Foreign Minister',
          country: 'Norland',
          from: '2021-10',
          to: '2024-03-15',
          origin: { line: 7, column: 8 },
        },
        {
          title: 'Chair',
          organization: 'Baltic Ports Council',
          from: '2024',
          origin: { line: 11, column: 8 },
        },
      ],
      origin: { line: 3, column: 4 },
    });
    assert.deepEqual(knowledge.entities[1].origin, { line: 14, column: 4 });
    assert.deepEqual(knowledge.events, [
      {
        name: 'Harbour Summit',
        aliases: ['Port Summit'],
        place: 'Eastport',
        start: '2023-05-09',
        end: '2023-05-10',
        origin: { line: 21, column: 4 },
      },
    ]);
    assert.deepEqual(knowledge.acronyms, [
      { acronym: 'BPC', expansion: 'Baltic Ports Council', origin: { line: 27, column: 4 } },
    ]);
    assert.deepEqual(knowledge.distinct, [{ name: 'Lindqvest', origin: { line: 30, column: 4 } }]);
    assert.deepEqual(knowledge.rules, { 'role-conflict': 'information', 'weekday-mismatch': 'off' });
  });

  it('reads the map form of acronyms and flow collections', () => {
    const { knowledge, problems } = parseKnowledge(
      'acronyms:\n  RPP: Riverton Partnership Programme\ndistinct: [Hopkins] # own name\n',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(knowledge.acronyms, [
      {
        acronym: 'RPP',
        expansion: 'Riverton Partnership Programme',
        origin: { line: 1, column: 2 },
      },
    ]);
    assert.deepEqual(knowledge.distinct, [{ name: 'Hopkins', origin: { line: 2, column: 11 } }]);
  });

  it('gives empty knowledge and no problems for an empty or comment-only file', () => {
    for (const text of ['', '\n\n', '# nothing yet\n', '\uFEFF']) {
      assert.deepEqual(parseKnowledge(text), {
        knowledge: { entities: [], events: [], acronyms: [], distinct: [], ignore: [], rules: {} },
        problems: [],
      });
    }
  });

  it('reports a YAML syntax error where it is', () => {
    // The unclosed "[Lee" is reported where the "]" was due; the half-read list is still checked.
    assert.deepEqual(problemsOf('distinct:\n  - Hopkins\n  - [Lee\n'), [
      '2:4-2:8 `distinct[1]` must be a string.',
      '3:0-3:1 Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    assert.deepEqual(problemsOf('distinct:\n\t- Lee\n'), ['1:0-1:1 Tabs are not allowed as indentation']);
    // A value of the wrong type is reported once, not once more for each keyword it fails.
    assert.deepEqual(problemsOf('rules:\n  name-variant: off: on\n'), [
      '1:16-1:17 Nested mappings are not allowed in compact mappings',
      '1:16-1:23 `rules.name-variant` must be a string.',
    ]);
    assert.deepEqual(problemsOf('rules:\n  name-variant: warning\n  name-variant: off\n'), [
      '2:2-2:3 Map keys must be unique',
    ]);
  });

  it('reports a value of the wrong type on the value, and drops only that entry', () => {
    const text = [
      'entities:',
      '  - name: Marta Lindqvist',
      '    type: persn',
      '  - name: Baltic Ports Council',
      '    type: organization',
      '    aliases: BPC Council',
      '  - name: Eastport',
      '    type: place',
      'events:',
      '  - name: Harbour Summit',
      '    start: 2023-13-01',
    ].join('\n');
    assert.deepEqual(problemsOf(text), [
      '2:10-2:15 `entities[0].type` must be one of person, organization, place, event, programme.',
      '5:13-5:24 `entities[1].aliases` must be a list.',
      '10:11-10:21 `events[0].start` must be an ISO date: 2021, 2021-11 or 2021-11-01.',
    ]);
    const { knowledge } = parseKnowledge(text);
    assert.deepEqual(
      knowledge.entities.map((e) => e.name),
      ['Eastport'],
    );
    assert.deepEqual(knowledge.events, []);
  });

  it('drops an invalid role but keeps its entity', () => {
    const text =
      'entities:\n  - name: Lee\n    type: person\n    roles:\n      - title: Mayor\n        from: July\n';
    assert.deepEqual(problemsOf(text), [
      '5:14-5:18 `entities[0].roles[0].from` must be an ISO date: 2021, 2021-11 or 2021-11-01.',
    ]);
    assert.deepEqual(parseKnowledge(text).knowledge.entities, [
      { name: 'Lee', type: 'person', aliases: [], roles: [], origin: { line: 1, column: 4 } },
    ]);
  });

  it('marks a missing key on the first line of the entry and an unknown key on the key', () => {
    assert.deepEqual(problemsOf('entities:\n  - nmae: Lee\n    type: person\n'), [
      '1:4-1:13 `entities[0]` needs `name`.',
      '1:4-1:8 Unknown key `nmae` in `entities[0]`: expected name, type, aliases, roles.',
    ]);
    assert.deepEqual(problemsOf('entity: []\n'), [
      '0:0-0:6 Unknown key `entity`: expected entities, events, acronyms, distinct, ignore, rules.',
    ]);
  });

  it('reports an unknown rule id and keeps the known ones', () => {
    const text = 'rules:\n  name-varient: off\n  role-conflict: loud\n  weekday-mismatch: hint\n';
    assert.deepEqual(problemsOf(text), [
      '1:2-1:14 Unknown rule `name-varient`: rules are name-variant, acronym-expansion, dateline-conflict, weekday-mismatch, role-conflict.',
      '2:17-2:21 `rules.role-conflict` must be one of error, warning, information, hint, off.',
    ]);
    assert.deepEqual(parseKnowledge(text).knowledge.rules, { 'weekday-mismatch': 'hint' });
  });

  it('counts positions without the byte-order mark and across CRLF line breaks', () => {
    const text = '\uFEFFdistinct:\r\n  - Hopkins\r\n  - 42\r\nrules: x\r\n';
    assert.deepEqual(problemsOf(text), [
      '2:4-2:6 `distinct[1]` must be a string.',
      '3:7-3:8 `rules` must be a mapping.',
    ]);
    assert.deepEqual(parseKnowledge(text).knowledge.distinct, [
      { name: 'Hopkins', origin: { line: 1, column: 4 } },
    ]);
    assert.deepEqual(
      problemsOf('\uFEFFa: 1\r\n')[0],
      '0:0-0:1 Unknown key `a`: expected entities, events, acronyms, distinct, ignore, rules.',
    );
  });

  it('counts columns in UTF-16 code units', () => {
    assert.deepEqual(problemsOf('distinct: ["𝒜 Lee", 7]\n'), ['0:21-0:22 `distinct[1]` must be a string.']);
  });

  it('never throws on odd input', () => {
    for (const text of [
      '- a\n- b\n',
      '42',
      'a: *nope\n',
      '{',
      'x: &a [*a]\n',
      '---\na: 1\n---\nb: 2\n',
      ': :\n\t- x',
    ]) {
      const { knowledge, problems } = parseKnowledge(text);
      assert.ok(problems.length > 0, text);
      assert.deepEqual(knowledge.entities, []);
    }
  });

  it('ships schemas/dateline.schema.json equal to the schema the loader uses', () => {
    assert.deepEqual(JSON.parse(read('schemas/dateline.schema.json')), knowledgeSchema);
  });
});
