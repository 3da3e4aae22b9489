import type { TemplatePreviewDto } from '@shared/automation.js';
import { countSms, normalizeText } from '@shared/sms.js';
import { fillTemplate, TEMPLATE_FIELDS } from '@shared/template.js';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { getSettings } from '../admin/settings.js';

/** Where a text is going and who writes it: the data its fields are filled from. */
export interface TemplateContext {
  conversationId?: number | null;
  contactId?: number | null;
  numberId?: number | null;
  userId?: number | null;
}

type Values = Record<string, string | null>;

const FIELD_LABELS = new Map<string, string>(
  TEMPLATE_FIELDS.map((field) => [field.key, field.label]),
);

/** Reads the current values of every template field; unknown ids leave their fields empty. */
export function templateValues(deps: Deps, context: TemplateContext): Values {
  const { sqlite } = deps.db;
  const thread = context.conversationId
    ? sqlite
        .prepare<[number], { contact_id: number; number_id: number }>(
          'SELECT contact_id, number_id FROM conversations WHERE id = ?',
        )
        .get(context.conversationId)
    : undefined;
  if (context.conversationId && !thread) throw errors.notFound('The conversation');

  const contactId = thread?.contact_id ?? context.contactId ?? null;
  const numberId = thread?.number_id ?? context.numberId ?? null;
  const contact = contactId
    ? sqlite
        .prepare<[number], { first_name: string; last_name: string }>(
          'SELECT first_name, last_name FROM contacts WHERE id = ?',
        )
        .get(contactId)
    : undefined;
  const number = numberId
    ? sqlite
        .prepare<[number], { e164: string }>('SELECT e164 FROM office_numbers WHERE id = ?')
        .get(numberId)
    : undefined;
  const user = context.userId
    ? sqlite
        .prepare<[number], { name: string }>('SELECT name FROM users WHERE id = ?')
        .get(context.userId)
    : undefined;

  const fullName = contact ? `${contact.first_name} ${contact.last_name}`.trim() : null;
  return {
    'contact.firstName': contact?.first_name ?? null,
    'contact.lastName': contact?.last_name ?? null,
    'contact.fullName': fullName,
    'user.firstName': user?.name.trim().split(/\s+/)[0] ?? null,
    'user.name': user?.name ?? null,
    'office.name': getSettings(deps).officeName,
    'office.number': number?.e164 ?? null,
  };
}

/** Fills a template from current data and counts the result as the composer and server do. */
export function previewTemplate(
  deps: Deps,
  template: string,
  context: TemplateContext,
): TemplatePreviewDto {
  const filled = fillTemplate(normalizeText(template), templateValues(deps, context));
  return { ...filled, counts: countSms(filled.text) };
}

/**
 * Fills the fields of an outbound text from the thread's current data. A field with no value
 * and no fallback refuses the send: 422 `template_field_missing`, naming the field.
 */
export function fillForSending(
  deps: Deps,
  input: { conversationId: number; authorId: number | null },
  text: string,
): string {
  if (!text.includes('{{')) return text;

  const filled = fillTemplate(
    text,
    templateValues(deps, { conversationId: input.conversationId, userId: input.authorId }),
  );
  const [first] = filled.missing;
  if (first !== undefined) {
    const label = (FIELD_LABELS.get(first) ?? first).toLowerCase();
    throw errors.unprocessable(
      'template_field_missing',
      `{{${first}}} has no value here (${label}). Edit it out or give it a fallback, ` +
        `like {{${first}|there}}, before sending.`,
      { missing: filled.missing },
    );
  }
  return filled.text;
}
