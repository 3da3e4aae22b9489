/**
 * Search highlights as they cross the wire: the matched words of a snippet sit between two
 * private-use characters, which no name, number or text in the inbox carries, so the client can
 * split them off and render the marks as elements — never as HTML.
 */

/** Opens a matched span in a highlight's text. */
export const HIGHLIGHT_START = '\uE000';

/** Closes a matched span in a highlight's text. */
export const HIGHLIGHT_END = '\uE001';

/** Where a search result matched: the thread's name, the contact's name, a phone or a message. */
export type HighlightField = 'name' | 'contactName' | 'phone' | 'message';

export interface SearchHighlight {
  field: HighlightField;
  /** A snippet with the matches between {@link HIGHLIGHT_START} and {@link HIGHLIGHT_END}. */
  text: string;
  /** The message the snippet comes from, for `field: 'message'`. */
  messageId?: number;
}

export interface HighlightPart {
  text: string;
  match: boolean;
}

/** Splits a highlight's text into plain and matched parts, in order; empty parts are left out. */
export function splitHighlight(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current) parts.push({ text: current, match });
    current = '';
  };
  for (const char of text) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      flush();
      match = char === HIGHLIGHT_START;
    } else {
      current += char;
    }
  }
  flush();
  return parts;
}

/** Wraps a whole value as one match, e.g. the phone number a search found. */
export function markWhole(value: string): string {
  return `${HIGHLIGHT_START}${value}${HIGHLIGHT_END}`;
}
