import type { BotAnswerDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';

interface BotAnswerRow {
  id: number;
  question: string;
  answer: string;
  keywords: string;
  position: number;
}

export interface BotAnswerInput {
  question: string;
  answer: string;
  keywords: string[];
}

const toDto = (row: BotAnswerRow): BotAnswerDto => ({
  id: row.id,
  question: row.question,
  answer: row.answer,
  keywords: row.keywords
    .split(',')
    .map((keyword) => keyword.trim())
    .filter(Boolean),
  position: row.position,
});

const joinKeywords = (keywords: string[]) =>
  [...new Set(keywords.map((k) => k.replace(/,/g, ' ').trim()).filter(Boolean))].join(', ');

/** The bot's questions and answers, kept by admins, in the order they list them. */
export class BotAnswers {
  private readonly statements;

  constructor(private readonly deps: Deps) {
    const { sqlite } = deps.db;
    this.statements = {
      all: sqlite.prepare<[], BotAnswerRow>('SELECT * FROM bot_answers ORDER BY position, id'),
      byId: sqlite.prepare<[number], BotAnswerRow>('SELECT * FROM bot_answers WHERE id = ?'),
      insert: sqlite.prepare<[string, string, string, string, string], { id: number }>(
        `INSERT INTO bot_answers (question, answer, keywords, position, created_at, updated_at)
         VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM bot_answers), ?, ?)
         RETURNING id`,
      ),
      update: sqlite.prepare<[string, string, string, string, number]>(
        `UPDATE bot_answers SET question = ?, answer = ?, keywords = ?, updated_at = ?
         WHERE id = ?`,
      ),
      remove: sqlite.prepare<[number]>('DELETE FROM bot_answers WHERE id = ?'),
    };
  }

  list(): BotAnswerDto[] {
    return this.statements.all.all().map(toDto);
  }

  load(id: number): BotAnswerDto {
    const row = this.statements.byId.get(id);
    if (!row) throw errors.notFound('The answer');
    return toDto(row);
  }

  create(input: BotAnswerInput): BotAnswerDto {
    const now = nowIso(this.deps);
    const row = this.statements.insert.get(
      input.question,
      input.answer,
      joinKeywords(input.keywords),
      now,
      now,
    );
    return this.load(row!.id);
  }

  update(id: number, change: Partial<BotAnswerInput>): BotAnswerDto {
    const next = { ...this.load(id), ...change };
    this.statements.update.run(
      next.question,
      next.answer,
      joinKeywords(next.keywords),
      nowIso(this.deps),
      id,
    );
    return this.load(id);
  }

  delete(id: number): void {
    this.load(id);
    this.statements.remove.run(id);
  }
}
