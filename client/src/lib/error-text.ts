/**
 * The API names the bad field in front of an input error (`number: not a valid phone number`,
 * `phones.0: "555" is not a valid phone number`). People read the sentence without the field;
 * forms that know the field show it beside that field.
 */

const FIELD_PREFIX = /^([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*): (\S[\s\S]*)$/;

export interface FieldMessage {
  /** The field path as the API wrote it (`phones.0`), or null when the message names none. */
  field: string | null;
  text: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Splits `field: message` into the field and the message as a sentence. */
export function splitFieldMessage(message: string): FieldMessage {
  const match = FIELD_PREFIX.exec(message);
  if (!match) return { field: null, text: message };
  return { field: match[1] ?? null, text: capitalise(match[2] ?? '') };
}
