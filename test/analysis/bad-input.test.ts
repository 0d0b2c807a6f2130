/** The analysis on input it was not written for: other languages, and a 5 MB article on one line. */
import assert from 'node:assert/strict';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';

/** Entities as compact strings: `person "Olaf Scholz"`. */
const entitiesOf = (text: string): string[] =>
  analyzeArticle({ id: 'a', text }).entities.filter((e) => !e.tentative).map(
    (e) => `${e.type} ${JSON.stringify(text.slice(e.span.start, e.span.end))}`,
  );

describe('analysis on bad input', () => {
  it('finds no names in German, where every noun has a capital; the gazetteer’s places stay', () => {
    const german =
      'Regierung beschließt neues Gesetz\nBERLIN, 3. März 2024\n' +
      'Die Bundesregierung hat am Montag ein neues Gesetz zur Förderung der Energiewende beschlossen. ' +
      'Die Opposition kritisierte den Entwurf als unzureichend. Viele Bürger und Unternehmen warten auf ' +
      'Klarheit über die Kosten. Der Minister für Wirtschaft erklärte, dass die Förderung im nächsten Jahr beginnen werde.\n';
    assert.deepEqual(entitiesOf(german), ['place "BERLIN"']);
    // Its capitalised phrases are at most tentative names, which no other article confirms.
    const corpus = new Corpus();
    corpus.upsert({ id: 'a', text: german });
    assert.deepEqual(corpus.clusters().filter((c) => c.type === 'person'), []);
  });

  it('does not crash on Japanese or Arabic, and finds no names in them', () => {
    const japanese =
      '政府が新しい法律を可決\n東京、2024年3月3日\n政府は月曜日、エネルギー転換を促進する新しい法律を可決した。岸田文雄首相は、措置は必要だと述べた。\n';
    const arabic =
      'الحكومة تقر قانونا جديدا\nالقاهرة، 3 مارس 2024\nأقرت الحكومة يوم الاثنين قانونا جديدا لتعزيز التحول في مجال الطاقة. وقال رئيس الوزراء إن الإجراءات ضرورية.\n';
    assert.deepEqual(entitiesOf(japanese), []);
    assert.deepEqual(entitiesOf(arabic), []);
  });

  it('still finds names in a short English text, whatever its share of function words', () => {
    assert.deepEqual(entitiesOf('Prime Minister Lars Halvorsen met UN leaders.\n').slice(0, 1), [
      'person "Lars Halvorsen"',
    ]);
  });

  it('analyses a 1 MB article on a single line, with its names at exact offsets', function () {
    this.timeout(60_000);
    const article = [
      'Riverton harbour works to start in spring',
      'RIVERTON, March 4, 2031',
      'The Riverton Port Authority (RPA) said on Tuesday that work on the new quay would begin in April, after two years of delays.',
      'Its director, Lars Halvorsen, told reporters in Riverton that the contract had been signed with Harbour Holding on March 2.',
      '"We have waited long enough," Halvorsen said, adding that the RPA expected the first ships by the end of 2032.',
      "Jane Roe, Utopia's minister of transport, welcomed the decision and said the government would pay a third of the cost.",
      'The council of Riverton will vote on the remaining funds next Monday.',
    ].join('\n');
    const line = article.replace(/\s+/g, ' ');
    const text = line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
    const corpus = new Corpus();
    corpus.upsert({ id: 'huge', text });
    const annotations = corpus.annotations('huge');
    corpus.findings('huge');
    // Parsed in pieces, the line keeps every name the article has, at exact offsets: both of each
    // copy's mentions of Halvorsen ("Lars Halvorsen", "Halvorsen said").
    const halvorsen = annotations.filter(
      (a) => a.kind === 'entity' && text.slice(a.span.start, a.span.end).endsWith('Halvorsen'),
    );
    const copies = Math.floor(1_000_000 / line.length);
    assert.ok(halvorsen.length >= 2 * copies, `${halvorsen.length} of ${2 * copies}`);
  });
});
