-- The collector tables. They may share a database with James' own (JPA) tables, hence the prefix.
-- Times are BIGINT milliseconds since the epoch (UTC). Text lengths are those of StoreLimits.
-- On MariaDB each table is created with ENGINE=InnoDB, utf8mb4 and the binary no-pad collation,
-- so that names, keys and ids compare exactly as on Derby and PostgreSQL.

-- One row per collector, with the run lease a node holds on it (lease_owner, lease_until).
CREATE TABLE collectors_collector (
    id VARCHAR(36) NOT NULL,
    owner VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    protocol VARCHAR(8) NOT NULL,
    host VARCHAR(255) NOT NULL,
    port INTEGER NOT NULL,
    security VARCHAR(16) NOT NULL,
    username VARCHAR(255) NOT NULL,
    source_folder VARCHAR(1000),
    encrypted_password VARCHAR(4000) NOT NULL,
    fetch_all BOOLEAN NOT NULL,
    delete_after_fetch BOOLEAN NOT NULL,
    target_folder VARCHAR(1000),
    enabled BOOLEAN NOT NULL,
    paused BOOLEAN NOT NULL,
    problem_code VARCHAR(64),
    problem_message VARCHAR(2000),
    problem_since BIGINT,
    problem_retry_at BIGINT,
    consecutive_failures INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    next_run_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    lease_owner VARCHAR(255),
    lease_until BIGINT,
    CONSTRAINT collectors_collector_pk PRIMARY KEY (id),
    -- Also the index of the look-ups by owner.
    CONSTRAINT collectors_collector_owner_name UNIQUE (owner, name)
);

-- The scheduler's findDue and earliestNextRun.
CREATE INDEX collectors_collector_due ON collectors_collector (enabled, paused, next_run_at);

-- What each collector did with each remote message (POP3 UIDL, IMAP UIDVALIDITY and UID).
CREATE TABLE collectors_fetch_state (
    collector_id VARCHAR(36) NOT NULL,
    message_key VARCHAR(512) NOT NULL,
    status VARCHAR(16) NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT collectors_fetch_state_pk PRIMARY KEY (collector_id, message_key)
);

-- The run history, trimmed to a number of runs per collector.
CREATE TABLE collectors_run (
    id VARCHAR(36) NOT NULL,
    collector_id VARCHAR(36) NOT NULL,
    run_trigger VARCHAR(16) NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    outcome VARCHAR(16) NOT NULL,
    messages BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    skipped BIGINT NOT NULL,
    error_code VARCHAR(64),
    error_message VARCHAR(2000),
    CONSTRAINT collectors_run_pk PRIMARY KEY (id)
);

CREATE INDEX collectors_run_started ON collectors_run (collector_id, started_at);

-- A few named values the store keeps about itself.
CREATE TABLE collectors_metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(4000) NOT NULL,
    CONSTRAINT collectors_metadata_pk PRIMARY KEY (name)
);
