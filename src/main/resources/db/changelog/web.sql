--liquibase formatted sql

--changeset lanterne:web-1
--comment: Every change made through the web pages or the API: who, when, what.
CREATE TABLE audit_log (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at         DATETIME(6)   NOT NULL,
    username   VARCHAR(100)  NOT NULL,
    method     VARCHAR(10)   NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    status     INT           NOT NULL,
    remote     VARCHAR(100)  NULL,
    KEY audit_log_user (username, at),
    KEY audit_log_at (at)
) ENGINE=InnoDB;

--changeset lanterne:accounts-4
--comment: What a change was, in words, where the address alone does not say it (the role given to an account...).
ALTER TABLE audit_log ADD COLUMN detail VARCHAR(500) NULL;
