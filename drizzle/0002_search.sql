-- Full-text search (FTS5), kept in step with the tables by triggers.
-- conversation_search: one row per conversation (rowid = conversations.id) with its name, the
-- contact's name and phone digit tokens: full E.164 digits, the last 10, 9 and 8 digits (the
-- national number of most plans), the last 7 and the last 4 — so any typed form matches once the
-- query is normalised with shared/phone.ts.
-- message_search: external content over messages.text for kinds sms and note (rowid = messages.id).
-- Results are read newest first by rowid; nothing ranks with bm25.
CREATE VIEW `conversation_search_source` AS
SELECT
  c.id AS id,
  c.name AS name,
  trim(ct.first_name || ' ' || ct.last_name) AS contact_name,
  (
    SELECT group_concat(
      d || ' ' || substr(d, -10) || ' ' || substr(d, -9) || ' ' || substr(d, -8) || ' ' ||
        substr(d, -7) || ' ' || substr(d, -4),
      ' '
    )
    FROM (
      SELECT replace(c.phone, '+', '') AS d
      UNION
      SELECT replace(p.e164, '+', '') FROM contact_phones p WHERE p.contact_id = c.contact_id
    )
  ) AS phones
FROM conversations c
JOIN contacts ct ON ct.id = c.contact_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `conversation_search` USING fts5(
  name, contact_name, phones,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `message_search` USING fts5(
  text,
  content = 'messages', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `conversations_search_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT INTO conversation_search (rowid, name, contact_name, phones)
    SELECT id, name, contact_name, phones FROM conversation_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_update` AFTER UPDATE OF name, contact_id, phone
ON `conversations` BEGIN
  DELETE FROM conversation_search WHERE rowid = old.id;
  INSERT INTO conversation_search (rowid, name, contact_name, phones)
    SELECT id, name, contact_name, phones FROM conversation_search_source WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_search_delete` AFTER DELETE ON `conversations` BEGIN
  DELETE FROM conversation_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF first_name, last_name ON `contacts` BEGIN
  UPDATE conversation_search SET contact_name = trim(new.first_name || ' ' || new.last_name)
    WHERE rowid IN (SELECT id FROM conversations WHERE contact_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_search_insert` AFTER INSERT ON `contact_phones` BEGIN
  UPDATE conversation_search
    SET phones = (
      SELECT phones FROM conversation_search_source s WHERE s.id = conversation_search.rowid
    )
    WHERE rowid IN (SELECT id FROM conversations WHERE contact_id = new.contact_id);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_search_update` AFTER UPDATE OF e164, contact_id ON `contact_phones`
BEGIN
  UPDATE conversation_search
    SET phones = (
      SELECT phones FROM conversation_search_source s WHERE s.id = conversation_search.rowid
    )
    WHERE rowid IN (
      SELECT id FROM conversations WHERE contact_id IN (old.contact_id, new.contact_id)
    );
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_search_delete` AFTER DELETE ON `contact_phones` BEGIN
  UPDATE conversation_search
    SET phones = (
      SELECT phones FROM conversation_search_source s WHERE s.id = conversation_search.rowid
    )
    WHERE rowid IN (SELECT id FROM conversations WHERE contact_id = old.contact_id);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_search_insert` AFTER INSERT ON `messages`
WHEN new.kind IN ('sms', 'note') BEGIN
  INSERT INTO message_search (rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_search_delete` AFTER DELETE ON `messages`
WHEN old.kind IN ('sms', 'note') BEGIN
  INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_search_update` AFTER UPDATE OF text, kind ON `messages` BEGIN
  INSERT INTO message_search (message_search, rowid, text)
    SELECT 'delete', old.id, old.text WHERE old.kind IN ('sms', 'note');
  INSERT INTO message_search (rowid, text)
    SELECT new.id, new.text WHERE new.kind IN ('sms', 'note');
END;
--> statement-breakpoint
INSERT INTO conversation_search (rowid, name, contact_name, phones)
  SELECT id, name, contact_name, phones FROM conversation_search_source;
--> statement-breakpoint
INSERT INTO message_search (rowid, text)
  SELECT id, text FROM messages WHERE kind IN ('sms', 'note');
