import type { Request, RequestHandler } from 'express';

import type { Deps } from '../../context.js';
import { errors } from '../../lib/errors.js';
import { findSessionUser, readCookie, SESSION_COOKIE } from './session.js';

/** Loads the session's user, when there is one, onto `req.user`. */
export function loadSession(deps: Deps): RequestHandler {
  return (req, _res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const user = findSessionUser(deps, token);
    if (user && token) {
      req.user = user;
      req.sessionToken = token;
    }
    next();
  };
}

export const requireStaff: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : errors.unauthorized());
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests that a browser sent from another site: the Origin (or, without
 * it, the Referer) must be this app's own. Requests without either (curl, server-to-server) pass;
 * they carry no ambient browser cookie.
 */
export function checkOrigin(allowed: (origin: string, req: Request) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') return next(errors.badOrigin());

    const origin = req.get('origin') ?? refererOrigin(req.get('referer'));
    if (origin && !allowed(origin, req)) return next(errors.badOrigin());
    next();
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/** True for the public URL's origin or the origin the request itself was addressed to. */
export function isOwnOrigin(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return (origin: string, host: string | undefined): boolean => {
    if (origin === publicOrigin) return true;
    if (!host) return false;
    return origin === `http://${host}` || origin === `https://${host}`;
  };
}
