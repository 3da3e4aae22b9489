import { sql } from 'drizzle-orm';
import { Router } from 'express';

import { fillTemplate } from '@shared/template.js';

import type { Deps } from '../../context.js';
import { dropCounters, settings } from '../../db/schema.js';
import { requireRole } from '../../lib/http.js';
import { parse, z } from '../../lib/validate.js';
import { businessHoursSchema, DEFAULT_BUSINESS_HOURS } from '../rules/business-hours.js';

const settingsSchema = z.object({
  officeName: z.string().trim().min(1).max(100),
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'a two-letter country code such as US'),
  helpText: z
    .string()
    .trim()
    .min(1)
    .max(600)
    .refine(
      (text) =>
        fillTemplate(text, { 'office.name': 'x', 'office.number': 'x' }).missing.length === 0,
      'the help text goes to anyone: give each contact or user field a fallback ({{x|fallback}})',
    ),
  timezone: z
    .string()
    .trim()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as America/New_York'),
  businessHours: businessHoursSchema,
  botEnabled: z.boolean(),
  botHandoff: z
    .object({ type: z.enum(['user', 'team']), id: z.number().int().positive() })
    .strict()
    .nullable(),
  botHandoffText: z.string().trim().max(600),
});

export type Settings = z.infer<typeof settingsSchema>;

const DEFAULTS: Settings = {
  officeName: 'Student Services',
  defaultCountry: 'US',
  helpText:
    'You are texting the Student Services office. Reply STOP to opt out. Call us or visit the ' +
    'office for help.',
  timezone: 'America/New_York',
  businessHours: DEFAULT_BUSINESS_HOURS,
  botEnabled: false,
  botHandoff: null,
  botHandoffText: 'Thanks for your text. Someone from our office will reply soon.',
};

const cache = new WeakMap<Deps['db'], Settings>();

/** The office's settings, with defaults for what an admin has not set. */
export function getSettings(deps: Pick<Deps, 'db'>): Settings {
  const cached = cache.get(deps.db);
  if (cached) return cached;
  const rows = deps.db.orm.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  const merged = settingsSchema.safeParse({ ...DEFAULTS, ...stored });
  const value = merged.success ? merged.data : DEFAULTS;
  cache.set(deps.db, value);
  return value;
}

export function defaultCountry(deps: Pick<Deps, 'db'>): string {
  return getSettings(deps).defaultCountry;
}

/** Adds one to a drop counter; run inside the webhook's transaction. */
export function countDrop(deps: Deps, reason: 'unknown_sender' | 'foreign_number', at: string) {
  deps.db.orm
    .insert(dropCounters)
    .values({ reason, count: 1, lastAt: at })
    .onConflictDoUpdate({
      target: dropCounters.reason,
      set: { count: sql`${dropCounters.count} + 1`, lastAt: at },
    })
    .run();
}

export function settingsRoutes(deps: Deps): Router {
  const router = Router();

  router.get('/settings', (_req, res) => {
    res.json({ settings: getSettings(deps) });
  });

  router.put('/settings', requireRole('admin'), (req, res) => {
    const body = parse(settingsSchema.partial().strict(), req.body);
    const next = { ...getSettings(deps), ...body };
    deps.db.sqlite.transaction(() => {
      for (const [key, value] of Object.entries(body)) {
        deps.db.orm
          .insert(settings)
          .values({ key, value: JSON.stringify(value) })
          .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
          .run();
      }
    })();
    cache.set(deps.db, next);
    res.json({ settings: next });
  });

  router.get('/admin/stats', requireRole('admin', 'supervisor'), (_req, res) => {
    const rows = deps.db.orm.select().from(dropCounters).all();
    const of = (reason: string) => rows.find((row) => row.reason === reason);
    res.json({
      unknownSenders: {
        count: of('unknown_sender')?.count ?? 0,
        lastAt: of('unknown_sender')?.lastAt ?? null,
      },
      foreignNumbers: {
        count: of('foreign_number')?.count ?? 0,
        lastAt: of('foreign_number')?.lastAt ?? null,
      },
    });
  });

  return router;
}
