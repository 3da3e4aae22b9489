import type { RuleAction, RuleCondition, RuleDto } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { nowIso } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { category } from '../../lib/logger.js';
import { actionSchema, checkReferences, conditionSchema } from './rule.schema.js';

interface RuleRow {
  id: number;
  name: string;
  position: number;
  enabled: number;
  match: 'all' | 'any';
  conditions: string;
  actions: string;
  created_at: string;
  updated_at: string;
}

export interface RuleInput {
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** The ordered list of conversation rules: storage, order and validation of references. */
export class RuleService {
  private readonly log;
  private readonly statements;

  constructor(private readonly deps: Deps) {
    this.log = category(deps.logger, 'rules');
    const { sqlite } = deps.db;
    this.statements = {
      all: sqlite.prepare<[], RuleRow>('SELECT * FROM rules ORDER BY position, id'),
      enabled: sqlite.prepare<[], RuleRow>(
        'SELECT * FROM rules WHERE enabled = 1 ORDER BY position, id',
      ),
      byId: sqlite.prepare<[number], RuleRow>('SELECT * FROM rules WHERE id = ?'),
      last: sqlite.prepare<[], { position: number | null }>(
        'SELECT MAX(position) AS position FROM rules',
      ),
      insert: sqlite.prepare<
        [string, number, number, string, string, string, string, string],
        { id: number }
      >(
        `INSERT INTO rules (name, position, enabled, match, conditions, actions, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      ),
      update: sqlite.prepare<[string, number, string, string, string, string, number]>(
        `UPDATE rules SET name = ?, enabled = ?, match = ?, conditions = ?, actions = ?,
           updated_at = ? WHERE id = ?`,
      ),
      move: sqlite.prepare<[number, string, number]>(
        'UPDATE rules SET position = ?, updated_at = ? WHERE id = ?',
      ),
      remove: sqlite.prepare<[number]>('DELETE FROM rules WHERE id = ?'),
    };
  }

  list(): RuleDto[] {
    return this.statements.all
      .all()
      .map((row) => this.present(row))
      .filter((rule) => rule !== null);
  }

  /** The rules that are on, in order; a stored rule that no longer parses is skipped and logged. */
  enabled(): RuleDto[] {
    return this.statements.enabled
      .all()
      .map((row) => this.present(row))
      .filter((rule) => rule !== null);
  }

  load(id: number): RuleDto {
    const row = this.statements.byId.get(id);
    const rule = row ? this.present(row) : null;
    if (!rule) throw errors.notFound('The rule');
    return rule;
  }

  /** Adds a rule at the end of the list. */
  create(input: RuleInput): RuleDto {
    checkReferences(this.deps, input.conditions, input.actions);
    const now = nowIso(this.deps);
    const position = (this.statements.last.get()?.position ?? 0) + 1;
    const row = this.statements.insert.get(
      input.name,
      position,
      input.enabled ? 1 : 0,
      input.match,
      JSON.stringify(input.conditions),
      JSON.stringify(input.actions),
      now,
      now,
    );
    return this.load(row!.id);
  }

  update(id: number, change: Partial<RuleInput>): RuleDto {
    const next = { ...this.load(id), ...change };
    checkReferences(this.deps, next.conditions, next.actions);
    this.statements.update.run(
      next.name,
      next.enabled ? 1 : 0,
      next.match,
      JSON.stringify(next.conditions),
      JSON.stringify(next.actions),
      nowIso(this.deps),
      id,
    );
    return this.load(id);
  }

  delete(id: number): void {
    this.load(id);
    this.statements.remove.run(id);
  }

  /** Puts the rules in the order given; every rule must be named exactly once. */
  reorder(ids: number[]): RuleDto[] {
    const current = this.statements.all.all().map((row) => row.id);
    const same = ids.length === current.length && new Set(ids).size === ids.length;
    if (!same || !ids.every((id) => current.includes(id))) {
      throw errors.invalidInput('ids: list every rule exactly once, in the new order');
    }
    const now = nowIso(this.deps);
    this.deps.db.sqlite.transaction(() => {
      ids.forEach((id, index) => this.statements.move.run(index + 1, now, id));
    })();
    return this.list();
  }

  private present(row: RuleRow): RuleDto | null {
    const conditions = conditionSchema.array().safeParse(JSON.parse(row.conditions));
    const actions = actionSchema.array().safeParse(JSON.parse(row.actions));
    if (!conditions.success || !actions.success) {
      this.log.warn({ ruleId: row.id }, 'stored rule does not parse; skipped');
      return null;
    }
    return {
      id: row.id,
      name: row.name,
      position: row.position,
      enabled: row.enabled === 1,
      match: row.match,
      conditions: conditions.data as RuleCondition[],
      actions: actions.data as RuleAction[],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
