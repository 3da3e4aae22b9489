import { describe, expect, it } from 'vitest';

import {
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  classifyKeyword,
} from '../../shared/optout.js';

describe('OPT_OUT_KEYWORDS', () => {
  it('holds the keywords of SPEC §3', () => {
    expect([...OPT_OUT_KEYWORDS].sort()).toEqual(
      [
        'STOP',
        'STOPALL',
        'STOP ALL',
        'UNSUBSCRIBE',
        'CANCEL',
        'END',
        'QUIT',
        'REVOKE',
        'OPTOUT',
        'OPT OUT',
      ].sort(),
    );
  });
});

describe('classifyKeyword', () => {
  it.each(OPT_OUT_KEYWORDS)('reads %s as stop', (keyword) => {
    expect(classifyKeyword(keyword)).toBe('stop');
    expect(classifyKeyword(keyword.toLowerCase())).toBe('stop');
  });

  it.each(OPT_IN_KEYWORDS)('reads %s as start', (keyword) => {
    expect(classifyKeyword(keyword)).toBe('start');
  });

  it.each(HELP_KEYWORDS)('reads %s as help', (keyword) => {
    expect(classifyKeyword(keyword)).toBe('help');
  });

  it.each([
    ['  Stop. ', 'stop'],
    ['stop!!', 'stop'],
    ['STOP!', 'stop'],
    ['Stop\n', 'stop'],
    ['\tsToP ', 'stop'],
    ['stop   all', 'stop'],
    ['Stop all.', 'stop'],
    ['opt out', 'stop'],
    ['Opt-out', 'stop'],
    ['opt  out!', 'stop'],
    ['"STOP"', 'stop'],
    ['ＳＴＯＰ', 'stop'],
    ['stop\u200b', 'stop'],
    ['Unsubscribe.', 'stop'],
    ['cancel?', 'stop'],
    ['End', 'stop'],
    ['quit!', 'stop'],
    ['start', 'start'],
    ['Start.', 'start'],
    ['unstop', 'start'],
    ['Help?', 'help'],
    ['info', 'help'],
    ['Info.', 'help'],
  ])('reads %j as %s', (text, expected) => {
    expect(classifyKeyword(text)).toBe(expected);
  });

  it.each([
    'Stop please',
    'Cancel my visit',
    'STOP!!! please',
    'Stop, I already applied',
    'Stop texting me',
    'End these messages',
    'Quit it',
    'Unsubscribe me',
    'Opt out please',
    'Stop. Stop.',
    'stop 🛑',
  ])('flags %j as a possible opt-out', (text) => {
    expect(classifyKeyword(text)).toBe('possible_stop');
  });

  it.each([
    'Stopping by tomorrow',
    'Endless thanks',
    'Quite right',
    'Information please',
    'Cancellation policy?',
    'Please stop',
    'Can you help me with my essay?',
    'Helpful, thanks',
    'Start date?',
    'Starting Monday',
    'Revoked?',
    'Option 2',
    'Hi',
    '',
    '   ',
    '...',
  ])('ignores %j', (text) => {
    expect(classifyKeyword(text)).toBeNull();
  });
});
