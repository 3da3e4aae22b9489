import { createHash, timingSafeEqual } from 'node:crypto';

import { verifySignature } from '@vonage/jwt';

/**
 * Checks a Vonage signed webhook: an HS256 bearer JWT over the signature secret whose
 * `payload_hash` is the SHA-256 of the exact request bytes. The SDK checks only the signature,
 * so the hash is compared here against the raw body.
 */
export function isSignedByVonage(
  authorization: string | undefined,
  rawBody: Buffer,
  secret: string,
): boolean {
  const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return false;

  const [header, payload] = token.split('.').map(decodeJson);
  if (header?.alg !== 'HS256' || typeof payload?.payload_hash !== 'string') return false;

  let signed = false;
  try {
    signed = verifySignature(token, secret);
  } catch {
    return false;
  }
  if (!signed) return false;

  const expected = createHash('sha256').update(rawBody).digest();
  const given = Buffer.from(payload.payload_hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function decodeJson(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
