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

--changeset lanterne:accounts-1
--comment: When each person last signed in, for the administrators' list of accounts.
ALTER TABLE app_user ADD COLUMN last_login_at DATETIME(6) NULL;

--changeset lanterne:accounts-2
--comment: One-time links to choose a password. Only the SHA-256 of the token is kept: reading the table gives no link.
CREATE TABLE password_reset (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    username   VARCHAR(60)  NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    KEY password_reset_user (username),
    CONSTRAINT password_reset_account FOREIGN KEY (username) REFERENCES app_user (username) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset lanterne:accounts-3
--comment: The address people reached the server at, seen when someone signed in; the command line writes links with it.
CREATE TABLE observed_public_url (
    id      TINYINT      NOT NULL PRIMARY KEY,
    url     VARCHAR(500) NOT NULL,
    seen_at DATETIME(6)  NOT NULL,
    CONSTRAINT observed_public_url_one_row CHECK (id = 1)
) ENGINE=InnoDB;
