import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a Vonage signed webhook: an HS256 bearer JWT over the signature secret whose
 * `payload_hash` is the SHA-256 of the exact request bytes, compared here against the raw body.
 * `exp` and `nbf`, when present, are honoured as a JWT library would.
 */
export function isSignedByVonage(
  authorization: string | undefined,
  rawBody: Buffer,
  secret: string,
  nowMs = Date.now(),
): boolean {
  const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return false;

  const [header, payload] = token.split('.').map(decodeJson);
  if (header?.alg !== 'HS256' || typeof payload?.payload_hash !== 'string') return false;

  // HS256 by hand: @vonage/jwt's verifySignature first tries the secret as a PEM public key and
  // pays for the thrown error on every webhook, some 50 times the cost of the HMAC itself.
  const [headerPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];
  const mac = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== mac.length || !timingSafeEqual(signature, mac)) return false;
  if (!withinLifetime(payload, nowMs / 1000)) return false;

  const expected = createHash('sha256').update(rawBody).digest();
  const given = Buffer.from(payload.payload_hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function withinLifetime(claims: Record<string, unknown>, nowSeconds: number): boolean {
  const { exp, nbf } = claims;
  if (exp !== undefined && (typeof exp !== 'number' || nowSeconds >= exp)) return false;
  if (nbf !== undefined && (typeof nbf !== 'number' || nowSeconds < nbf)) return false;
  return true;
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
