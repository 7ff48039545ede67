--liquibase formatted sql

--changeset lanterne:search-1
--comment: Documents waiting to be (re)indexed: written in the transaction that ingests or changes them, removed once indexed, so that no document is left out of the search index by a crash or by a command-line import while the server holds the index.
CREATE TABLE search_queue (
    sha256    CHAR(64)    NOT NULL PRIMARY KEY,
    queued_at DATETIME(6) NOT NULL,
    KEY search_queue_at (queued_at)
) ENGINE=InnoDB;
