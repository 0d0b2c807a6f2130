/** Relative dates: counted from the dateline at the precision the text states, never from a default. */
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis/index.js';

function datesOf(text: string): string[] {
  return analyzeArticle({ id: 'a.txt', text }).dates.map((d) => `${d.text} = ${d.value ?? 'unresolved'}`);
}

describe('relative dates', () => {
  it('leaves "next week" unresolved in an article without a dateline', () => {
    assert.deepEqual(datesOf('Talks stall\n\nThe leaders will meet again next week in Brussels.\n'), [
      'next week = unresolved',
    ]);
  });

  it('counts "last week", "next month" and "last year" from the dateline, as a week, a month and a year', () => {
    const text =
      'Talks stall\n\nMonday, March 6, 2023\n\nThe summit was held last week. They will meet next month, as they did last year.\n';
    assert.deepEqual(datesOf(text).slice(1), [
      'last week = 2023-W09',
      'next month = 2023-04',
      'last year = 2022',
    ]);
  });

  it('reads "the end of February" as the month, in a year without a 29th, and "later in the year" as the page’s year', () => {
    const text =
      'Bridge delayed\n\nWednesday, February 11, 2026\n\nThe council will decide by the end of February. The works start later in the year.\n';
    assert.deepEqual(datesOf(text).slice(1), ['end of February = 2026-02', 'in the year = 2026']);
  });

  it('reads a season with its year, a year that names which one, and a time alone on the page’s day', () => {
    const text =
      'Bridge delayed\n\nFebruary 11, 2026 09:00 PHT\n\nWork starts in summer 2027 under a 2016 accord. At 3 p.m. the council met.\n';
    assert.deepEqual(datesOf(text).slice(1), ['summer 2027 = 2027', '2016 = 2016', '3 p.m. = 2026-02-11T15:00+08:00']);
    // A time in a sentence that names its day is that day's, not the page's.
    const monday = 'Bridge delayed\n\nFebruary 11, 2026 09:00 PHT\n\nThe council met on Monday at 3 p.m.\n';
    assert.ok(!datesOf(monday).some((d) => d.includes('T15:00')), datesOf(monday).join(', '));
  });

  it('reads a wire dateline that opens the first paragraph, and resolves the weekday against it', () => {
    const text =
      'Leaders meet\n\nPARIS, March 3, 2023 (Reuters) - The two leaders met in Paris on Friday, a spokesman said.\n';
    const analysis = analyzeArticle({ id: 'a.txt', text });
    assert.equal(analysis.structure.dateline?.value, '2023-03-03');
    assert.deepEqual(datesOf(text), ['March 3, 2023 = 2023-03-03', 'Friday = 2023-03-03']);
  });

  it("takes the dateline's own weekday for that day, even in the future tense", () => {
    const text =
      'Vote tonight\n\nMonday, June 6, 2022\n\nThe prime minister will face a confidence vote on Monday evening.\n';
    assert.ok(datesOf(text).includes('Monday evening = 2022-06-06'), datesOf(text).join(', '));
    // A headline's "tonight" is no dateline: a dateline writes its year.
    assert.equal(analyzeArticle({ id: 'a.txt', text }).structure.dateline?.value, '2022-06-06');
  });

  it('finds bare years after "fiscal", "fiscal year" and "mid-"', () => {
    const text =
      'Budget\n\nMonday, June 6, 2022\n\nIt funds projects through fiscal 2026 and peaked in mid-2023, after fiscal year 2021.\n';
    assert.deepEqual(datesOf(text).slice(1), ['2026 = 2026', '2023 = 2023', '2021 = 2021']);
  });
  it('a live blog\'s time stamps are times on the page\'s day, in the zone they state or the page stamp\'s', () => {
    const text =
      'Vote live\n\nMay 5, 2024 08:00 CEST\n\n17:48\n\nThe count has begun.\n\n9:15am BST\n\nPolls have closed.\n';
    assert.deepEqual(datesOf(text).slice(1), ['17:48 = 2024-05-05T17:48+02:00', '9:15am BST = 2024-05-05T09:15+01:00']);
  });
  it('"the 1904 treaty" is a year; "1,904 people" is not', () => {
    const text = 'Border row\n\nMay 5, 2024\n\nThe 1904 treaty settled the border, and 1,904 people live there.\n';
    assert.deepEqual(datesOf(text).slice(1), ['1904 = 1904']);
  });
  it('a plan told in the past looks ahead: "said engineers would start on Wednesday" is the next Wednesday', () => {
    const text =
      'Dam talks\n\nFriday, March 16, 2018\n\nThe minister said engineers would start measuring the river on Wednesday. She met them on Tuesday.\n';
    assert.deepEqual(datesOf(text).slice(1), ['Wednesday = 2018-03-21', 'Tuesday = 2018-03-13']);
  });
});
