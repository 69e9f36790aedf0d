-- Rate-limit windows are counters that live a minute or an hour: nothing a crash must keep. An
-- unlogged table writes no WAL, so a hit commits without waiting for a disk flush (each redemption
-- and sign-in email counts one). After a crash PostgreSQL empties it: every window starts afresh.
ALTER TABLE "rate_limit_windows" SET UNLOGGED;
