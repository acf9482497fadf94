-- The worker's additions (issue 6).

-- Shadow decisions keep rotation and load of their own. Were they to move the live tables, a
-- shadow rule would skip live reps' turns and inflate their load; were they to move nothing, every
-- shadow decision of a round-robin team would name the same rep and the shadow report would be
-- meaningless. Same shape as team_rotation and open_load.
CREATE TABLE shadow_team_rotation (
    team          VARCHAR(255) NOT NULL PRIMARY KEY,
    last_assigned VARCHAR(18),
    credits_json  TEXT         NOT NULL,
    version       BIGINT       NOT NULL
);

CREATE TABLE shadow_open_load (
    user_id VARCHAR(18) NOT NULL PRIMARY KEY,
    load    INTEGER     NOT NULL,
    CONSTRAINT shadow_open_load_not_negative CHECK (load >= 0)
);

-- Why writing the owner failed for good (Salesforce's code and message), for FAILED decisions.
ALTER TABLE routing_decision ADD COLUMN write_error TEXT;
