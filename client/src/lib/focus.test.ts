import { afterEach, describe, expect, it } from 'vitest';

import { focusLost, refocusIfLost } from './focus.js';

const byId = (id: string) => document.getElementById(id) as HTMLElement | null;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('refocusIfLost', () => {
  it('moves the focus to the first target that can take it once its control is removed', () => {
    document.body.innerHTML =
      '<button id="gone">Assign to me</button><select id="off" disabled></select>' +
      '<select id="assignee"></select>';
    byId('gone')!.focus();
    byId('gone')!.remove();

    expect(focusLost()).toBe(true);
    expect(
      refocusIfLost(
        () => byId('missing'),
        () => byId('off'),
        () => byId('assignee'),
      ),
    ).toBe(true);
    expect(document.activeElement?.id).toBe('assignee');
  });

  it('counts a focused control that became disabled as lost', () => {
    document.body.innerHTML = '<button id="send">Send</button><input id="name" />';
    byId('send')!.focus();
    (byId('send') as HTMLButtonElement).disabled = true;

    refocusIfLost(() => byId('name'));
    expect(document.activeElement?.id).toBe('name');
  });

  it('leaves the focus alone where it still is on something usable', () => {
    document.body.innerHTML = '<input id="search" /><input id="name" />';
    byId('search')!.focus();

    expect(refocusIfLost(() => byId('name'))).toBe(false);
    expect(document.activeElement?.id).toBe('search');
  });
});
