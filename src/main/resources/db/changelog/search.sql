--liquibase formatted sql

--changeset lanterne:search-1
--comment: Documents waiting to be (re)indexed: written in the transaction that ingests or changes them, removed once indexed, so that no document is left out of the search index by a crash or by a command-line import while the server holds the index.
CREATE TABLE search_queue (
    sha256    CHAR(64)    NOT NULL PRIMARY KEY,
    queued_at DATETIME(6) NOT NULL,
    KEY search_queue_at (queued_at)
) ENGINE=InnoDB;

--changeset public-search:search-published-1
--comment: The documents visitors may search (public mode), and what they read of each: the text of its published version, page by page, or the document as received. Read by the search index when it indexes or rebuilds the published entries; written by Search.publish, publishAsReceived and withdraw, and by ingest's "published as received" decision.
CREATE TABLE published_version (
    sha256       CHAR(64)    NOT NULL PRIMARY KEY,
    as_received  BOOLEAN     NOT NULL,
    published_at DATETIME(6) NOT NULL,
    CONSTRAINT published_version_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE published_page (
    sha256 CHAR(64)   NOT NULL,
    page   INT        NOT NULL,
    text   MEDIUMTEXT NOT NULL,
    PRIMARY KEY (sha256, page),
    CONSTRAINT published_page_version FOREIGN KEY (sha256) REFERENCES published_version (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset public-search:search-published-2
--comment: Documents published before the search knew of publications were published as received; queued, so that the server indexes their published entries.
INSERT INTO published_version (sha256, as_received, published_at)
SELECT sha256, TRUE, published_at FROM document_publication;
INSERT IGNORE INTO search_queue (sha256, queued_at)
SELECT sha256, published_at FROM document_publication;
