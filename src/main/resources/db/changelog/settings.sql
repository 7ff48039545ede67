--liquibase formatted sql

--changeset lanterne:identity-1
--comment: Who signs the requests (CRPA R343-1), set by an administrator; one row, absent until the identity is complete.
CREATE TABLE requester_identity (
    id                   TINYINT      NOT NULL PRIMARY KEY COMMENT 'always 1: Lanterne signs with one identity',
    kind                 VARCHAR(20)  NOT NULL,
    surname              VARCHAR(60)  NULL,
    given_names          VARCHAR(59)  NULL,
    legal_form           VARCHAR(100) NULL,
    denomination         VARCHAR(120) NULL,
    representative_name  VARCHAR(120) NULL,
    representative_title VARCHAR(100) NULL,
    registered_address   VARCHAR(194) NOT NULL COMMENT 'domicile or siège social, lines separated by line breaks',
    letter_address       VARCHAR(194) NULL COMMENT 'the address letters show, when not the registered one',
    mailbox              VARCHAR(254) NOT NULL,
    place                VARCHAR(80)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    updated_by           VARCHAR(100) NOT NULL,
    CONSTRAINT requester_identity_single CHECK (id = 1),
    CONSTRAINT requester_identity_kind CHECK (kind IN ('NATURAL_PERSON', 'LEGAL_PERSON'))
) ENGINE=InnoDB;

--changeset lanterne:identity-2
--comment: Other settings set in the browser, one row each (public_url: the address at which volunteers reach Lanterne).
CREATE TABLE app_setting (
    name       VARCHAR(60)   NOT NULL PRIMARY KEY,
    value      VARCHAR(2000) NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    updated_by VARCHAR(100)  NOT NULL
) ENGINE=InnoDB;
