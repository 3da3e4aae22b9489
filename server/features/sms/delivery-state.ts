import type { DeliveryStatus } from '@shared/dto.js';

export type PartStatus = Exclude<DeliveryStatus, 'received'>;

const RANK: Record<PartStatus, number> = {
  queued: 0,
  submitted: 1,
  delivered: 2,
  rejected: 3,
  undeliverable: 3,
  failed: 3,
};

export const isFinal = (status: PartStatus) => RANK[status] >= 2;

export const isFailure = (status: PartStatus) => RANK[status] === 3;

/** A receipt may move a part forward, never back, and never out of a final state. */
export function canMove(from: PartStatus, to: PartStatus): boolean {
  return !isFinal(from) && RANK[to] > RANK[from];
}

/**
 * One message's state from its parts: any failed part fails it; otherwise it is as far along as
 * its least advanced part.
 */
export function combine(parts: Array<{ status: PartStatus }>): PartStatus {
  const failed = parts.find((part) => isFailure(part.status));
  if (failed) return failed.status;
  let least: PartStatus = 'delivered';
  for (const part of parts) if (RANK[part.status] < RANK[least]) least = part.status;
  return parts.length ? least : 'queued';
}

export function isPartStatus(value: string): value is PartStatus {
  return value in RANK;
}
