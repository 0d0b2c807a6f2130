/** Acronym definitions in the ways real pages write them, and what defines none. */
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis/index.js';

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
      'Road probe\n\nMay 2, 2016\n\nThe Drina Motorway Commission (DMC) met the Inland Motorway Council (IMC). Henry VIII and World War II (WWII) came up.\n';
    assert.deepEqual(definitions(text), ['DMC = Drina Motorway Commission', 'IMC = Inland Motorway Council', 'WWII = World War II']);
  });

  it('reads a long form in Spanish or Portuguese, its small words skipped: "Comisión para la Aplicación y el Desarrollo del Convenio (CADC)"', () => {
    const text =
      'Water pact\n\nMay 2, 2022\n\nThe Comisión para la Aplicación y el Desarrollo del Convenio (CADC) met the Agência Portuguesa do Ambiente (APA).\n';
    assert.deepEqual(definitions(text), ['CADC = Comisión para la Aplicación y el Desarrollo del Convenio', 'APA = Agência Portuguesa do Ambiente']);
  });

  it('takes no wire credit after a dateline in capitals for a definition', () => {
    const text = 'Storm nears\n\nPORT ELLIS (AP) — The storm neared the coast on Monday.\n';
    assert.deepEqual(definitions(text), []);
  });
});
