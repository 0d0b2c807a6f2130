/** How the eval compares a value the gold cannot write the same way. */
import assert from 'node:assert/strict';
import { weekFits } from './score.js';

describe('eval scoring', () => {
  it('takes a week for right where the gold gives a day in it or the month of its Thursday', () => {
    // ISO week 15 of 2016 runs from Monday 11 April to Sunday 17 April.
    assert.ok(weekFits('2016-W15', '2016-04-11'));
    assert.ok(weekFits('2016-W15', '2016-04-17'));
    assert.ok(!weekFits('2016-W15', '2016-04-18'));
    assert.ok(weekFits('2016-W15', '2016-04'));
    // Week 1 of 2021 runs from 4 to 10 January; week 53 of 2020 holds 31 December and 1 January.
    assert.ok(weekFits('2021-W01', '2021-01-04'));
    assert.ok(weekFits('2020-W53', '2021-01-01'));
    assert.ok(weekFits('2020-W53', '2020-12'));
    assert.ok(!weekFits('2020-W53', '2021-01'));
    assert.ok(!weekFits('2016-04-11', '2016-04-11'));
  });
});
