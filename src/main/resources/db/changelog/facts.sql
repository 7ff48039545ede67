--liquibase formatted sql

--changeset facts:facts-1
--comment: Facts read in documents (amounts, dates, SIRET, CPV, cameras, vendors, legal bases), each with its page and sentence; a volunteer may confirm one into a deployment.
CREATE TABLE document_fact (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256         CHAR(64)      NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    value          VARCHAR(200)  NOT NULL,
    unit           VARCHAR(20)   NULL,
    qualifier      VARCHAR(200)  NULL,
    page           INT           NOT NULL,
    passage        VARCHAR(1000) NOT NULL,
    confirmed_into BIGINT        NULL COMMENT 'the deployment a volunteer confirmed it into',
    confirmed_by   VARCHAR(100)  NULL,
    confirmed_at   DATETIME(6)   NULL,
    KEY document_fact_page (sha256, page),
    CONSTRAINT document_fact_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset facts:facts-2
--comment: Which documents had their facts read, by which version of the rules: a document read by older rules, or before the module existed, is read again when its facts are asked for.
CREATE TABLE document_fact_reading (
    sha256       CHAR(64)    NOT NULL PRIMARY KEY,
    rules        INT         NOT NULL,
    invalid_keys INT         NOT NULL COMMENT 'SIRET or SIREN set aside for a wrong key',
    read_at      DATETIME(6) NOT NULL,
    CONSTRAINT document_fact_reading_document FOREIGN KEY (sha256) REFERENCES document (sha256) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset facts:facts-3
--comment: The facts confirmed into a deployment, for its vendor's page.
CREATE INDEX document_fact_deployment ON document_fact (confirmed_into);
