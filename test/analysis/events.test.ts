import assert from 'node:assert/strict';
import { annotateEvents } from '../../server/src/analysis/annotators/events.js';
import { buildTimeline } from '../../server/src/analysis/corpus/timeline.js';
import { analyzeArticle } from '../../server/src/analysis/index.js';
import { emptyKnowledge } from '../../server/src/analysis/knowledge-model.js';
import { parseText, sentencesOf } from '../../server/src/analysis/tokenize.js';
import type { DateMention, EntityMention } from '../../server/src/analysis/types.js';

/** Events as compact strings: `summit "EU summit" place=Belgium date=2025-06-26 future(“will”)`. */
function events(text: string, places: [string, string][] = [], dates: [string, string][] = []): string[] {
  const entities: EntityMention[] = places.map(([name, country]) => {
    const start = text.indexOf(name);
    return { type: 'place', text: name, span: { start, end: start + name.length }, country };
  });
  const dateMentions: DateMention[] = dates.map(([written, value]) => {
    const start = text.indexOf(written);
    return { text: written, span: { start, end: start + written.length }, value, relative: true, anchor: 'dateline', how: '' };
  });
  return annotateEvents(text, sentencesOf(parseText(text)), entities, dateMentions).map(
    (e) =>
      `${e.kind} "${e.text}"` +
      (e.place ? ` place=${e.place.country ?? e.place.name}` : '') +
      (e.date ? ` date=${e.date.value}` : '') +
      ` ${e.tense}${e.cue ? `(“${e.cue.text}”)` : ''}`,
  );
}

describe('events', () => {
  it('finds an upcoming summit with its place and date', () => {
    assert.deepEqual(
      events('Leaders will gather at the upcoming EU summit scheduled to start Thursday in Brussels.', [['Brussels', 'Belgium']], [['Thursday', '2025-06-26']]),
      ['summit "EU summit" place=Belgium date=2025-06-26 future(“scheduled”)'],
    );
  });

  it('reads the tense cue nearest the event', () => {
    assert.deepEqual(
      events('She will attend the Lima Summit, a year after ministers attended the Leaders Meeting.', [['Lima', 'Peru']]),
      ['summit "Lima Summit" place=Peru future(“will”)', 'meeting "Leaders Meeting" past(“attended”)'],
    );
  });

  it('takes a past verb as past and ignores "to visit" as a verb', () => {
    assert.deepEqual(events('The president made the announcement at the conference in Nairobi. He hopes to visit Lagos.', [['Nairobi', 'Kenya']]), [
      'conference "conference" place=Kenya past(“made”)',
    ]);
  });

  it('does not take a place the event is not in', () => {
    assert.deepEqual(events('Officials from Chile discussed the summit.', [['Chile', 'Chile']]), ['summit "summit" past(“discussed”)']);
  });
});

describe('the timeline', () => {
  it('lends no place of "last year\'s conference" to this year\'s conference named in the same article', () => {
    const text =
      "Water deal\n\nNovember 3, 2022\n\nA: Next Wednesday, the ninth, at the Riverton Water Conference.\n\nQ: Jane Roe said at last year's conference in Bergen that prices would fall.\n";
    const timeline = buildTimeline([analyzeArticle({ id: 'b.txt', text })], emptyKnowledge);
    assert.deepEqual(
      timeline.map((e) => `${e.name}: ${e.mentions.map((m) => m.text).join(', ')}`),
      ["conference in Norway: year's conference"],
    );
  });
});
