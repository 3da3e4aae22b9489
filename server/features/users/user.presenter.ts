import type { UserDto } from '@shared/dto.js';

import type { users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    emailNotifications: row.emailNotifications,
    browserNotifications: row.browserNotifications,
    createdAt: row.createdAt,
  };
}
