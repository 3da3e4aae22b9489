import { describe, expect, it } from 'vitest';

import { splitFieldMessage } from './error-text.js';

describe('splitFieldMessage', () => {
  it('drops the field prefix and capitalises the sentence', () => {
    expect(splitFieldMessage('number: not a valid phone number')).toEqual({
      field: 'number',
      text: 'Not a valid phone number',
    });
  });

  it('keeps a nested field path', () => {
    expect(splitFieldMessage('phones.0: "555" is not a valid phone number')).toEqual({
      field: 'phones.0',
      text: '"555" is not a valid phone number',
    });
  });

  it('leaves a message without a field alone', () => {
    expect(splitFieldMessage('Your current password is not right.')).toEqual({
      field: null,
      text: 'Your current password is not right.',
    });
    expect(splitFieldMessage('Note: the thread is closed')).toEqual({
      field: null,
      text: 'Note: the thread is closed',
    });
  });
});
