/**
 * Ways news writes a person's name beyond "First Last": a nickname in quotes, an abbreviated first
 * name, a generation's mark, a transcript's speaker label, a name in a paragraph that is not English;
 * and an office given to someone the corpus knows as something else.
 */
import assert from 'node:assert/strict';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';
import { nameKey } from '../../server/src/analysis/names.js';

const persons = (text: string): string[] =>
  analyzeArticle({ id: 'a', text: `Bridge opens after repairs\n\nMarch 3, 2020\n\n${text}\n` })
    .entities.filter((e) => e.type === 'person')
    .map((e) => e.text);

function corpusOf(articles: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [id, text] of Object.entries(articles)) corpus.upsert({ id, text });
  return corpus;
}

describe('name forms', () => {
  it('keeps a surname ending in "-ing" after a given name, "Sri" as a given name, and drops "Bapak", "Ibu" and "Pak"', () => {
    assert.deepEqual(
      persons('John Peter Kastelling said so. Sri Utami agreed, and Bapak Budi Roe and Ibu Maria Doe did not. Following Jane Roe, the crowd left.'),
      ['John Peter Kastelling', 'Sri Utami', 'Budi Roe', 'Maria Doe', 'Jane Roe'],
    );
    // "Pak" before a given name the article gives a person; "Pak Houay" opens a place's name.
    assert.deepEqual(persons('Jane Roe resigned. "Pak Jane asked to step aside," he said. The Pak Houay dam was built.'), ['Jane Roe', 'Jane']);
  });

  it('reads two-letter initials ("Ts.") as part of a name, and initials written out as the same person, no slip', () => {
    assert.deepEqual(persons('Prime Minister Ts. Doe said so. Finance Minister Ch. Roe agreed.'), ['Ts. Doe', 'Ch. Roe']);
    const corpus = corpusOf({
      'a.txt': 'Mine deal\n\nMay 3, 2021\n\nPrime Minister Ts. Doe said the deal was fair. P.V. Roe agreed.\n',
      'b.txt': 'Mine deal\n\nMay 4, 2021\n\nTs. Doe told parliament the mine would pay. P.V. Roe said so too.\n',
      'c.txt': 'Mine deal\n\nMay 5, 2021\n\nPrime Minister Tserendorj Doe met Pavan Vijay Roe. Doe said talks go on.\n',
      'd.txt': 'Mine deal\n\nMay 6, 2021\n\nPrime Minister Ts. Deo visited the mine.\n',
    });
    const people = corpus.clusters().filter((c) => c.type === 'person').map((c) => c.canonical).sort();
    assert.deepEqual(people, ['P.V. Roe', 'Ts. Doe']);
    const said = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].flatMap((id) => corpus.findings(id).filter((f) => f.ruleId === 'name-variant').map((f) => `${id} ${f.severity} ${f.actual}`));
    assert.deepEqual(said, ['d.txt warning Deo']);
  });

  it('takes a slip of a surname two people of the article share for the one named last before it, and a plural for none', () => {
    const corpus = corpusOf({
      'a.txt': 'Panel named\n\nMay 3, 2021\n\nJustice Jane Okafor sat with Justice Ola Hansen. Police chief John Okafor spoke.\n',
      'b.txt': 'Panel sits\n\nMay 4, 2021\n\nJustice Jane Okafor opened the hearing. John Okafor kept order.\n',
      'c.txt': 'Panel rules\n\nMay 5, 2021\n\nJustice Jane Okafor and Justice Ola Hansen ruled. Justice Okfaor read it. The police chief John Okafor watched.\n',
      'd.txt': 'Panel rules\n\nMay 6, 2021\n\nJustice Jane Okafor and police chief John Okafor spoke; the two Okafors are not related.\n',
    });
    const said = ['c.txt', 'd.txt'].flatMap((id) =>
      corpus.findings(id).filter((f) => f.ruleId === 'name-variant').map((f) => `${id} ${f.severity} ${f.actual} → ${f.fixes[0]?.edits[0]?.newText}`),
    );
    assert.deepEqual(said, ['c.txt warning Okfaor → Okafor']);
  });

  it('takes a given name the corpus writes for another person for a way of writing it, not a slip', () => {
    const page = (day: number, body: string): string => `Canal talks\n\nMay ${day}, 2024\n\n${body}\n`;
    const said = (third: string): string[] => {
      const corpus = corpusOf({
        'a.txt': page(2, 'Canal chief Jon Roe met shippers. Roe said fees would stay.'),
        'b.txt': page(3, 'Canal chief Jon Roe met shippers again. Roe said so.'),
        'c.txt': page(4, third),
      });
      return corpus.findings('c.txt').filter((f) => f.ruleId === 'name-variant').map((f) => `${f.severity} ${f.actual}`);
    };
    assert.deepEqual(said('Canal chief John Roe spoke. Roe left.'), ['warning John']);
    assert.deepEqual(said('Canal chief John Roe spoke. Roe left. Port head John Doe agreed.'), ['hint John']);
  });

  it('reads "MEP" as a title, and finds a slip in a hyphenated double surname written alone', () => {
    assert.deepEqual(persons('The Dutch MEP Pieter de Roe chaired the hearing.'), ['Pieter de Roe']);
    const corpus = corpusOf({
      'a.txt': 'Farm plan\n\nMay 3, 2021\n\nKari Nordmann-Berg opened the talks. Nordmann-Berg said so.\n',
      'b.txt': 'Farm plan\n\nMay 4, 2021\n\nKari Nordmann-Berg met the farmers.\n',
      'c.txt': 'Farm plan\n\nMay 5, 2021\n\nThe board chose Nordman-Berg to lead it.\n',
    });
    const said = corpus.findings('c.txt').filter((f) => f.ruleId === 'name-variant').map((f) => `${f.severity} ${f.actual} → ${f.fixes[0]?.edits[0]?.newText}`);
    assert.deepEqual(said, ['warning Nordman → Nordmann']);
  });

  it('finds a slip in a longer name written once, against the shorter name several articles write', () => {
    const corpus = corpusOf({
      'a.txt': 'Farm plan\n\nMay 3, 2021\n\nMinister Kari Nordmann opened the talks. Nordmann said so.\n',
      'b.txt': 'Farm plan\n\nMay 4, 2021\n\nKari Nordmann met the farmers.\n',
      'c.txt': 'Farm plan\n\nMay 5, 2021\n\nKari Nordmann spoke again, and Nordmann left.\n',
      'd.txt': 'Farm plan\n\nMay 6, 2021\n\nThe minister, Kari Anne Nordmnan, said farmers would be paid.\n',
    });
    const said = corpus.findings('d.txt').filter((f) => f.ruleId === 'name-variant').map((f) => `${f.severity} ${f.actual} → ${f.fixes[0]?.edits[0]?.newText}`);
    assert.deepEqual(said, ['warning Nordmnan → Nordmann']);
  });

  it('takes a name written longer and shorter, and an outlet\'s romanisation of every word, for one person, and the habit for no slip', () => {
    const corpus = corpusOf({
      'a.txt': 'Crisis deepens\n\nMay 3, 2022\n\nPresident Kari Westby said the talks would go on.\n',
      'b.txt': 'Crisis deepens\n\nMay 4, 2022\n\nPresident Kari Westby met the lenders.\n',
      'c.txt': 'Crisis deepens\n\nMay 5, 2022\n\nPresident Kari Anne Westby, born Tora Kari Anne Westby, left the country.\n',
      'd.txt': 'Crisis deepens\n\nMay 6, 2022\n\nPresident Kary Vestby flew out on Tuesday.\n',
      'e.txt': 'Crisis deepens\n\nMay 7, 2022\n\nKary Vestby resigned by email.\n',
    });
    const people = corpus.clusters().filter((c) => c.type === 'person');
    assert.equal(people.length, 1, people.map((c) => c.canonical).join(', '));
    const said = ['c.txt', 'd.txt', 'e.txt'].flatMap((id) => corpus.findings(id).filter((f) => f.severity === 'warning').map((f) => `${id} ${f.ruleId} ${f.actual}`));
    assert.deepEqual(said, []);
  });

  it('keeps a nickname in quotes inside the name, and out of its key', () => {
    assert.deepEqual(persons('Mayor Jane “JJ” Roe opened the bridge on Monday.'), ['Jane “JJ” Roe']);
    assert.equal(nameKey('Jane “JJ” Roe'), nameKey('Jane Roe'));
    // A quotation after a name, followed by no name, is no nickname.
    const names = persons('The plan of Jane Roe “Madness” and left.');
    assert.ok(names.includes('Jane Roe') && !names.some((n) => n.includes('“')), names.join(', '));
  });

  it('reads an abbreviated first name and a generation’s mark as parts of the name', () => {
    assert.deepEqual(persons('Undersecretary Ma. Clara Roe said the team would go.'), ['Ma. Clara Roe']);
    assert.deepEqual(persons('Senator John Roe III said the bill would pass.'), ['John Roe III']);
  });

  it('joins a surname alone to the full name that ends in a generation’s mark', () => {
    const corpus = corpusOf({
      'a.txt': 'Bridge opens\n\nMarch 3, 2020\n\nJohn Roe Jr. opened the bridge. Roe said it was safe.\n',
    });
    const roe = corpus.clusters().filter((c) => c.type === 'person');
    assert.equal(roe.length, 1);
    assert.equal(roe[0]!.mentions.length, 2);
  });

  it('takes a transcript’s speaker label for a person the article names, and “Q:” for no one', () => {
    const names = persons('The mayor, Jane Roe, spoke to us.\n\nQ: Is the bridge safe?\n\nROE: It is safe.');
    assert.ok(names.includes('ROE') && !names.includes('Q'), names.join(', '));
  });

  it('keeps a person named by a listed first name in a paragraph that is not English', () => {
    const text =
      'Sinabi ni Maria Roe na ang tulay ay ligtas na ngayon at bukas na ito sa lahat ng mga tao sa bayan. ' +
      'Ayon sa kanya, ang mga inhinyero ay nagtrabaho nang mabuti at ang tulay ay matibay na para sa mga sasakyan ng bayan.';
    assert.deepEqual(persons(text), ['Maria Roe']);
  });

  it('finds a slip in a name written in a paragraph that is not English, against the other articles', () => {
    const english = (day: number): string =>
      `Bridge reopens\n\nMarch ${day}, 2020\n\nThe mayor, Jane Roe, said the bridge was safe. Roe said traffic would resume on Monday.\n`;
    const french =
      'Le pont rouvre\n\n5 mars 2020\n\nSelon Jnae Roe, le pont est maintenant sûr et la circulation reprendra lundi. ' +
      'Les ingénieurs ont travaillé pendant des semaines pour que le pont soit prêt pour les voitures et les camions de la ville.\n';
    const corpus = corpusOf({ 'a.txt': english(2), 'b.txt': english(3), 'c.txt': french });
    const found = corpus.findings('c.txt').filter((f) => f.ruleId === 'name-variant');
    assert.deepEqual(found.map((f) => [f.actual, f.expected[0]]), [['Jnae', 'Jane']]);
  });
});

describe('an office given to someone known as something else', () => {
  const judged = (day: number, text: string): string =>
    `Court news\n\nMarch ${day}, 2020\n\n${text}\n`;
  const base = {
    'a.txt': judged(2, 'Judge Jane Roe adjourned the hearing on the bridge contract until Friday.'),
    'b.txt': judged(4, 'Judge Jane Roe heard the contractors on Thursday and reserved her ruling.'),
  };

  it('warns when one article alone gives the person an office of another kind', () => {
    const corpus = corpusOf({
      ...base,
      'c.txt': judged(5, 'Governor Jane Roe said the state would pay for the repairs.'),
    });
    const found = corpus.findings('c.txt').filter((f) => f.ruleId === 'role-conflict');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /Jane Roe is called Governor here, but 2 other articles call Jane Roe Judge/u);
    assert.equal(found[0]!.related.length, 2);
  });

  it('stays silent where the article reports a change of office', () => {
    const corpus = corpusOf({
      ...base,
      'c.txt': judged(5, 'Governor Jane Roe, appointed on Thursday, said the state would pay for the repairs.'),
    });
    assert.deepEqual(corpus.findings('c.txt').filter((f) => f.ruleId === 'role-conflict'), []);
  });

  it('says nothing of titles that may head any body', () => {
    const corpus = corpusOf({
      ...base,
      'c.txt': judged(5, 'President Jane Roe said the court would sit again on Monday.'),
    });
    assert.deepEqual(corpus.findings('c.txt').filter((f) => f.ruleId === 'role-conflict'), []);
  });
});

describe('lesser offices', () => {
  it('reads “executive vice president” as its own office, never the president’s', () => {
    const page = (day: number, text: string): string => `Harbour news\n\nMarch ${day}, 2020\n\n${text}\n`;
    const corpus = corpusOf({
      'a.txt': page(2, 'Harbour Holding president John Doe said the cranes would be replaced.'),
      'b.txt': page(3, 'Harbour Holding president John Doe met the union on Tuesday.'),
      'c.txt': page(4, 'A statement signed by executive vice president Jane Roe said the work would start soon.'),
    });
    const roe = analyzeArticle({ id: 'c', text: page(4, 'A statement signed by executive vice president Jane Roe said so.') })
      .entities.find((e) => e.text === 'Jane Roe');
    assert.equal(roe?.role?.title, 'Executive Vice President');
    assert.deepEqual(corpus.findings('c.txt').filter((f) => f.ruleId === 'role-conflict'), []);
  });
});
