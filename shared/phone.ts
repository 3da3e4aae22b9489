/**
 * Phone numbers in one form: E.164 with `+` inside the app, digits without `+` at the carrier.
 * Uses the full ("max") metadata so the number type is exact.
 */

import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** `+` and digits, e.g. `+14155550100`. */
  e164: string;
  /** True when the number can receive texts (mobile, or fixed-line-or-mobile as in the US). */
  mobile: boolean;
  /** ISO 3166 region of the number, e.g. `US`, `PR`, `CA`; undefined when not identifiable. */
  region: string | undefined;
}

/** The US and its territories, which share +1 with Canada and the Caribbean (SPEC §4 MMS). */
const US_REGIONS: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

const CARRIER_FORM = /^\d{11,15}$/;

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, country);
  } catch {
    return undefined;
  }
}

/** Parses tried in order: the carrier form (digits with country code, no `+`) first. */
function candidates(input: string, country: CountryCode | undefined): PhoneNumber[] {
  const trimmed = input.trim();
  const attempts = CARRIER_FORM.test(trimmed)
    ? [parse(`+${trimmed}`, undefined), parse(trimmed, country)]
    : [parse(trimmed, country)];
  return attempts.filter((phone): phone is PhoneNumber => phone !== undefined);
}

function isMobile(phone: PhoneNumber): boolean {
  const type = phone.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/**
 * Normalises what a person or a carrier typed — `(415) 555-0100`, `415.555.0100`,
 * `1-415-555-0100`, `+1 415 555 0100`, `14155550100` — to E.164. Only numbers valid for their
 * region are accepted; anything else is null.
 */
export function normalizePhone(input: string, defaultCountry = 'US'): NormalizedPhone | null {
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const parsed = candidates(input, country);
  const phone = parsed.find((p) => p.isValid());
  if (!phone) return null;

  return { e164: phone.number, mobile: isMobile(phone), region: phone.country };
}

/** Carrier form to E.164: `14155550100` → `+14155550100`. */
export function fromCarrier(msisdn: string): string {
  return `+${msisdn.replace(/\D/g, '')}`;
}

/** E.164 to carrier form: `+14155550100` → `14155550100`. */
export function toCarrier(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** True for numbers of the US and its territories (by the number's region, not by +1). */
export function isUsRegion(e164: string): boolean {
  const region = parse(e164, undefined)?.country;
  return region !== undefined && US_REGIONS.has(region);
}

/**
 * Strings to search stored numbers with: the E.164 form when the input parses, its digits
 * without `+`, and the digits as typed (so a partial number still matches). Distinct, in that
 * order; empty when the input has no digits.
 */
export function phoneSearchVariants(input: string): string[] {
  const variants: string[] = [];
  const e164 = normalizePhone(input)?.e164;
  if (e164) variants.push(e164, toCarrier(e164));

  const digits = input.replace(/\D/g, '');
  if (digits.length > 0) variants.push(digits);
  return [...new Set(variants)];
}
