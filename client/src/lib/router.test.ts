import { describe, expect, it } from 'vitest';

import { matchRoute } from './router.js';

describe('matchRoute', () => {
  it('extracts named parameters', () => {
    expect(matchRoute('/c/:id', '/c/42')).toEqual({ id: '42' });
  });

  it('rejects paths of another length or with other fixed segments', () => {
    expect(matchRoute('/c/:id', '/c')).toBeNull();
    expect(matchRoute('/contacts/new', '/contacts/7')).toBeNull();
  });

  it('ignores a trailing slash', () => {
    expect(matchRoute('/board', '/board/')).toEqual({});
  });
});
