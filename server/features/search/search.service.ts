import { toCarrier } from '@shared/phone.js';
import { markWhole, type SearchHighlight } from '@shared/search.js';

import type { Deps } from '../../context.js';
import { defaultCountry } from '../admin/settings.js';
import { buildSearchMatch, markWords, snippetOf, type SearchMatch } from './search-query.js';

/** What matched in one conversation: its newest matching message, and / or its own fields. */
interface Hit {
  messageId: number | null;
  byField: boolean;
}

/** What highlighting a listed conversation needs from its row. */
export interface ListedRow {
  id: number;
  name: string;
  contactName: string;
}

/** The conversations a search matched, and how to highlight the ones a page shows. */
export interface SearchResult {
  /** Matching conversation ids: by their newest matching message, then newest thread first. */
  ids: number[];
  highlights(rows: ListedRow[]): Map<number, SearchHighlight>;
}

/** Messages read per search before giving up on finding more distinct conversations. */
const MESSAGE_SCAN = 2_000;

/**
 * Search over SQLite FTS5 (drizzle/0002_search.sql): conversation names, contact names and phone
 * numbers in conversation_search, message text in message_search. Matches are read newest first
 * by rowid and never ranked, which keeps a common word as cheap as a rare one: the newest threads
 * by message and the newest by name or number, `limit` of each; the list orders them by activity.
 */
export class SearchService {
  private readonly statements;

  constructor(private readonly deps: Deps) {
    const { sqlite } = deps.db;
    this.statements = {
      conversations: sqlite.prepare<[string, number], { id: number }>(
        `SELECT rowid AS id FROM conversation_search WHERE conversation_search MATCH ?
         ORDER BY rowid DESC LIMIT ?`,
      ),
      messages: sqlite.prepare<[string, number], { id: number; conversation_id: number }>(
        `SELECT m.id, m.conversation_id FROM message_search s JOIN messages m ON m.id = s.rowid
         WHERE message_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
      ),
      texts: sqlite.prepare<[string], { id: number; text: string }>(
        'SELECT id, text FROM messages WHERE id IN (SELECT value FROM json_each(?))',
      ),
      phones: sqlite.prepare<[{ id: number }], { e164: string }>(
        `SELECT c.phone AS e164 FROM conversations c WHERE c.id = @id
         UNION ALL
         SELECT p.e164 FROM contact_phones p
         JOIN conversations c ON p.contact_id = c.contact_id WHERE c.id = @id`,
      ),
    };
  }

  /** Conversations matching `q`: at most `limit` by message text and `limit` by their fields. */
  find(q: string, limit: number): SearchResult {
    const match = buildSearchMatch(q, defaultCountry(this.deps));
    const hits = new Map<number, Hit>();

    if (match.messages) {
      for (const row of this.statements.messages.iterate(match.messages, MESSAGE_SCAN)) {
        if (!hits.has(row.conversation_id)) {
          hits.set(row.conversation_id, { messageId: row.id, byField: false });
        }
        if (hits.size >= limit) break;
      }
    }
    const byField = match.conversations
      ? this.statements.conversations.all(match.conversations, limit).map((row) => row.id)
      : [];
    for (const id of byField)
      hits.set(id, { messageId: hits.get(id)?.messageId ?? null, byField: true });

    return { ids: [...hits.keys()], highlights: (rows) => this.highlight(match, hits, rows) };
  }

  /** The SQL of every search statement, for the query-plan checks. */
  statementsForPlans(): string[] {
    return Object.values(this.statements).map((statement) => statement.source);
  }

  private highlight(match: SearchMatch, hits: Map<number, Hit>, rows: ListedRow[]) {
    const messageIds = rows.map((row) => hits.get(row.id)?.messageId).filter((id) => id != null);
    const texts = new Map(
      this.statements.texts.all(JSON.stringify(messageIds)).map((m) => [m.id, m.text]),
    );

    const result = new Map<number, SearchHighlight>();
    for (const row of rows) {
      const hit = hits.get(row.id);
      if (!hit) continue;
      // A number searched for is best shown as the number; words, in the text that has them.
      const phoneFirst = hit.byField && match.phoneDigits.length > 0;
      const text = hit.messageId === null || phoneFirst ? undefined : texts.get(hit.messageId);
      const snippet = text === undefined ? null : snippetOf(text, match.messageWords);
      const highlight = snippet
        ? { field: 'message' as const, text: snippet, messageId: hit.messageId as number }
        : this.fieldHighlight(match, row);
      if (highlight) result.set(row.id, highlight);
    }
    return result;
  }

  /** Names are marked here from the listed row: cheaper than a prefix MATCH per row. */
  private fieldHighlight(match: SearchMatch, row: ListedRow): SearchHighlight | null {
    if (match.phoneDigits.length) {
      const phone = this.statements.phones
        .all({ id: row.id })
        .find((row) =>
          match.phoneDigits.some((digits) => matchesPhone(toCarrier(row.e164), digits)),
        );
      return phone ? { field: 'phone', text: markWhole(phone.e164) } : null;
    }
    const name = markWords(row.name, match.words);
    if (name) return { field: 'name', text: name };
    const contactName = markWords(row.contactName, match.words);
    return contactName ? { field: 'contactName', text: contactName } : null;
  }
}

/** The forms drizzle/0002_search.sql indexes: whole digits, or a suffix the query starts. */
function matchesPhone(stored: string, digits: string): boolean {
  if (stored === digits) return true;
  for (const length of [10, 9, 8, 7, 4]) {
    if (stored.slice(-length).startsWith(digits)) return true;
  }
  return stored.startsWith(digits);
}
