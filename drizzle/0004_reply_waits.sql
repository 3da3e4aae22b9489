CREATE TABLE `reply_turns` (
	`conversation_id` integer PRIMARY KEY NOT NULL,
	`next_opening` text NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reply_waits` (
	`message_id` integer PRIMARY KEY NOT NULL,
	`conversation_id` integer NOT NULL,
	`started_at` text NOT NULL,
	`opening` text NOT NULL,
	`ended_at` text,
	`reply_message_id` integer,
	`replied_by` integer,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reply_waits_started_idx` ON `reply_waits` (`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reply_waits_open_uq` ON `reply_waits` (`conversation_id`) WHERE "reply_waits"."ended_at" IS NULL;