-- Members kept, not synced: every author name gets its member (a member of its own, merged later
-- if the moderator says two names are one person) by the triggers below, in the same statement
-- that stores or edits the comment, whichever path writes it. Before this, each spotlight key, a
-- member's profile and the dashboard first looked for authors without a member by reading every
-- comment's author: 340 ms at a million comments, on every key.
--
-- Inside a trigger, last_insert_rowid() is the row the trigger itself inserted last: the member.
CREATE TRIGGER items_member_insert AFTER INSERT ON items
WHEN new.author <> '' AND NOT EXISTS (SELECT 1 FROM member_aliases WHERE author = new.author)
BEGIN
  INSERT INTO members (name, created_at) VALUES (new.author, new.fetched_at);
  INSERT INTO member_aliases (author, member_id, original_member_id) VALUES (new.author, last_insert_rowid(), last_insert_rowid());
END;

CREATE TRIGGER items_member_author AFTER UPDATE OF author ON items
WHEN new.author <> '' AND NOT EXISTS (SELECT 1 FROM member_aliases WHERE author = new.author)
BEGIN
  INSERT INTO members (name, created_at) VALUES (new.author, new.updated_at);
  INSERT INTO member_aliases (author, member_id, original_member_id) VALUES (new.author, last_insert_rowid(), last_insert_rowid());
END;

-- The authors stored before the triggers, once, each with the member id it gets (numbered on
-- from the last member, in the order they first wrote).
CREATE TEMP TABLE new_authors AS
  SELECT author, first_at, (SELECT coalesce(max(id), 0) FROM members) + row_number() OVER (ORDER BY first_id) AS member_id
    FROM (SELECT author, min(fetched_at) AS first_at, min(id) AS first_id FROM items
           WHERE author <> '' AND author NOT IN (SELECT author FROM member_aliases)
           GROUP BY author);
INSERT INTO members (id, name, created_at) SELECT member_id, author, first_at FROM new_authors;
INSERT INTO member_aliases (author, member_id, original_member_id) SELECT author, member_id, member_id FROM new_authors;
DROP TABLE new_authors;
