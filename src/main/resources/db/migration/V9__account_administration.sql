-- Accounts people run themselves (issue 21): an administrator disables and re-enables accounts and hands out
-- one-time passwords, which must be changed at the next sign-in; the demo accounts are marked as such, so that a
-- setting can switch them off without touching accounts of the same name made by people. Portable SQL (H2 2.x,
-- PostgreSQL 15).
ALTER TABLE accounts ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE accounts ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE accounts ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE accounts ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
