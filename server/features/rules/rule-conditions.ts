import type { BusinessHoursSlot, RuleCondition } from '@shared/automation.js';

import { isWithinBusinessHours } from './business-hours.js';

/** What a rule's conditions are checked against: the opening text and its thread, now. */
export interface RuleContext {
  text: string;
  numberId: number;
  contact: { firstName: string; lastName: string; email: string | null };
  hasTag: (tagId: number) => boolean;
  at: Date;
  timeZone: string;
  businessHours: readonly BusinessHoursSlot[];
}

const fold = (value: string): string => value.normalize('NFKC').toLocaleLowerCase().trim();

function checkText(op: 'contains' | 'starts_with', text: string, value: string): boolean {
  const haystack = fold(text).replace(/\s+/g, ' ');
  const needle = fold(value).replace(/\s+/g, ' ');
  return op === 'contains' ? haystack.includes(needle) : haystack.startsWith(needle);
}

function checkField(
  condition: Extract<RuleCondition, { type: 'contact_field' }>,
  context: RuleContext,
): boolean {
  const value = fold(context.contact[condition.field] ?? '');
  const wanted = fold(condition.value ?? '');
  switch (condition.op) {
    case 'is_set':
      return value.length > 0;
    case 'is_empty':
      return value.length === 0;
    case 'equals':
      return value === wanted;
    case 'contains':
      return value.includes(wanted);
  }
}

/** True when one condition holds for the context. */
export function conditionHolds(condition: RuleCondition, context: RuleContext): boolean {
  switch (condition.type) {
    case 'text':
      return checkText(condition.op, context.text, condition.value);
    case 'office_number':
      return condition.numberIds.includes(context.numberId);
    case 'contact_field':
      return checkField(condition, context);
    case 'tag':
      return context.hasTag(condition.tagId) === (condition.op === 'has');
    case 'time': {
      const inside = isWithinBusinessHours(context.businessHours, context.timeZone, context.at);
      return inside === (condition.when === 'business_hours');
    }
  }
}

/** All of the conditions, or any of them; a rule without conditions always matches. */
export function ruleMatches(
  rule: { match: 'all' | 'any'; conditions: RuleCondition[] },
  context: RuleContext,
): boolean {
  if (rule.conditions.length === 0) return true;
  const holds = (condition: RuleCondition) => conditionHolds(condition, context);
  return rule.match === 'all' ? rule.conditions.every(holds) : rule.conditions.some(holds);
}
