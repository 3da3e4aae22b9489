import type { Deps } from '../../context.js';

/**
 * Names of the rules whose conditions or actions point at a tag or a saved reply, so that
 * deleting one a rule relies on can be refused instead of leaving the rule broken.
 */
export function rulesUsing(deps: Deps, key: 'tagId' | 'savedReplyId', id: number): string[] {
  const path = `$.${key}`;
  return deps.db.sqlite
    .prepare<[string, number, string, number], { name: string }>(
      `SELECT name FROM rules r
       WHERE EXISTS (SELECT 1 FROM json_each(r.conditions) WHERE json_extract(value, ?) = ?)
          OR EXISTS (SELECT 1 FROM json_each(r.actions) WHERE json_extract(value, ?) = ?)
       ORDER BY position`,
    )
    .all(path, id, path, id)
    .map((row) => row.name);
}
