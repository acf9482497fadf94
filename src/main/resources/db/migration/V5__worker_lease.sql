-- High availability (issue 10): which worker is active, and its fencing token.
-- Plain SQL for H2 (MODE=PostgreSQL) and PostgreSQL alike; only PostgreSQL uses it (H2 is a file
-- one process opens, so a second worker cannot share it).
--
-- One row. A worker that wins the advisory lock adds one to epoch in the same statement that names
-- it holder; every write of the active worker checks, in its own transaction, that epoch is still
-- the one it got, so a worker that lost the lease (paused, partitioned) can no longer write.
-- renewed_at comes from the database's now(), never a worker's clock: the standby compares it with
-- the same clock.
CREATE TABLE worker_lease (
    id          INTEGER                  NOT NULL PRIMARY KEY,
    epoch       BIGINT                   NOT NULL,
    holder      VARCHAR(255),
    holder_pid  INTEGER,
    acquired_at TIMESTAMP WITH TIME ZONE,
    renewed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT worker_lease_one_row CHECK (id = 1)
);

INSERT INTO worker_lease (id, epoch) VALUES (1, 0);
