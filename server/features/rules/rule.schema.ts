import type { RuleAction, RuleCondition } from '@shared/automation.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { z } from '../../lib/validate.js';

const id = z.number().int().positive();
const keyword = z.string().trim().min(1, 'give the words to look for').max(200);

export const conditionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('text'), op: z.enum(['contains', 'starts_with']), value: keyword })
    .strict(),
  z.object({ type: z.literal('office_number'), numberIds: z.array(id).min(1).max(50) }).strict(),
  z
    .object({
      type: z.literal('contact_field'),
      field: z.enum(['firstName', 'lastName', 'email']),
      op: z.enum(['is_set', 'is_empty', 'equals', 'contains']),
      value: z.string().trim().max(200).optional(),
    })
    .strict()
    .refine(
      (c) => c.op === 'is_set' || c.op === 'is_empty' || Boolean(c.value),
      'give the value to compare with',
    ),
  z.object({ type: z.literal('tag'), op: z.enum(['has', 'lacks']), tagId: id }).strict(),
  z
    .object({ type: z.literal('time'), when: z.enum(['business_hours', 'outside_business_hours']) })
    .strict(),
]);

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add_tag'), tagId: id }).strict(),
  z
    .object({
      type: z.literal('assign'),
      assignee: z.object({ type: z.enum(['user', 'team']), id }).strict(),
      ifUnassigned: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('add_participants'), userIds: z.array(id).min(1).max(50) }).strict(),
  z
    .object({
      type: z.literal('auto_reply'),
      text: z.string().trim().min(1).max(1600).optional(),
      savedReplyId: id.optional(),
    })
    .strict()
    .refine(
      (a) => (a.text === undefined) !== (a.savedReplyId === undefined),
      'give text or savedReplyId',
    ),
  z.object({ type: z.literal('close') }).strict(),
]);

const ruleFields = {
  name: z.string().trim().min(1, 'name the rule').max(80),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(conditionSchema).max(20),
  actions: z.array(actionSchema).min(1, 'a rule needs at least one action').max(20),
};

export const ruleBody = z
  .object({
    ...ruleFields,
    enabled: ruleFields.enabled.default(true),
    match: ruleFields.match.default('all'),
    conditions: ruleFields.conditions.default([]),
  })
  .strict();

/** A change to a rule: only the fields given (no defaults, so nothing else is reset). */
export const rulePatch = z.object(ruleFields).partial().strict();

export const reorderBody = z.object({ ids: z.array(id).max(500) }).strict();

const exists = (deps: Deps, table: string, value: number, extra = ''): boolean =>
  deps.db.sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ? ${extra}`).get(value) !== undefined;

/** Refuses a rule whose conditions or actions name a tag, person, team, number or reply gone. */
export function checkReferences(
  deps: Deps,
  conditions: RuleCondition[],
  actions: RuleAction[],
): void {
  const fail = (what: string) => {
    throw errors.invalidInput(what);
  };
  for (const condition of conditions) {
    if (condition.type === 'tag' && !exists(deps, 'tags', condition.tagId))
      fail('conditions: no such tag');
    if (condition.type === 'office_number') {
      for (const numberId of condition.numberIds) {
        if (!exists(deps, 'office_numbers', numberId))
          fail(`conditions: no office number ${numberId}`);
      }
    }
  }
  for (const action of actions) {
    if (action.type === 'add_tag' && !exists(deps, 'tags', action.tagId))
      fail('actions: no such tag');
    if (action.type === 'assign') {
      const { type, id: target } = action.assignee;
      const found =
        type === 'user'
          ? exists(deps, 'users', target, 'AND active = 1')
          : exists(deps, 'teams', target);
      if (!found) fail(`actions: no such ${type === 'user' ? 'active user' : 'team'} to assign`);
    }
    if (action.type === 'add_participants') {
      for (const userId of action.userIds) {
        if (!exists(deps, 'users', userId, 'AND active = 1'))
          fail(`actions: no active user ${userId}`);
      }
    }
    if (action.type === 'auto_reply' && action.savedReplyId !== undefined) {
      if (!exists(deps, 'saved_replies', action.savedReplyId)) fail('actions: no such saved reply');
    }
  }
}
