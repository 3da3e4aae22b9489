import { describe, expect, it } from 'vitest';

import { formatDuration, formatPhone, initials, relativeTime } from './format.js';

describe('formatPhone', () => {
  it('spaces North American numbers', () => {
    expect(formatPhone('+16175550123')).toBe('+1 (617) 555-0123');
  });

  it('leaves other numbers in E.164', () => {
    expect(formatPhone('+33612345678')).toBe('+33612345678');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('says minutes and hours for today', () => {
    expect(relativeTime('2026-03-10T11:55:00Z', now)).toBe('5 min');
    expect(relativeTime('2026-03-10T09:00:00Z', now)).toBe('3 h');
    expect(relativeTime('2026-03-10T11:59:50Z', now)).toBe('now');
  });
});

describe('formatDuration', () => {
  it('rounds to minutes and hours', () => {
    expect(formatDuration(20_000)).toBe('less than a minute');
    expect(formatDuration(4 * 60_000)).toBe('4 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
  });
});

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initials('Dana Lee')).toBe('DL');
    expect(initials('Dana Maria Lee')).toBe('DL');
    expect(initials('admin')).toBe('A');
  });
});
