--liquibase formatted sql

--changeset lanterne:users-1
CREATE TABLE app_user (
    username      VARCHAR(60)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    display_name  VARCHAR(120) NULL,
    email         VARCHAR(320) NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    calendar_token VARCHAR(64) NULL COMMENT 'secret part of the URL of the volunteer''s calendar feed',
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT app_user_calendar UNIQUE (calendar_token),
    CONSTRAINT app_user_role CHECK (role IN ('ADMIN', 'VOLUNTEER', 'RESEARCHER'))
) ENGINE=InnoDB;

--changeset lanterne:users-2
--comment: Volunteers of one group (a local collective) see and follow each other's requests.
ALTER TABLE app_user ADD COLUMN group_name VARCHAR(100) NULL;
