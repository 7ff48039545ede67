--liquibase formatted sql

--changeset lanterne:requests-1
--comment: Requests, their timelines and campaigns.
CREATE TABLE request_counter (
    year        SMALLINT NOT NULL PRIMARY KEY,
    next_number BIGINT   NOT NULL
) ENGINE=InnoDB;

CREATE TABLE campaign (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    templates    VARCHAR(500) NOT NULL COMMENT 'template ids, comma separated',
    selection    TEXT         NOT NULL COMMENT 'how the targets were chosen (JSON)',
    channel      VARCHAR(10)  NOT NULL COMMENT 'EMAIL, POST, or AUTO: email when known, else post',
    status       VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    finished_at  DATETIME(6)  NULL,
    planned      INT          NOT NULL DEFAULT 0,
    skipped      INT          NOT NULL DEFAULT 0,
    print_file   VARCHAR(300) NULL,
    runner       VARCHAR(200) NULL COMMENT 'host:pid of the process running its job, while it runs'
) ENGINE=InnoDB;

CREATE TABLE request (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference            VARCHAR(20)   NOT NULL,
    authority_id         BIGINT        NOT NULL,
    departement          VARCHAR(3)    NULL COMMENT 'of the authority: its public holidays extend the deadlines',
    template_id          VARCHAR(60)   NOT NULL,
    campaign_id          BIGINT        NULL,
    owner                VARCHAR(100)  NOT NULL,
    channel              VARCHAR(10)   NOT NULL,
    status               VARCHAR(30)   NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    sent_at              DATETIME(6)   NULL,
    received_on          DATE          NULL,
    receipt_evidence     VARCHAR(300)  NULL,
    answered_on          DATE          NULL,
    partial_answer_on    DATE          NULL,
    refused_on           DATE          NULL,
    implicit_refusal_on  DATE          NULL,
    cada_referred_on     DATE          NULL,
    cada_registered_on   DATE          NULL,
    cada_opinion_on      DATE          NULL,
    confirmed_refusal_on DATE          NULL,
    court_on             DATE          NULL,
    withdrawn_on         DATE          NULL,
    letter_file          VARCHAR(300)  NULL COMMENT 'the letter as sent, relative to the data directory',
    send_attempts        INT           NOT NULL DEFAULT 0,
    sending_started_at   DATETIME(6)   NULL COMMENT 'set while an email is being handed to the SMTP server',
    next_attempt_at      DATETIME(6)   NULL,
    last_error           VARCHAR(1000) NULL,
    version              INT           NOT NULL DEFAULT 0,
    -- Never two open requests for the same authority and template: a closed one no longer holds the key.
    open_key             VARCHAR(100) AS (CASE WHEN status IN ('ANSWERED', 'WITHDRAWN', 'CLOSED') THEN NULL
                                          ELSE CONCAT(authority_id, '/', template_id) END) PERSISTENT,
    CONSTRAINT request_reference UNIQUE (reference),
    CONSTRAINT request_open UNIQUE (open_key),
    CONSTRAINT request_authority FOREIGN KEY (authority_id) REFERENCES authority (id),
    CONSTRAINT request_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    KEY request_campaign_status (campaign_id, status),
    KEY request_due (status, next_attempt_at),
    KEY request_recent (authority_id, template_id, created_at),
    KEY request_owner (owner, status),
    KEY request_open_by_id (open_key, id)
) ENGINE=InnoDB;

-- The targets of a campaign, fixed when it is created, so that its job can stop and resume on the same list.
CREATE TABLE campaign_target (
    campaign_id  BIGINT       NOT NULL,
    position     INT          NOT NULL,
    authority_id BIGINT       NOT NULL,
    template_id  VARCHAR(60)  NOT NULL,
    request_id   BIGINT       NULL,
    outcome      VARCHAR(300) NULL COMMENT 'why no request was created, when none was',
    PRIMARY KEY (campaign_id, position),
    CONSTRAINT campaign_target_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ENGINE=InnoDB;

CREATE TABLE request_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT       NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    event_date  DATE         NULL,
    type        VARCHAR(30)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    detail      TEXT         NULL,
    CONSTRAINT request_event_request FOREIGN KEY (request_id) REFERENCES request (id),
    KEY request_event_timeline (request_id, id)
) ENGINE=InnoDB;

--changeset lanterne:requests-statistics-1
--comment: The statistics count events by type and month, and look for each request's first answer by type.
CREATE INDEX request_event_type_date ON request_event (type, event_date, request_id);

--changeset lanterne:legal2-remedies-1
--comment: Whether the acknowledgement of receipt or the refusal stated the remedies (CRPA L112-6, CJA R421-5); NULL while nobody said.
ALTER TABLE request ADD COLUMN remedies_mentioned BOOLEAN NULL
    COMMENT 'the acknowledgement or refusal stated the remedies and deadlines; NULL if unknown';

--changeset legal-finish:remedies-split-1
--comment: The acknowledgement of receipt (CRPA L112-6, R112-5) and the written refusal (CJA R421-5) answer for different deadlines: one column each. remedies_mentioned keeps the acknowledgement's answer; where a written refusal was recorded, nobody can tell which document the one answer was about, so it is forgotten (NULL: the chain then explains the condition, and the safe dates do not change).
ALTER TABLE request ADD COLUMN refusal_remedies_mentioned BOOLEAN NULL
    COMMENT 'the written refusal stated the remedies and time limits (CJA R421-5); NULL if unknown';
ALTER TABLE request MODIFY COLUMN remedies_mentioned BOOLEAN NULL
    COMMENT 'the acknowledgement of receipt stated the remedies and time limits (CRPA L112-6, R112-5); NULL if unknown';
UPDATE request SET remedies_mentioned = NULL
    WHERE remedies_mentioned IS NOT NULL AND (refused_on IS NOT NULL OR confirmed_refusal_on IS NOT NULL);
