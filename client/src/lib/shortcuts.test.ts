import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  bindShortcut,
  handleShortcutKey,
  isTypingTarget,
  resetShortcuts,
  SEQUENCE_MS,
  startShortcuts,
} from './shortcuts.js';

function keyAt(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

const element = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

beforeEach(() => resetShortcuts());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('handleShortcutKey', () => {
  it('runs the bound key and prevents its default', () => {
    const run = vi.fn();
    bindShortcut({ key: 'j', run });
    const event = keyAt(document.body, 'j');
    handleShortcutKey(event);
    expect(run).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves keys typed into a field alone, except bindings made for fields', () => {
    const j = vi.fn();
    const escape = vi.fn();
    bindShortcut({ key: 'j', run: j });
    bindShortcut({ key: 'Escape', inFields: true, run: escape });
    const field = element('<textarea></textarea>');
    const typed = keyAt(field, 'j');
    handleShortcutKey(typed);
    handleShortcutKey(keyAt(field, 'Escape'));
    expect(j).not.toHaveBeenCalled();
    expect(typed.defaultPrevented).toBe(false);
    expect(escape).toHaveBeenCalledTimes(1);
  });

  it('ignores keys held with Ctrl, Alt or Meta, and keys a handler already used', () => {
    const run = vi.fn();
    bindShortcut({ key: 'e', run });
    handleShortcutKey(keyAt(document.body, 'e', { ctrlKey: true }));
    handleShortcutKey(keyAt(document.body, 'e', { altKey: true }));
    handleShortcutKey(keyAt(document.body, 'e', { metaKey: true }));
    const used = keyAt(document.body, 'e');
    used.preventDefault();
    handleShortcutKey(used);
    expect(run).not.toHaveBeenCalled();
  });

  it('ignores keys inside a dialog, which handles its own', () => {
    const run = vi.fn();
    bindShortcut({ key: 'j', run });
    const dialog = element('<div role="dialog"><button>Close</button></div>');
    handleShortcutKey(keyAt(dialog.querySelector('button')!, 'j'));
    expect(run).not.toHaveBeenCalled();
  });

  it('prefers the newest binding whose condition holds, and forgets removed ones', () => {
    const older = vi.fn();
    const newer = vi.fn();
    let ready = true;
    bindShortcut({ key: 'a', run: older });
    const unbind = bindShortcut({ key: 'a', run: newer, when: () => ready });
    handleShortcutKey(keyAt(document.body, 'a'));
    ready = false;
    handleShortcutKey(keyAt(document.body, 'a'));
    ready = true;
    unbind();
    handleShortcutKey(keyAt(document.body, 'a'));
    expect(newer).toHaveBeenCalledTimes(1);
    expect(older).toHaveBeenCalledTimes(2);
  });

  it('runs a two-key sequence typed in time, and not one typed too slowly', () => {
    const inbox = vi.fn();
    const i = vi.fn();
    bindShortcut({ key: 'g i', run: inbox });
    bindShortcut({ key: 'i', run: i });
    handleShortcutKey(keyAt(document.body, 'g'), 1_000);
    handleShortcutKey(keyAt(document.body, 'i'), 1_000 + SEQUENCE_MS - 1);
    expect(inbox).toHaveBeenCalledTimes(1);
    expect(i).not.toHaveBeenCalled();

    handleShortcutKey(keyAt(document.body, 'g'), 10_000);
    handleShortcutKey(keyAt(document.body, 'i'), 10_000 + SEQUENCE_MS + 1);
    expect(inbox).toHaveBeenCalledTimes(1);
    expect(i).toHaveBeenCalledTimes(1);
  });
});

describe('isTypingTarget', () => {
  it('counts text fields, selects and editable content, not buttons or checkboxes', () => {
    expect(isTypingTarget(element('<input type="search">'))).toBe(true);
    expect(isTypingTarget(element('<select><option>a</option></select>'))).toBe(true);
    expect(isTypingTarget(element('<div contenteditable="true"><b>x</b></div>'))).toBe(true);
    expect(isTypingTarget(element('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(element('<button>Send</button>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('startShortcuts', () => {
  it('listens on the window until stopped', () => {
    const run = vi.fn();
    bindShortcut({ key: '?', run });
    const stop = startShortcuts(window);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
    stop();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true }));
    expect(run).toHaveBeenCalledTimes(1);
  });
});
