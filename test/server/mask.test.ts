import { describe, expect, it } from 'vitest';

import { maskPersonalData } from '../../server/features/assistant/mask.js';

const now = new Date('2025-06-01T12:00:00Z');
const mask = (text: string) => maskPersonalData(text, { now });

describe('maskPersonalData', () => {
  it.each([
    ['My SSN is 123-45-6789', 'My SSN is [SSN]'],
    ['ssn 123 45 6789 thanks', 'ssn [SSN] thanks'],
    ['It is 123-45-6789.', 'It is [SSN].'],
    ['SSN: 123456789', 'SSN: [SSN]'],
    ['my social security number is 123456789', 'my social security number is [SSN]'],
    ['Student id 123456789', 'Student id 123456789'],
    ['Call 415-555-0100', 'Call 415-555-0100'],
    ['Mixed 123-45 6789', 'Mixed 123-45 6789'],
  ])('masks SSNs in %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each([
    ['Card 4111 1111 1111 1111 exp 09/27', 'Card [CARD] exp 09/27'],
    ['Card 4111-1111-1111-1111.', 'Card [CARD].'],
    ['4111111111111111', '[CARD]'],
    ['Amex 3782 822463 10005', 'Amex [CARD]'],
    ['Visa 4222222222222', 'Visa [CARD]'],
    ['Not Luhn 4111 1111 1111 1112', 'Not Luhn 4111 1111 1111 1112'],
    ['Short 411111111111', 'Short 411111111111'],
    ['Phone +1 415 555 0100', 'Phone +1 415 555 0100'],
  ])('masks cards in %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each([
    ['Born 04/12/2005', 'Born [DATE]'],
    ['birthday is 2005-04-12', 'birthday is [DATE]'],
    ['I was born on April 12, 2005.', 'I was born on [DATE].'],
    ['DOB 12 April 2005', 'DOB [DATE]'],
    ['dob: 4/12', 'dob: [DATE]'],
    ['Date of birth - Apr 12th', 'Date of birth - [DATE]'],
    ['It is 25/04/2005', 'It is [DATE]'],
    ['Sent 4/12/05', 'Sent [DATE]'],
    ['2005/4/12 works', '[DATE] works'],
    ['On april 12th 2005 I moved', 'On [DATE] I moved'],
  ])('masks birth dates in %j', (text, expected) => {
    expect(mask(text)).toBe(expected);
  });

  it.each([
    'Your visit is on 06/12/2025',
    'Deadline 2025-08-01',
    'See you June 3, 2025',
    'Class of 2005',
    'Room 4/12',
    'Score 99/100',
  ])('keeps %j', (text) => {
    expect(mask(text)).toBe(text);
  });

  it('masks several kinds in one text', () => {
    const text = 'SSN 123-45-6789, card 4111 1111 1111 1111, DOB 04/12/2005, visit 06/12/2025';

    expect(mask(text)).toBe('SSN [SSN], card [CARD], DOB [DATE], visit 06/12/2025');
  });

  it('uses the current time by default', () => {
    expect(maskPersonalData('born 1990-01-31')).toBe('born [DATE]');
  });
});
