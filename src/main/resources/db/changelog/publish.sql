--liquibase formatted sql

--changeset publish-web:publish-1
--comment: What is occulted in each document before it is published (CRPA L312-1-2), its redacted versions, its publication.
CREATE TABLE redaction_rule (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    text       VARCHAR(500) NOT NULL COMMENT 'a term, matched whole-word, or a regular expression',
    pattern    BOOLEAN      NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT redaction_rule_once UNIQUE (text, pattern)
) ENGINE=InnoDB;

CREATE TABLE redaction_sheet (
    sha256      CHAR(64)    NOT NULL PRIMARY KEY COMMENT 'the proposals of a document are computed once',
    proposed_at DATETIME(6) NOT NULL,
    CONSTRAINT redaction_sheet_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE redaction (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256      CHAR(64)      NOT NULL,
    fingerprint CHAR(64)      NOT NULL COMMENT 'SHA-256 of its source, kind and boxes: the same one is kept once',
    source      VARCHAR(10)   NOT NULL COMMENT 'PROPOSAL (found by Lanterne) or MANUAL (drawn by a volunteer)',
    kind        VARCHAR(20)   NULL COMMENT 'what a proposal found: EMAIL, PHONE, NAME…',
    text        VARCHAR(1000) NOT NULL COMMENT 'the words covered, as read',
    boxes       TEXT          NOT NULL COMMENT 'page x y width height, top-left origin in points; boxes separated by ;',
    status      VARCHAR(10)   NOT NULL COMMENT 'PENDING, ACCEPTED or REJECTED',
    created_by  VARCHAR(100)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    decided_by  VARCHAR(100)  NULL,
    decided_at  DATETIME(6)   NULL,
    CONSTRAINT redaction_once UNIQUE (sha256, fingerprint),
    CONSTRAINT redaction_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE redacted_version (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256           CHAR(64)    NOT NULL COMMENT 'the original, never changed',
    boxes_digest     CHAR(64)    NOT NULL COMMENT 'the same boxes give the same version',
    redacted_sha256  CHAR(64)    NOT NULL COMMENT 'the new file, in the store of received files (derived_file)',
    boxes            MEDIUMTEXT  NOT NULL COMMENT 'the boxes applied, as in redaction.boxes',
    box_count        INT         NOT NULL,
    pages_rasterised INT         NOT NULL,
    words_removed    INT         NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    CONSTRAINT redacted_version_once UNIQUE (sha256, boxes_digest),
    CONSTRAINT redacted_version_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE publication (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    version_id   BIGINT       NULL COMMENT 'the redacted version published; null when published as received',
    as_received  BOOLEAN      NOT NULL COMMENT 'a volunteer declared there is nothing to occult',
    status       VARCHAR(20)  NOT NULL COMMENT 'AWAITING_REVIEW (lanterne.publication.review-required) or PUBLISHED',
    requested_by VARCHAR(100) NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    approved_by  VARCHAR(100) NULL,
    approved_at  DATETIME(6)  NULL,
    CONSTRAINT publication_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE,
    CONSTRAINT publication_version FOREIGN KEY (version_id) REFERENCES redacted_version (id)
) ENGINE=InnoDB;
