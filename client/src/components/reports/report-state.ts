import type { Resource } from 'solid-js';

import { errorMessage } from '../../lib/api.js';

/** What a report card shows for a resource: loading, an error, nothing in range, or the data. */
export function reportState<T>(resource: Resource<T>, isEmpty: (value: T) => boolean) {
  if (resource.error) return 'error' as const;
  const value = resource.latest;
  if (resource.loading && value === undefined) return 'loading' as const;
  if (value === undefined) return 'loading' as const;
  return isEmpty(value) ? ('empty' as const) : ('ready' as const);
}

export function reportError(resource: Resource<unknown>): string {
  return `This report could not be loaded: ${errorMessage(resource.error)}`;
}
