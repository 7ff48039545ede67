--liquibase formatted sql

--changeset lanterne:registry-1
CREATE TABLE vendor (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT vendor_name UNIQUE (name)
) ENGINE=InnoDB;

CREATE TABLE vendor_technology (
    vendor_id  BIGINT      NOT NULL,
    technology VARCHAR(30) NOT NULL,
    PRIMARY KEY (vendor_id, technology),
    CONSTRAINT vendor_technology_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id)
) ENGINE=InnoDB;

CREATE TABLE product (
    id        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    vendor_id BIGINT       NOT NULL,
    name      VARCHAR(200) NOT NULL,
    CONSTRAINT product_name UNIQUE (vendor_id, name),
    CONSTRAINT product_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id)
) ENGINE=InnoDB;

-- authority × technology × vendor: who operates what, where (commune_insee), from whom.
CREATE TABLE deployment (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    authority_id  BIGINT        NOT NULL,
    commune_insee CHAR(5)       NULL,
    technology    VARCHAR(30)   NOT NULL,
    vendor_id     BIGINT        NULL,
    product_id    BIGINT        NULL,
    status        VARCHAR(30)   NOT NULL,
    since_year    SMALLINT      NULL,
    place         VARCHAR(500)  NULL,
    camera_count  INT           NULL,
    summary       TEXT          NULL,
    seed_key      CHAR(64)      NULL COMMENT 'set on entries loaded from the bundled seed, so they load once',
    deleted       BOOLEAN       NOT NULL DEFAULT FALSE,
    version       INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    CONSTRAINT deployment_seed UNIQUE (seed_key),
    CONSTRAINT deployment_authority FOREIGN KEY (authority_id) REFERENCES authority (id),
    CONSTRAINT deployment_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    CONSTRAINT deployment_product FOREIGN KEY (product_id) REFERENCES product (id),
    KEY deployment_commune (commune_insee),
    KEY deployment_technology (technology)
) ENGINE=InnoDB;

CREATE TABLE deployment_source (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deployment_id   BIGINT        NOT NULL,
    url             VARCHAR(2000) NULL,
    title           VARCHAR(500)  NULL,
    quote           TEXT          NULL,
    document_sha256 CHAR(64)      NULL,
    seen_on         DATE          NULL,
    added_at        DATETIME(6)   NOT NULL,
    added_by        VARCHAR(100)  NOT NULL,
    CONSTRAINT deployment_source_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id)
) ENGINE=InnoDB;

-- Every change to a deployment or its sources: who, when, what (JSON: the fields before and after).
CREATE TABLE deployment_history (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    deployment_id BIGINT       NOT NULL,
    changed_at    DATETIME(6)  NOT NULL,
    changed_by    VARCHAR(100) NOT NULL,
    action        VARCHAR(20)  NOT NULL,
    changes       TEXT         NOT NULL,
    CONSTRAINT deployment_history_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id),
    KEY deployment_history_deployment_time (deployment_id, changed_at)
) ENGINE=InnoDB;

--changeset lanterne:validation-1
--comment: A history entry holds a text field before and after its change (a summary, a quotation: TEXT each), which
--comment: TEXT cannot always hold twice.
ALTER TABLE deployment_history MODIFY changes MEDIUMTEXT NOT NULL;
