-- People are told apart by the subject (sub claim) of their tokens, never by the name a token
-- shows: names are neither unique ("Ann" and another "Ann") nor stable ("Ann", later "ann").
-- The hub trusts one issuer (mp.jwt.verify.issuer), so the subject alone is the key.
-- Names stay beside the subjects, for people to read. Every existing row is kept.

-- Who asked and who decided, by subject. Before V4 only the name was stored (the principal
-- name: upn, else preferred_username, else sub), and the name is not necessarily the subject,
-- so older rows get no subject: the hub treats their requester as anyone whose subject or name
-- is the stored name (at least as strict as the rule they were written under), and a resubmit
-- by that person records their subject.
ALTER TABLE export_request ADD COLUMN requested_by_subject text;
ALTER TABLE export_request ADD COLUMN decided_by_subject text;

-- Approvers are designated by subject. Earlier designations named the user as admins typed it,
-- which the hub compared with the principal name; that value is kept and now read as a subject.
-- Where a user's subject differs from their name, the old designation matches nobody (the safe
-- way to fail) until an admin designates them by subject.
ALTER TABLE accounting_approver RENAME COLUMN user_name TO subject;
ALTER TABLE accounting_approver ADD COLUMN designated_by_subject text;

-- The subject of the person behind an audit entry; NULL for the hub's own work (the export
-- worker) and for entries recorded before V4.
ALTER TABLE audit_event ADD COLUMN actor_subject text;
