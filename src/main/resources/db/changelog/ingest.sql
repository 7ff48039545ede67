--liquibase formatted sql

--changeset lanterne:ingest-1
--comment: Documents received, their pages and what was found in them; every input accounted for.
CREATE TABLE document (
    sha256            CHAR(64)      NOT NULL PRIMARY KEY,
    size              BIGINT        NOT NULL,
    media_type        VARCHAR(150)  NULL,
    file_name         VARCHAR(500)  NOT NULL COMMENT 'the name it first came with',
    title             VARCHAR(1000) NULL,
    author            VARCHAR(500)  NULL,
    created_meta      DATETIME(6)   NULL,
    modified_meta     DATETIME(6)   NULL,
    producer          VARCHAR(500)  NULL,
    page_count        INT           NOT NULL,
    needs_ocr         BOOLEAN       NOT NULL,
    ocred_pages       INT           NOT NULL DEFAULT 0,
    kind              VARCHAR(30)   NOT NULL,
    request_reference VARCHAR(20)   NULL COMMENT 'the request it answers, when known',
    authority_code    VARCHAR(60)   NULL COMMENT 'the authority it came from, when known',
    suggested_state   VARCHAR(30)   NULL,
    suggestion_reason TEXT          NULL,
    notices           TEXT          NULL,
    first_received_at DATETIME(6)   NOT NULL,
    KEY document_request (request_reference),
    KEY document_authority (authority_code),
    KEY document_received (first_received_at)
) ENGINE=InnoDB;

CREATE TABLE document_page (
    sha256    CHAR(64)   NOT NULL,
    page      INT        NOT NULL,
    text      MEDIUMTEXT NOT NULL,
    ocred     BOOLEAN    NOT NULL,
    needs_ocr BOOLEAN    NOT NULL,
    PRIMARY KEY (sha256, page),
    CONSTRAINT document_page_document FOREIGN KEY (sha256) REFERENCES document (sha256)
) ENGINE=InnoDB;

CREATE TABLE document_mention (
    sha256       CHAR(64)      NOT NULL,
    kind         VARCHAR(20)   NOT NULL COMMENT 'VENDOR, PRODUCT or TECHNOLOGY',
    name         VARCHAR(200)  NOT NULL,
    vendor       VARCHAR(120)  NULL,
    technologies VARCHAR(200)  NULL,
    pages        VARCHAR(2000) NOT NULL,
    occurrences  INT           NOT NULL,
    PRIMARY KEY (sha256, kind, name),
    CONSTRAINT document_mention_document FOREIGN KEY (sha256) REFERENCES document (sha256)
) ENGINE=InnoDB;

-- Deployments a document may document: proposed by Lanterne, confirmed or rejected by a volunteer.
CREATE TABLE document_link (
    sha256        CHAR(64)     NOT NULL,
    deployment_id BIGINT       NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    decided_by    VARCHAR(100) NULL,
    decided_at    DATETIME(6)  NULL,
    PRIMARY KEY (sha256, deployment_id),
    CONSTRAINT document_link_document FOREIGN KEY (sha256) REFERENCES document (sha256),
    CONSTRAINT document_link_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id)
) ENGINE=InnoDB;

-- Every file received, including what came out of emails and archives: ingested, duplicate, unpacked or quarantined.
CREATE TABLE intake (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    received_at       DATETIME(6)   NOT NULL,
    channel           VARCHAR(20)   NOT NULL COMMENT 'UPLOAD, FOLDER, EMAIL_FILE, MAILBOX',
    source            VARCHAR(700)  NOT NULL COMMENT 'the file, the message id: what was received',
    path              VARCHAR(700)  NOT NULL COMMENT 'where inside it: reponse.eml/annexes.zip/cctp.pdf',
    file_name         VARCHAR(500)  NOT NULL,
    size              BIGINT        NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    outcome           VARCHAR(20)   NOT NULL COMMENT 'INGESTED, DUPLICATE, UNPACKED, QUARANTINED',
    reason            VARCHAR(40)   NULL,
    detail            TEXT          NULL,
    request_reference VARCHAR(20)   NULL,
    sender            VARCHAR(320)  NULL,
    subject           VARCHAR(1000) NULL,
    received_by       VARCHAR(100)  NOT NULL,
    quarantine_status VARCHAR(20)   NULL COMMENT 'OPEN, then RETRIED once taken in',
    CONSTRAINT intake_once UNIQUE (channel, source, path, sha256),
    KEY intake_sha256 (sha256),
    KEY intake_quarantine (quarantine_status)
) ENGINE=InnoDB;

--changeset lanterne:ingest-2
--comment: Documents a volunteer chose to show to visitors in public mode.
CREATE TABLE document_publication (
    sha256       CHAR(64)     NOT NULL PRIMARY KEY,
    published_by VARCHAR(100) NOT NULL,
    published_at DATETIME(6)  NOT NULL,
    CONSTRAINT document_publication_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset publish-web:ingest-derived-file
--comment: Files made from a document (its redacted versions), kept in the same store; the sweep after a crash knows them.
CREATE TABLE derived_file (
    sha256       CHAR(64)    NOT NULL PRIMARY KEY,
    derived_from CHAR(64)    NOT NULL,
    stored_at    DATETIME(6) NOT NULL,
    CONSTRAINT derived_file_document FOREIGN KEY (derived_from) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;
