import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { dismissNotice, notices, showNotice } from './notices.store.js';

const texts = () => notices.map((notice) => notice.text);

describe('notices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const notice of [...notices]) dismissNotice(notice.id);
    vi.useRealTimers();
  });

  it('lets a routine confirmation go after about four seconds', () => {
    showNotice('Contact saved.');
    vi.advanceTimersByTime(3_500);
    expect(texts()).toEqual(['Contact saved.']);
    vi.advanceTimersByTime(1_000);
    expect(texts()).toEqual([]);
  });

  it('keeps an error until it is dismissed', () => {
    showNotice('Could not save the contact.', 'error');
    showNotice('Contact saved.');
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['Could not save the contact.']);
    dismissNotice(notices[0]!.id);
    expect(texts()).toEqual([]);
  });
});
