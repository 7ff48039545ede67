--liquibase formatted sql

--changeset lanterne:deadlines-1
--comment: What the nightly job told volunteers, once each, and the digests that carried it.
CREATE TABLE deadline_digest (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    run_date      DATE         NOT NULL,
    status        VARCHAR(20)  NOT NULL COMMENT 'SENDING, SENT, OUTBOX, UNCERTAIN',
    recipient     VARCHAR(320) NULL,
    notice_count  INT          NOT NULL,
    sent_at       DATETIME(6)  NULL,
    detail        VARCHAR(500) NULL,
    CONSTRAINT deadline_digest_once UNIQUE (username, run_date)
) ENGINE=InnoDB;

CREATE TABLE deadline_notice (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice_key  VARCHAR(200) NOT NULL COMMENT 'what makes it the same notice: never created twice',
    kind        VARCHAR(40)  NOT NULL,
    request_id  BIGINT       NULL,
    reference   VARCHAR(20)  NULL,
    campaign_id BIGINT       NULL,
    owner       VARCHAR(100) NOT NULL,
    due_date    DATE         NULL,
    message     TEXT         NOT NULL,
    draft_file  VARCHAR(300) NULL,
    run_date    DATE         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    digest_id   BIGINT       NULL,
    CONSTRAINT deadline_notice_once UNIQUE (notice_key),
    CONSTRAINT deadline_notice_digest FOREIGN KEY (digest_id) REFERENCES deadline_digest (id),
    KEY deadline_notice_pending (owner, digest_id),
    KEY deadline_notice_request (request_id)
) ENGINE=InnoDB;
