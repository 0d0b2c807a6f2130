/** Acronym definitions in the ways real pages write them, and what defines none. */
import assert from 'node:assert/strict';
import { analyzeArticle, Corpus } from '../../server/src/analysis/index.js';

const definitions = (text: string): string[] =>
  analyzeArticle({ id: 'a.txt', text })
    .acronyms.filter((a) => a.expansion)
    .map((a) => `${a.acronym} = ${a.expansion!.text}`);

describe('acronym definitions', () => {
  it('reads "Long Form, known as LF" and leaves the owner out of "Owner\'s Long Form (LF)"', () => {
    const text =
      'Water plan\n\nMay 2, 2019\n\nThe Regional Water Board, known as RWB, met the Coastal Fisheries Agency. Norland\'s Harbour Safety Office (HSO) said so.\n';
    assert.deepEqual(definitions(text), ['RWB = Regional Water Board', 'HSO = Harbour Safety Office']);
  });

  it('reads acronyms made of Roman numerals\' letters ("DMC", "IMC"), but no numeral of a name or a war', () => {
    const text =
      'Road probe\n\nMay 2, 2016\n\nThe Delta Motorway Commission (DMC) met the Inland Motorway Council (IMC). Henry VIII and World War II (WWII) came up.\n';
    assert.deepEqual(definitions(text), ['DMC = Delta Motorway Commission', 'IMC = Inland Motorway Council', 'WWII = World War II']);
  });

  it('reads a long form in Spanish or Portuguese, its small words skipped: "Comisión para la Aplicación y el Desarrollo del Convenio (CADC)"', () => {
    const text =
      'Water pact\n\nMay 2, 2022\n\nThe Comisión para la Aplicación y el Desarrollo del Convenio (CADC) met the Agência Portuguesa do Ambiente (APA).\n';
    assert.deepEqual(definitions(text), ['CADC = Comisión para la Aplicación y el Desarrollo del Convenio', 'APA = Agência Portuguesa do Ambiente']);
  });

  it('takes a translated name before an acronym of its own language for the long form, small words and all', () => {
    const text = 'Land rights\n\nMay 2, 2022\n\nThe Coastal Peoples Alliance of the Islands (AMPK) said no one had asked the villages.\n';
    assert.deepEqual(definitions(text), ['AMPK = Coastal Peoples Alliance of the Islands']);
  });

  it('fixes a slip in a long form of another language by the nearest long form, not by its translation', () => {
    const corpus = new Corpus();
    const english = 'The Riverton Capital City Authority (OIKR) met.';
    const native = 'The Otorita Ibu Kota Riverton (OIKR) met.';
    const pages = [english, english, english, native, native, native, 'The Otorita Ibu Kota Utopia (OIKR) met.'];
    pages.forEach((body, i) => corpus.upsert({ id: `${i}.txt`, text: `Capital works\n\nMay ${i + 2}, 2022\n\n${body}\n` }));
    const found = corpus.findings('6.txt').filter((f) => f.ruleId === 'acronym-expansion');
    assert.deepEqual(
      found.map((f) => `${f.severity} ${f.fixes[0]?.edits[0]?.newText ?? '-'}`),
      ['warning Otorita Ibu Kota Riverton'],
    );
  });

  it('says two translations of a name worded apart are information, and one word changed in one a warning', () => {
    const corpus = new Corpus();
    const pages = [
      'The Coastal Peoples Alliance of the Islands (AMPK) met.',
      'The Coastal Peoples Alliance of the Islands (AMPK) met.',
      'The Coastal Peoples Alliance of the Islands (AMPK) met.',
      'The Alliance of Coastal Peoples of the Islands (AMPK) met.',
      'The Coastal Peoples Alliance of the Isles (AMPK) met.',
    ];
    pages.forEach((body, i) => corpus.upsert({ id: `${i}.txt`, text: `Land rights\n\nMay ${i + 2}, 2022\n\n${body}\n` }));
    const said = ['3.txt', '4.txt'].flatMap((id) => corpus.findings(id).filter((f) => f.ruleId === 'acronym-expansion').map((f) => `${id} ${f.severity}`));
    assert.deepEqual(said, ['3.txt information', '4.txt warning']);
  });

  it('reads "LF, the Long Form," set off by commas after the acronym, and no description there', () => {
    assert.deepEqual(definitions('She joined the RHWU, the Riverton Harbour Workers Union, in May.'), ['RHWU = Riverton Harbour Workers Union']);
    assert.deepEqual(definitions('She now heads COFBOD, the Norway Coffee Board, with immediate effect.'), ['COFBOD = Norway Coffee Board']);
    assert.deepEqual(definitions('The IMF, the lender of last resort, agreed. The IMF, the Riverton Agency and the bank agreed.'), []);
  });

  it('ends a long form whose initials do not spell the acronym at a comma before it', () => {
    assert.deepEqual(definitions('In Riverland, the Maritime Ports Administration (APU), agreed.'), ['APU = Maritime Ports Administration']);
  });

  it('breaks a one-against-one tie by the long form more articles write as a name, of any type', () => {
    const corpus = new Corpus();
    const pages = [
      'Farms in the Upper Kelso Basin (UKB) flooded.',
      'Rain fell across the Upper Kelso Basin on Monday.',
      'Farms in the Upper Kelso Bank (UKB) flooded again.',
    ];
    pages.forEach((body, i) => corpus.upsert({ id: `${i}.txt`, text: `Floods\n\nMay ${i + 2}, 2022\n\n${body}\n` }));
    const said = corpus.findings('2.txt').filter((f) => f.ruleId === 'acronym-expansion').map((f) => `${f.severity} ${f.fixes[0]?.edits[0]?.newText ?? '-'}`);
    assert.deepEqual(said, ['warning Upper Kelso Basin']);
  });

  it('keeps the country a syllable acronym\'s long form opens with, and leaves an owner out of an initials acronym', () => {
    assert.deepEqual(definitions('Officials of the Norway Coffee Board (COFBOD) met.'), ['COFBOD = Norway Coffee Board']);
    assert.deepEqual(definitions('Officials of the Norway Mining Council (MC) met.'), ['MC = Mining Council']);
  });

  it('takes an English long form with an accented name in it for English: its translation is information', () => {
    const corpus = new Corpus();
    const english = 'The Council of Riverteño Peoples (CPR) met.';
    const pages = [english, english, english, 'El Consejo de Pueblos Riverteños (CPR) se reunió.'];
    pages.forEach((body, i) => corpus.upsert({ id: `${i}.txt`, text: `Land rights\n\nMay ${i + 2}, 2022\n\n${body}\n` }));
    assert.deepEqual(corpus.findings('3.txt').filter((f) => f.ruleId === 'acronym-expansion').map((f) => f.severity), ['information']);
  });

  it('keeps a plural possessive inside a body\'s name: "Harbour Pilots\' Association (HPA)"', () => {
    const text = 'Strike\n\nMay 2, 2022\n\nThe Harbour Pilots\' Association (HPA) and the Inter-Island Ferry Workers’ Union struck.\n';
    assert.deepEqual(definitions(text), ["HPA = Harbour Pilots' Association"]);
    const bodies = analyzeArticle({ id: 'a.txt', text }).entities.filter((e) => e.type === 'organization').map((e) => e.text);
    assert.deepEqual(bodies, ["Harbour Pilots' Association", 'Inter-Island Ferry Workers’ Union']);
  });

  it('leaves lower-case words before a capitalised long form out of it, but keeps a long form all in lower case', () => {
    const text = 'Vote\n\nMay 2, 2022\n\nShe will rally the Harbour Jana Union (RJU) now. The gross domestic product (GDP) fell.\n';
    assert.deepEqual(definitions(text), ['RJU = Harbour Jana Union', 'GDP = gross domestic product']);
  });

  it('takes no wire credit after a dateline in capitals for a definition', () => {
    const text = 'Storm nears\n\nPORT ELLIS (AP) — The storm neared the coast on Monday.\n';
    assert.deepEqual(definitions(text), []);
  });
});
