import { describe, expect, it } from 'vitest';

import { shortcutGroupsFor } from './shortcut-list.js';

const actions = (supervisor: boolean) =>
  shortcutGroupsFor(supervisor).flatMap((group) => group.entries.map((entry) => entry.keys[0]));

describe('shortcutGroupsFor', () => {
  it('lists the board and reports keys for supervisors', () => {
    expect(actions(true)).toEqual(expect.arrayContaining(['g i', 'g c', 'g b', 'g r']));
  });

  it('leaves them out for counselors and keeps everything else', () => {
    const counselor = actions(false);
    expect(counselor).not.toContain('g b');
    expect(counselor).not.toContain('g r');
    expect(counselor).toEqual(actions(true).filter((keys) => keys !== 'g b' && keys !== 'g r'));
  });
});
