/** One office however news writes it. */
import assert from 'node:assert/strict';
import { isGeneralTitle, officeKey, sameOffice } from '../../server/src/analysis/corpus/offices.js';

const role = (title: string) => ({ title, span: { start: 0, end: 0 } });

describe('offices', () => {
  it('keys a minister by portfolio, however the title is written', () => {
    assert.equal(officeKey(role('Water Minister')), 'minister:water');
    assert.equal(officeKey(role('Minister of Water and Irrigation')), 'minister:water');
    assert.equal(officeKey(role('Director-General')), 'director general');
  });

  it('takes ministers sharing a portfolio word for one office, and other titles only when equal', () => {
    assert.ok(sameOffice(role('Minister of Environment and Water'), role('Water Minister')));
    assert.ok(!sameOffice(role('Minister of Environment and Water'), role('Finance Minister')));
    assert.ok(!sameOffice(role('Governor'), role('Mayor')));
    // "Minister" whose portfolio was read as its organisation ("Water") is that ministry too.
    assert.ok(sameOffice({ ...role('Minister'), organization: 'Water' }, role('Minister of Infrastructure and Water Management')));
  });

  it('keys a secretary with a portfolio as that ministry, and no other secretary', () => {
    assert.equal(officeKey(role('Home Secretary')), 'minister:home');
    assert.equal(officeKey(role('Cabinet Secretary for Transport')), 'minister:transport');
    assert.equal(officeKey(role('Transport Cabinet Secretary')), 'minister:transport');
    assert.equal(officeKey({ ...role('Cabinet Secretary'), organization: 'Transport' }), 'minister:transport');
    assert.equal(officeKey(role('Press Secretary')), 'press secretary');
    assert.equal(officeKey(role('General Secretary')), 'general secretary');
  });

  it('calls a bare title general, never a minister with a portfolio', () => {
    assert.ok(isGeneralTitle(role('Minister')));
    assert.ok(!isGeneralTitle(role('Energy Minister')));
  });
});
