import { afterEach, describe, expect, it } from 'vitest';

import { scrollBehavior } from './motion.js';

const settings = () =>
  (window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } })
    .happyDOM.settings.device;

describe('scrollBehavior', () => {
  afterEach(() => {
    settings().prefersReducedMotion = 'no-preference';
  });

  it('scrolls smoothly by default', () => {
    expect(scrollBehavior()).toBe('smooth');
  });

  it('jumps when the system asks for reduced motion', () => {
    settings().prefersReducedMotion = 'reduce';
    expect(scrollBehavior()).toBe('auto');
  });
});
