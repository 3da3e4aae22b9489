/**
 * Carrier error codes in plain words. Vonage reports Messages API errors by code in the error
 * `title`; delivery receipts from handsets use the older SMS codes.
 */
const REASONS: Record<string, string> = {
  '1240': 'the recipient opted out',
  '1250': 'the number cannot be reached by text',
  '1170': 'the number is not valid',
  '1160': 'the number is not on the account’s allowed list',
  '1120': 'the office number is not allowed to send to this destination',
  '1210': 'the carrier’s spam filter rejected the text',
  '1000': 'the carrier is throttling our texts',
  '1300': 'the number is not a mobile',
  '1360': 'the text expired before it could be delivered',
  '1': 'the carrier did not say why',
  '2': 'the phone is switched off or out of reach',
  '3': 'the number is no longer in service',
  '4': 'the recipient has blocked texts',
  '5': 'the number moved to another carrier and could not be reached',
  '6': 'the carrier’s spam filter rejected the text',
  '7': 'the phone was busy',
  '8': 'the carrier’s network failed',
  '9': 'the number is not valid',
  '10': 'the carrier refused the text',
  '11': 'the number cannot be reached by text',
  '12': 'the number cannot be reached by text',
  '13': 'the recipient’s age settings block the text',
  '14': 'the recipient’s carrier blocked the number',
  '15': 'the recipient’s prepaid balance is too low',
  '99': 'the carrier reported a general error',
};

export const OPTED_OUT_CODE = '1240';

export function reasonFor(code: string | null | undefined, detail?: string | null): string {
  if (code && REASONS[code]) return REASONS[code];
  if (detail) {
    const cleaned = detail.replace(/\s+/g, ' ').trim().slice(0, 200);
    return cleaned.charAt(0).toLowerCase() + cleaned.slice(1).replace(/\.$/, '');
  }
  return code ? `the carrier refused the text (code ${code})` : 'the carrier refused the text';
}
