/** The page's own date, among the stamps, widgets and wire datelines of scraped pages. */
import assert from 'node:assert/strict';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';

const pageDate = (text: string): string | undefined => analyzeArticle({ id: 'a.txt', text }).structure.dateline?.value;

describe('page dates', () => {
  it('takes the "Published" stamp, not the "Updated" one on the same line', () => {
    const text = 'Council backs bridge plan\n\nPublished 3 May 2021 18:42 | Updated 4 May 2021 09:05\n\nThe council voted on Monday.\n';
    assert.equal(pageDate(text), '2021-05-03T18:42');
  });

  it('keeps the update stamp beside the page date, and warns when the page was updated before it was published', () => {
    const findings = (stamps: string): string[] => {
      const corpus = new Corpus();
      corpus.upsert({ id: 'a.txt', text: `Council backs bridge plan\n\n${stamps}\n\nThe council voted on Monday.\n` });
      return corpus.findings('a.txt').map((f) => `${f.severity} ${f.ruleId} ${f.actual}`);
    };
    assert.deepEqual(findings('Published 3 May 2021 18:42 | Updated 2 May 2021 09:05'), ['warning dateline-conflict 3 May 2021 18:42']);
    assert.deepEqual(findings('Published 3 May 2021 18:42 | Updated 3 May 2021 09:05'), ['warning dateline-conflict 3 May 2021 18:42']);
    assert.deepEqual(findings('Published 3 May 2021 08:42 | Updated 3 May 2021 09:05'), []);
    assert.deepEqual(findings('Published 3 May 2021 | Updated 4 May 2021'), []);
    // One day in two years: whichever is wrong, the page contradicts itself.
    assert.deepEqual(findings('Date: 22-09-2020\n\nRiverton, 22 September 2021: the council met.'), ['warning dateline-conflict 22-09-2020']);
    // A press release's first paragraph, however long, opens with its place and date.
    const paragraph = `Riverton, 22 September 2021: the council met ${'and talked at length about the bridge '.repeat(6)}.`;
    assert.deepEqual(findings(`Date: 22-09-2020\n\n${paragraph}`), ['warning dateline-conflict 22-09-2020']);
    assert.deepEqual(findings(`Friday, 24 September 2021 — Last updated 5:02pm\n\n${paragraph}`), []);
  });

  it('reads a page date in French, Portuguese, German or Filipino', () => {
    const page = (stamp: string): string | undefined => pageDate(`Le pont rouvre\n${stamp}\n\nLe conseil a voté lundi.\n`);
    assert.equal(page('Publié le 13 décembre 2022 à 10h42'), '2022-12-13T10:42');
    assert.equal(page('Publicado em 17 de outubro de 2019'), '2019-10-17');
    assert.equal(page('3. März 2024'), '2024-03-03');
    assert.equal(page('Biyernes, Pebrero 6, 2026 | 7:15 AM'), '2026-02-06');
    // A clock's "today" in the page's language is not the page's date.
    assert.equal(pageDate('Le pont rouvre\nNgayon: Sabado, Pebrero 7, 2026\n\nBiyernes, Pebrero 6, 2026\n\nLe conseil a voté lundi.\n'), '2026-02-06');
  });

  it('never takes a weather or clock widget when the page prints its own date', () => {
    const text =
      'The Riverside Courier\nRiverside 14°C Light rain · Tue 14 Sep 2021\n\nFloods recede\n\nJane Roe\nPosted 9:14 PM EDT, Sep 10, 2021\n\nThe water fell on Friday.\n';
    assert.equal(pageDate(text), '2021-09-10T21:14-04:00');
  });

  it('takes no date from a reference number, a market ticker, a section named "Today" or a widget\'s "today" in Dutch', () => {
    const release = 'MINISTRY OF WATER\n\nPRESS RELEASE\nNo. 114/PR.02/05/2021\n\nRiverton, 12 May 2021\n\nThe minister opened the dam on Tuesday.\n';
    assert.equal(pageDate(release), '2021-05-12');
    const ticker =
      'RIVERTON DAILY\nRiverton | Wed 9 Oct 2019 | 06:12 | Composite 4,120.10 (-1.3%)\n\n2019-10-08T17:45:00+02:00Dam chief quits\n\nThe chief resigned on Tuesday.\n';
    assert.equal(pageDate(ticker), '2019-10-08T17:45+02:00');
    const section = 'HERITAGE WEEKLY\nVandaag: dinsdag 5 november 2019\n\nThe builders step down\n\nPosted on 2 November 2019 in Utopia Today by the editors\n\nThe news came this week.\n';
    const dateline = analyzeArticle({ id: 'a.txt', text: section }).structure.dateline;
    assert.deepEqual([dateline?.text, dateline?.value], ['2 November 2019', '2019-11-02']);
  });

  it('looks past a site menu to a wire dateline, and takes an "Issued on:" stamp over it', () => {
    const menu = ['Skip to main content', 'Riverton Wire home', 'World', 'Business', 'Markets', 'Energy', 'Legal', 'Opinion', 'Commodities', 'Sport', 'Culture'];
    const story = 'Council backs bridge plan\n\nBy Jane Roe\n\n3 minute read\n\nRIVERTON, March 4 (Riverton Wire) - The council voted on Monday.\n\nThe vote, the first since 2021, was close.\n';
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: `${menu.join('\n\n')}\n\n${story}` });
    corpus.upsert({ id: 'b.txt', text: 'Bridge vote\n\nPublished 5 March 2024\n\nThe council voted on Monday.\n' });
    corpus.refresh();
    assert.equal(corpus.article('a.txt')?.structure.dateline?.date, '2024-03-04');
    const issued = 'Bridge vote\n\nIssued on: 04/03/2024 - 19:48\n\nRIVERTON, March 4 (Riverton Wire) - The council voted.\n';
    assert.match(analyzeArticle({ id: 'c.txt', text: issued }).structure.dateline?.text ?? '', /^04\/03\/2024/u);
  });

  it('reads an ISO stamp that runs into the first line of text', () => {
    const text = 'Vote passes\n\n2021-09-28T21:14:00+02:00The assembly passed the bill on Tuesday night.\n';
    assert.equal(pageDate(text), '2021-09-28T21:14+02:00');
  });

  it('reads day-first numeric stamps', () => {
    const text = 'Grid deal\n\nAnna Novak\nPublished: 12. 6. 2024, 07:45\n\nThe ministers met on Tuesday.\n';
    assert.equal(pageDate(text), '2024-06-12');
  });

  it('says a weekday that fits its day in the next year may be the page date’s error, and keeps the fix', () => {
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: 'Bridge vote\n\nPublished March 12, 2024\n\nThe vote on Monday, March 3, was rushed.\n' });
    const [finding] = corpus.findings('a.txt').filter((f) => f.ruleId === 'weekday-mismatch');
    assert.equal(finding?.message, "3 March 2024 was a Sunday, not a Monday; in 2025 it was a Monday: is the page's year right?");
    assert.deepEqual(finding?.expected, ['Sunday']);
    // With its year written, the weekday alone is wrong.
    corpus.upsert({ id: 'a.txt', text: 'Bridge vote\n\nPublished March 12, 2024\n\nThe vote on Monday, March 3, 2024, was rushed.\n' });
    assert.deepEqual(
      corpus.findings('a.txt').filter((f) => f.ruleId === 'weekday-mismatch').map((f) => f.message),
      ['3 March 2024 was a Sunday, not a Monday'],
    );
  });

  it('gives a wire dateline without a year the year of the other pages, and resolves its weekdays', () => {
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: 'Court rules\n\nMarch 19, 2018\n\nThe court ruled on Monday.\n' });
    const wire = 'Ministers meet\n\nRIVERTON, March 22 (Newswire) — The ministers met on Wednesday to discuss the ruling.\n';
    assert.equal(analyzeArticle({ id: 'b.txt', text: wire }).structure.yearless, '03-22');
    corpus.upsert({ id: 'b.txt', text: wire });
    corpus.refresh();
    assert.equal(corpus.article('b.txt')?.structure.dateline?.value, '2018-03-22');
    assert.ok(corpus.dates('b.txt').some((d) => d.text === 'Wednesday' && d.value === '2018-03-21'));
  });

  it('gives a yearless page the year whose reading agrees with the months the other pages date', () => {
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: 'Lease signed\n\nApril 25, 2019\n\nThe port lease was signed on Thursday.\n' });
    corpus.upsert({ id: 'b.txt', text: 'Court freezes lease\n\nMay 7, 2019\n\nThe court froze the lease signed in April.\n' });
    corpus.upsert({ id: 'c.txt', text: 'Lease quashed\n\nJune 14, 2019\n\nThe court quashed the lease on Friday.\n' });
    // Nearer the middle of the other pages in 2018; its text dates June 14 of 2019.
    const wire = 'Appeal dismissed\n\nRIVERTON, Nov 22 (Newswire) - The appeals court upheld the ruling of June 14 on the port lease.\n';
    corpus.upsert({ id: 'd.txt', text: wire });
    corpus.refresh();
    assert.equal(corpus.article('d.txt')?.structure.dateline?.value, '2019-11-22');
    // An edit to another page's dates settles the year again, as a fresh reading would.
    corpus.upsert({ id: 'b.txt', text: 'Court freezes lease\n\nMay 7, 2019\n\nThe court froze the lease signed in March.\n' });
    corpus.refresh();
    const fresh = new Corpus();
    for (const id of corpus.ids()) fresh.upsert({ id, text: corpus.article(id)!.text });
    fresh.refresh();
    assert.deepEqual(corpus.dates('d.txt'), fresh.dates('d.txt'));
  });

  it('gives a yearless page a year two from the middle of the others when its text dates that year', () => {
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: 'Law signed\n\nMarch 2, 2022\n\nThe assembly passed the capital law on Tuesday, February 15, 2022.\n' });
    for (const [id, date] of [['b.txt', 'May 6, 2024'], ['c.txt', 'May 9, 2024'], ['d.txt', 'June 20, 2024'], ['e.txt', 'July 30, 2024']])
      corpus.upsert({ id, text: `Capital works\n\n${date}\n\nThe works went on.\n` });
    corpus.upsert({ id: 'w.txt', text: 'Law passed\n\nRIVERTON, Feb 15 (Newswire) - The assembly on Tuesday passed the capital law.\n' });
    corpus.refresh();
    assert.equal(corpus.article('w.txt')?.structure.dateline?.value, '2022-02-15');
  });

  it('gives a yearless page no year for a month one other page writes in passing ("minister since July 2018")', () => {
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: 'Accord talks\n\nFebruary 4, 2019\n\nTalks opened in Riverton on Monday. The accord is to be signed in March. Jane Roe has been minister since July 2018.\n' });
    corpus.upsert({ id: 'b.txt', text: 'Accord signed\n\nMarch 13, 2019\n\nThe accord was signed on Wednesday, after talks in February.\n' });
    const wire = 'First water\n\nRIVERTON, July 17 (Agency) - The first water arrived on Wednesday, July 17. On Tuesday crews tested the pumps, and tonight the valves open. The accord was signed in March, after talks last February.\n';
    corpus.upsert({ id: 'c.txt', text: wire });
    corpus.refresh();
    assert.equal(corpus.article('c.txt')?.structure.dateline?.value, '2019-07-17');
  });

  it('gives a yearless page the year in which the day it reports is the day an undated explainer gives', () => {
    const corpus = new Corpus();
    const pages: [string, string][] = [['a.txt', 'October 1, 2019'], ['b.txt', 'June 10, 2022'], ['c.txt', 'June 22, 2022'], ['d.txt', 'September 5, 2022'], ['e.txt', 'March 10, 2023'], ['f.txt', 'March 16, 2023'], ['g.txt', 'July 7, 2023'], ['h.txt', 'October 12, 2023']];
    for (const [id, date] of pages) corpus.upsert({ id, text: `Farm rules\n\n${date}\n\nThe farmers met in May.\n` });
    corpus.upsert({ id: 'x.txt', text: 'What the ruling means\n\nOn May 29, 2019, the court struck down the permit scheme.\n' });
    corpus.upsert({ id: 'w.txt', text: 'Court ruling\n\nRIVERTON, May 29 (Newswire) - The court on Wednesday struck down the permit scheme.\n' });
    corpus.refresh();
    assert.equal(corpus.article('w.txt')?.structure.dateline?.value, '2019-05-29');
  });

  it('keeps the year it gave a yearless page through edits made before and after the index is built', () => {
    const dated = 'Court rules\n\nMarch 19, 2018\n\nThe court ruled on Monday.\n';
    const wire = (name: string): string => `Ministers meet\n\nRIVERTON, March 22 (Newswire) — ${name} met the ministers on Wednesday.\n`;
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: dated });
    corpus.upsert({ id: 'b.txt', text: wire('Jane Roe') });
    // No index yet: the edit is the first thing that settles the years.
    corpus.upsert({ id: 'b.txt', text: wire('John Doe') });
    assert.equal(corpus.article('b.txt')?.structure.dateline?.value, undefined);
    corpus.refresh();
    assert.equal(corpus.article('b.txt')?.structure.dateline?.value, '2018-03-22');
    for (const name of ['Ann Poe', 'Ann Poe said', 'Mary Major']) {
      corpus.upsert({ id: 'b.txt', text: wire(name) });
      corpus.refresh();
      assert.equal(corpus.article('b.txt')?.structure.dateline?.value, '2018-03-22', name);
    }
    const fresh = new Corpus();
    fresh.upsert({ id: 'a.txt', text: dated });
    fresh.upsert({ id: 'b.txt', text: wire('Mary Major') });
    fresh.refresh();
    assert.deepEqual(corpus.dates('b.txt'), fresh.dates('b.txt'));
  });

  it('gives a yearless page another year when the dated pages change theirs, and says so', () => {
    const dated = (year: number): string => `Court rules\n\nMarch 19, ${year}\n\nThe court ruled on Monday.\n`;
    const wire = 'Ministers meet\n\nRIVERTON, March 22 (Newswire) — Jane Roe met the ministers on Wednesday.\n';
    const corpus = new Corpus();
    corpus.upsert({ id: 'a.txt', text: dated(2018) });
    corpus.upsert({ id: 'b.txt', text: wire });
    corpus.refresh();
    // Typing over the year: an edit within one line, which changes only what the time part reads.
    corpus.upsert({ id: 'a.txt', text: dated(2021) });
    assert.ok(corpus.dependents('a.txt').includes('b.txt'), 'b.txt is re-checked');
    const fresh = new Corpus();
    fresh.upsert({ id: 'a.txt', text: dated(2021) });
    fresh.upsert({ id: 'b.txt', text: wire });
    assert.equal(corpus.article('b.txt')?.structure.dateline?.value, '2021-03-22');
    assert.deepEqual(corpus.dates('b.txt'), fresh.dates('b.txt'));
    // The only dated page gone: the yearless page is as its text alone makes it.
    corpus.remove('a.txt');
    assert.ok(corpus.dependents('a.txt').includes('b.txt'), 'b.txt is re-checked');
    assert.equal(corpus.article('b.txt')?.structure.dateline, null);
    assert.equal(corpus.article('b.txt')?.structure.yearless, '03-22');
  });
});

describe('relative dates on real page shapes', () => {
  const values = (text: string): string[] =>
    analyzeArticle({ id: 'a.txt', text }).dates.map((d) => `${d.text} = ${d.value ?? 'unresolved'}`);

  it('never makes a duration a date', () => {
    const text = 'Strike ends\n\nMarch 19, 2018\n\nThe strike lasted for three days and ended a day after the vote, within six months of the first.\n';
    assert.deepEqual(values(text), ['March 19, 2018 = 2018-03-19']);
  });

  it('takes the nearest month, and a month and day near the page date, whatever the tense', () => {
    const text = 'Plan agreed\n\nApril 4, 2018\n\nOfficials said the work would start in June and that the review, held on March 30, went well.\n';
    assert.deepEqual(values(text).slice(1), ['June = 2018-06', 'March 30 = 2018-03-30']);
  });

  it('reads a dotted stamp with a two-figure year, and figures between dots day first', () => {
    const text = 'Bridge vote\n\nPublished: 10.11.22, 16:15\n\nThe council met on 03.08.22 and again on 26.10.22.\n';
    assert.equal(pageDate(text), '2022-11-10');
    assert.deepEqual(values(text).slice(1), ['03.08.22 = 2022-08-03', '26.10.22 = 2022-10-26']);
  });

  it('takes a day and month in the past tense from the last eight months, and "next" or "last" before a weekday over the tense', () => {
    const text = 'Deal signed\n\nJune 16, 2022\n\nThe two sides suspended the scheme on December 1 and restored it on February 1.\n';
    assert.deepEqual(values(text).slice(1), ['December 1 = 2021-12-01', 'February 1 = 2022-02-01']);
    const weekdays = 'Strike\n\nTuesday, 7 December 2021\n\nThe union has called a strike from next Monday. It said last Friday would be the end.\n';
    assert.deepEqual(values(weekdays).slice(1), ['next Monday = 2021-12-13', 'last Friday = 2021-12-03']);
  });

  it('reads "the last week of October" as October, not as the week before the page', () => {
    const text = 'Crop lost\n\nJanuary 12, 2024\n\nFarmers said the rains in the last week of October ruined the crop.\n';
    assert.deepEqual(values(text).slice(1), ['October = 2023-10']);
  });

  it('takes a weekday a present-tense plan gives as still to come, and one with no cue as past', () => {
    const text =
      'Talks open\n\nWednesday, March 7, 2018\n\nThe conference opens on Monday. A march is planned for Friday. Ministers met on Tuesday.\n';
    assert.deepEqual(values(text).slice(1), ['Monday = 2018-03-12', 'Friday = 2018-03-09', 'Tuesday = 2018-03-06']);
  });

  it('takes a weekday after "an invitation to meet" or "agreed to" as ahead, though the sentence is in the past', () => {
    const text = 'Talks\n\nWednesday, May 15, 2019\n\nHe had received an invitation to meet the minister on Thursday. The unions agreed to sign on Monday.\n';
    assert.deepEqual(values(text).slice(1), ['Thursday = 2019-05-16', 'Monday = 2019-05-20']);
  });

  it('counts "the following day", "three days later" and "the same day" from the day written before them', () => {
    const text =
      'Hearings\n\nWednesday, May 15, 2019\n\nThe committee heard the chief executive on May 21. The following day, the minister appeared. ' +
      'Three days later the board met. The court ruled on May 7 and the union marched on the same day.\n';
    assert.deepEqual(values(text).slice(1), [
      'May 21 = 2019-05-21',
      'The following day = 2019-05-22',
      'Three days later = 2019-05-25',
      'May 7 = 2019-05-07',
      'on the same day = 2019-05-07',
    ]);
    // With no day written before it, the page date says nothing of it.
    assert.deepEqual(values('Calm\n\nMay 15, 2019\n\nThe following day was calm.\n').slice(1), []);
  });

  it('counts "last Tuesday" written on a Tuesday a week back', () => {
    const text = 'Marchers return\n\nTuesday, March 27, 2018\n\nThe marchers who gathered last Tuesday came back.\n';
    assert.ok(values(text).includes('Tuesday = 2018-03-20') || values(text).includes('last Tuesday = 2018-03-20'), values(text).join(', '));
  });
});
