DROP INDEX `reply_waits_started_idx`;--> statement-breakpoint
ALTER TABLE `reply_waits` ADD `wait_ms` integer;--> statement-breakpoint
CREATE INDEX `reply_waits_started_idx` ON `reply_waits` (`started_at`,`replied_by`,`opening`,`wait_ms`);--> statement-breakpoint
UPDATE `reply_waits`
SET `wait_ms` = CAST(round((julianday(`ended_at`) - julianday(`started_at`)) * 86400000) AS INTEGER)
WHERE `reply_message_id` IS NOT NULL;