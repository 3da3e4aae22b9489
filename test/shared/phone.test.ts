import { describe, expect, it } from 'vitest';

import {
  fromCarrier,
  isUsRegion,
  normalizePhone,
  phoneSearchVariants,
  toCarrier,
} from '../../shared/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['(415) 555-0100', '+14155550100'],
    ['415.555.0100', '+14155550100'],
    ['415-555-0100', '+14155550100'],
    ['1-415-555-0100', '+14155550100'],
    ['+1 415 555 0100', '+14155550100'],
    ['14155550100', '+14155550100'],
    ['  +1 (202) 555-0123 ', '+12025550123'],
    ['12025550123', '+12025550123'],
    ['011 44 7400 123456', '+447400123456'],
  ])('normalises %j to %s', (input, e164) => {
    expect(normalizePhone(input)?.e164).toBe(e164);
  });

  it.each([
    ['+14155550100', { e164: '+14155550100', mobile: true, region: 'US' }],
    ['+12025550123', { e164: '+12025550123', mobile: true, region: 'US' }],
    ['+17875550100', { e164: '+17875550100', mobile: true, region: 'PR' }],
    ['+14165550100', { e164: '+14165550100', mobile: true, region: 'CA' }],
    ['+447400123456', { e164: '+447400123456', mobile: true, region: 'GB' }],
    ['+442071234567', { e164: '+442071234567', mobile: false, region: 'GB' }],
    ['+18005550100', { e164: '+18005550100', mobile: false, region: 'US' }],
    ['+4915112345678', { e164: '+4915112345678', mobile: true, region: 'DE' }],
  ])('describes %s', (input, expected) => {
    expect(normalizePhone(input)).toEqual(expected);
  });

  it('reads digits with a country code as the carrier form before the default country', () => {
    expect(normalizePhone('447400123456')?.e164).toBe('+447400123456');
    expect(normalizePhone('4915112345678')?.e164).toBe('+4915112345678');
  });

  it('reads ten digits as a national number of the default country', () => {
    expect(normalizePhone('4155550100')?.e164).toBe('+14155550100');
    expect(normalizePhone('07400 123456', 'GB')?.e164).toBe('+447400123456');
  });

  it('refuses a +1 number outside every area code', () => {
    expect(normalizePhone('+1 555 123 4567')).toBeNull();
  });

  it.each(['', 'hello', '555-0100', '+1 415 555 010', '123', '+999 1234 5678', '++'])(
    'returns null for %j',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it('ignores an unsupported default country', () => {
    expect(normalizePhone('+14155550100', 'XX')?.e164).toBe('+14155550100');
    expect(normalizePhone('4155550100', 'XX')).toBeNull();
  });
});

describe('fromCarrier and toCarrier', () => {
  it.each([
    ['14155550100', '+14155550100'],
    ['447400123456', '+447400123456'],
  ])('converts %s to %s and back', (msisdn, e164) => {
    expect(fromCarrier(msisdn)).toBe(e164);
    expect(toCarrier(e164)).toBe(msisdn);
  });

  it('accepts a carrier number that already has a plus', () => {
    expect(fromCarrier('+14155550100')).toBe('+14155550100');
  });
});

describe('isUsRegion', () => {
  it.each([
    ['+14155550100', true],
    ['+17875550100', true],
    ['+16715550100', true],
    ['+13405550100', true],
    ['+16845550100', true],
    ['+16705550100', true],
    ['+14165550100', false],
    ['+16045550100', false],
    ['+18765550100', false],
    ['+12423570000', false],
    ['+447400123456', false],
    ['not a number', false],
  ])('is %s for %s', (e164, expected) => {
    expect(isUsRegion(e164)).toBe(expected);
  });
});

describe('phoneSearchVariants', () => {
  it.each([
    ['(415) 555-0100', ['+14155550100', '14155550100', '4155550100']],
    ['+1 415 555 0100', ['+14155550100', '14155550100']],
    ['555-01', ['55501']],
    ['Ana', []],
  ])('gives variants of %j', (input, expected) => {
    expect(phoneSearchVariants(input)).toEqual(expected);
  });
});
