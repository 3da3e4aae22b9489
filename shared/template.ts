/**
 * Saved-reply fields (SPEC §7): `{{contact.firstName}}`, with an optional fallback
 * `{{contact.firstName|there}}`. The composer previews with the same function the server sends
 * with, so the preview is exactly what is sent.
 */

export type TemplateFieldKey =
  | 'contact.firstName'
  | 'contact.lastName'
  | 'contact.fullName'
  | 'user.firstName'
  | 'user.name'
  | 'office.name'
  | 'office.number';

export interface TemplateField {
  key: TemplateFieldKey;
  label: string;
}

/** Every field a saved reply may use, with the label the editor shows. */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  { key: 'contact.firstName', label: 'Contact first name' },
  { key: 'contact.lastName', label: 'Contact last name' },
  { key: 'contact.fullName', label: 'Contact full name' },
  { key: 'user.firstName', label: 'Your first name' },
  { key: 'user.name', label: 'Your full name' },
  { key: 'office.name', label: 'Office name' },
  { key: 'office.number', label: 'Office number' },
];

export interface FilledTemplate {
  text: string;
  /** Fields with no value and no fallback; they stay in the text as written and block sending. */
  missing: string[];
  /** Placeholders that name no known field; they stay in the text as written. */
  unknown: string[];
}

const PLACEHOLDER = /\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

const FIELD_BY_LOWER_KEY: ReadonlyMap<string, TemplateFieldKey> = new Map(
  TEMPLATE_FIELDS.map((field) => [field.key.toLowerCase(), field.key]),
);

function hasValue(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Fills the fields of a saved reply from `values` (keyed by field, e.g. `contact.firstName`).
 * Field names are matched ignoring case and the spaces inside the braces; a blank value counts
 * as none, so the fallback (trimmed; may be empty) is used, or the field is reported missing.
 * Values and fallbacks are inserted trimmed.
 */
export function fillTemplate(
  template: string,
  values: Record<string, string | null | undefined>,
): FilledTemplate {
  const missing = new Set<string>();
  const unknown = new Set<string>();

  const text = template.replace(PLACEHOLDER, (whole, rawName: string, rawFallback?: string) => {
    const name = rawName.trim();
    const key = FIELD_BY_LOWER_KEY.get(name.toLowerCase());
    if (!key) {
      unknown.add(name);
      return whole;
    }

    const value = values[key];
    if (hasValue(value)) return value.trim();
    if (rawFallback !== undefined) return rawFallback.trim();
    missing.add(key);
    return whole;
  });

  return { text, missing: [...missing], unknown: [...unknown] };
}

/** A stretch of a saved reply: plain text, or one known field (unknown ones stay plain text). */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: TemplateFieldKey; label: string; fallback: string | null };

/** Splits a saved reply into text and fields, so a list can show fields by their labels. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  const pushText = (text: string) => {
    if (text) parts.push({ kind: 'text', text });
  };
  for (const match of template.matchAll(PLACEHOLDER)) {
    const key = FIELD_BY_LOWER_KEY.get(match[1]!.trim().toLowerCase());
    if (!key) continue;
    pushText(template.slice(from, match.index));
    const label = TEMPLATE_FIELDS.find((field) => field.key === key)!.label;
    parts.push({ kind: 'field', key, label, fallback: match[2]?.trim() ?? null });
    from = match.index + match[0].length;
  }
  pushText(template.slice(from));
  return parts;
}
