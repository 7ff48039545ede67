--liquibase formatted sql

--changeset lanterne:authorities-1
--comment: The official list of communes (INSEE code officiel géographique, via @etalab/decoupage-administratif).
CREATE TABLE region (
    code      VARCHAR(3)   NOT NULL PRIMARY KEY,
    name      VARCHAR(120) NOT NULL,
    zone      VARCHAR(8)   NOT NULL,
    chef_lieu CHAR(5)      NULL,
    name_form TINYINT      NULL COMMENT 'INSEE typeLiaison: which article and preposition the name takes'
) ENGINE=InnoDB;

CREATE TABLE departement (
    code        VARCHAR(3)   NOT NULL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    region_code VARCHAR(3)   NOT NULL,
    zone        VARCHAR(8)   NOT NULL,
    chef_lieu   CHAR(5)      NULL,
    name_form   TINYINT      NULL
) ENGINE=InnoDB;

-- One row per (code, kind): a commune déléguée keeps the code of its former commune, which is often also the
-- code of the commune nouvelle it belongs to.
CREATE TABLE commune (
    insee          CHAR(5)      NOT NULL,
    kind           VARCHAR(24)  NOT NULL,
    name           VARCHAR(150) NOT NULL,
    search_name    VARCHAR(150) NOT NULL COMMENT 'lower case, no accents, words separated by one space',
    name_form      TINYINT      NULL,
    departement    VARCHAR(3)   NOT NULL,
    region         VARCHAR(3)   NOT NULL,
    arrondissement VARCHAR(4)   NULL,
    zone           VARCHAR(8)   NOT NULL,
    parent_insee   CHAR(5)      NULL COMMENT 'the commune a déléguée, associée or arrondissement belongs to',
    siren          CHAR(9)      NULL,
    population     INT          NULL,
    postal_codes   VARCHAR(400) NULL COMMENT 'space separated',
    current        BOOLEAN      NOT NULL COMMENT 'present in the last edition loaded',
    first_edition  VARCHAR(40)  NOT NULL,
    last_edition   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (insee, kind),
    KEY commune_search (search_name),
    KEY commune_departement (departement, kind, current),
    KEY commune_population (kind, current, population)
) ENGINE=InnoDB;

CREATE TABLE commune_postal_code (
    postal_code CHAR(5)     NOT NULL,
    insee       CHAR(5)     NOT NULL,
    kind        VARCHAR(24) NOT NULL,
    PRIMARY KEY (postal_code, insee, kind)
) ENGINE=InnoDB;

-- anciensCodes: a code that disappeared in a merger still finds the commune that took it over.
CREATE TABLE commune_former_code (
    former_insee CHAR(5)     NOT NULL,
    insee        CHAR(5)     NOT NULL,
    edition      VARCHAR(40) NOT NULL COMMENT 'first edition that listed it',
    PRIMARY KEY (former_insee, insee)
) ENGINE=InnoDB;

-- What each new edition changed: additions, renamings, removals and mergers, so history survives.
CREATE TABLE commune_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    insee       CHAR(5)      NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    edition     VARCHAR(40)  NOT NULL,
    change_type VARCHAR(20)  NOT NULL,
    old_value   VARCHAR(150) NULL,
    new_value   VARCHAR(150) NULL,
    recorded_at DATETIME(6)  NOT NULL,
    KEY commune_change_commune (insee, kind)
) ENGINE=InnoDB;

CREATE TABLE reference_edition (
    dataset   VARCHAR(60) NOT NULL PRIMARY KEY,
    edition   VARCHAR(40) NOT NULL,
    checksum  CHAR(64)    NOT NULL,
    row_count INT         NOT NULL,
    loaded_at DATETIME(6) NOT NULL
) ENGINE=InnoDB;

--changeset lanterne:authorities-2
--comment: Bodies a request can be sent to, and where their addresses came from.
CREATE TABLE authority (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code          VARCHAR(60)  NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    commune_insee CHAR(5)      NULL,
    departement   VARCHAR(3)   NULL,
    region        VARCHAR(3)   NULL,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT authority_code UNIQUE (code),
    KEY authority_commune (commune_insee),
    KEY authority_kind (kind, departement)
) ENGINE=InnoDB;

-- Every address ever recorded is kept; superseded_at marks the ones a newer record of the same source replaced.
CREATE TABLE authority_contact (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    authority_id     BIGINT        NOT NULL,
    source           VARCHAR(30)   NOT NULL,
    source_reference VARCHAR(500)  NULL,
    source_date      DATE          NULL,
    email            VARCHAR(320)  NULL,
    postal_address   VARCHAR(1000) NULL,
    phone            VARCHAR(60)   NULL,
    website          VARCHAR(500)  NULL,
    recorded_at      DATETIME(6)   NOT NULL,
    recorded_by      VARCHAR(100)  NOT NULL,
    superseded_at    DATETIME(6)   NULL,
    CONSTRAINT authority_contact_authority FOREIGN KEY (authority_id) REFERENCES authority (id),
    KEY authority_contact_current (authority_id, superseded_at)
) ENGINE=InnoDB;

--changeset epci:epci-1
--comment: Intercommunalités (EPCI à fiscalité propre, DGCL list via @etalab/decoupage-administratif epci.json).
-- population_total / population_municipal: INSEE "population totale" and "population municipale" as the file gives
-- them (the commune list only has one figure per commune); legal thresholds read the total one.
CREATE TABLE epci (
    siren                CHAR(9)      NOT NULL PRIMARY KEY,
    name                 VARCHAR(255) NOT NULL,
    search_name          VARCHAR(255) NOT NULL,
    type                 VARCHAR(10)  NOT NULL,
    financing            VARCHAR(10)  NULL,
    population_total     INT          NULL,
    population_municipal INT          NULL,
    departement          VARCHAR(3)   NULL,
    region               VARCHAR(3)   NULL,
    current              BOOLEAN      NOT NULL DEFAULT TRUE,
    last_edition         VARCHAR(40)  NOT NULL,
    KEY epci_departement (departement)
) ENGINE=InnoDB;

CREATE TABLE epci_member (
    epci_siren           CHAR(9)      NOT NULL,
    insee                CHAR(5)      NOT NULL,
    name                 VARCHAR(255) NOT NULL,
    population_total     INT          NULL,
    population_municipal INT          NULL,
    PRIMARY KEY (epci_siren, insee),
    KEY epci_member_insee (insee)
) ENGINE=InnoDB;

--changeset legal-finish:prada-address-1
--comment: Where the authority's PRADA receives the requests (CRPA R330-4), when known and different from its own address; a field of the contact like the others, by source.
ALTER TABLE authority_contact ADD COLUMN prada_address VARCHAR(1000) NULL
    COMMENT 'postal address of the PRADA (CRPA R330-2 to R330-4); NULL if unknown';
