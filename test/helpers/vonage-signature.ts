import { createHash, createHmac, randomUUID } from 'node:crypto';

/** The api_key the signer puts in its claims unless told otherwise. */
export const WEBHOOK_API_KEY = 'test-api-key';
/** The application_id the signer puts in its claims unless told otherwise. */
export const WEBHOOK_APPLICATION_ID = '00000000-0000-4000-8000-00000000a11d';

export interface VonageWebhookClaims {
  iat: number;
  jti: string;
  iss: string;
  api_key: string;
  application_id: string;
  payload_hash: string;
  [claim: string]: unknown;
}

export interface SignatureOverrides {
  /** Replace or add claims; `undefined` removes a claim. */
  claims?: { [K in keyof VonageWebhookClaims]?: VonageWebhookClaims[K] | undefined };
  /** Replace or add JOSE header fields, for example `{ alg: 'none' }`. */
  header?: Record<string, unknown>;
  /** Sign with this key instead of the secret, while still claiming HS256. */
  signingKey?: string;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Hex SHA-256 of the raw body, as Vonage puts it in `payload_hash`. */
export function payloadHash(rawBody: string): string {
  return createHash('sha256').update(rawBody, 'utf8').digest('hex');
}

/** Builds the claims Vonage signs a webhook with, for the given raw body. */
export function webhookClaims(rawBody: string): VonageWebhookClaims {
  return {
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    iss: 'Vonage',
    api_key: WEBHOOK_API_KEY,
    application_id: WEBHOOK_APPLICATION_ID,
    payload_hash: payloadHash(rawBody),
  };
}

/** Returns a JWT as a string, signed with HS256 over `header.payload`. */
export function signJwt(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = {},
): string {
  const joseHeader = base64UrlJson({ alg: 'HS256', typ: 'JWT', ...header });
  const signingInput = `${joseHeader}.${base64UrlJson(claims)}`;
  const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

/**
 * Returns the `Authorization` header value Vonage sends with a signed webhook:
 * `Bearer <HS256 JWT>` whose `payload_hash` is the hex SHA-256 of `rawBody`.
 */
export function signVonageWebhook(
  rawBody: string,
  secret: string,
  overrides: SignatureOverrides = {},
): string {
  const claims: Record<string, unknown> = { ...webhookClaims(rawBody), ...overrides.claims };
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete claims[name];
  }

  return `Bearer ${signJwt(claims, overrides.signingKey ?? secret, overrides.header)}`;
}

/**
 * Ways a signed webhook can be wrong; each should be refused by the server. `expired` carries an
 * `exp` and `iat` an hour old; `body-changed` is a valid JWT whose hash is for another body.
 */
export type SignatureTamper =
  | 'wrong-secret'
  | 'body-changed'
  | 'signature-altered'
  | 'payload-hash-missing'
  | 'alg-none'
  | 'expired'
  | 'not-bearer';

function tokenParts(authorization: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = authorization.split('.');
  return [header, payload, signature];
}

/** Returns an `Authorization` header value for `rawBody` that is broken in the given way. */
export function tamperedSignature(
  rawBody: string,
  secret: string,
  tamper: SignatureTamper,
): string {
  switch (tamper) {
    case 'wrong-secret':
      return signVonageWebhook(rawBody, secret, { signingKey: `${secret}-not` });
    case 'body-changed':
      return signVonageWebhook(`${rawBody} `, secret);
    case 'signature-altered': {
      // The first signature character carries six real bits; the last one partly padding.
      const [header, payload, signature] = tokenParts(signVonageWebhook(rawBody, secret));
      const first = signature.startsWith('A') ? 'B' : 'A';
      return `${header}.${payload}.${first}${signature.slice(1)}`;
    }
    case 'payload-hash-missing':
      return signVonageWebhook(rawBody, secret, { claims: { payload_hash: undefined } });
    case 'alg-none': {
      const unsigned = signVonageWebhook(rawBody, secret, { header: { alg: 'none' } });
      const [header, payload] = tokenParts(unsigned);
      return `${header}.${payload}.`;
    }
    case 'expired': {
      const longAgo = Math.floor(Date.now() / 1000) - 3600;
      return signVonageWebhook(rawBody, secret, {
        claims: { iat: longAgo - 60, nbf: longAgo - 60, exp: longAgo },
      });
    }
    case 'not-bearer':
      return signVonageWebhook(rawBody, secret).replace(/^Bearer /, 'Basic ');
  }
}
