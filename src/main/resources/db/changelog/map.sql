--liquibase formatted sql

--changeset map:map-1
CREATE TABLE camera (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    commune_insee  CHAR(5)       NOT NULL,
    lat            DECIMAL(9, 6) NOT NULL,
    lon            DECIMAL(9, 6) NOT NULL,
    camera_type    VARCHAR(10)   NOT NULL COMMENT 'OSM camera:type: fixed, panning or dome',
    direction      SMALLINT      NULL COMMENT 'OSM camera:direction, degrees from north',
    surveillance   VARCHAR(10)   NOT NULL COMMENT 'OSM surveillance: public, outdoor or indoor',
    alpr           BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'surveillance:type=ALPR (plate reading)',
    sign_visible   BOOLEAN       NULL,
    deployment_id  BIGINT        NULL,
    walk           VARCHAR(100)  NULL COMMENT 'the mapping walk it was recorded on',
    note           VARCHAR(500)  NULL,
    photo          MEDIUMBLOB    NULL COMMENT 're-encoded JPEG, no EXIF',
    recorded_by    VARCHAR(100)  NOT NULL,
    deleted        BOOLEAN       NOT NULL DEFAULT FALSE,
    version        INT           NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    CONSTRAINT camera_deployment FOREIGN KEY (deployment_id) REFERENCES deployment (id),
    KEY camera_commune (commune_insee),
    KEY camera_walk (walk)
) ENGINE=InnoDB;

CREATE TABLE camera_history (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    camera_id  BIGINT        NOT NULL,
    action     VARCHAR(20)   NOT NULL,
    changed_by VARCHAR(100)  NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    changes    TEXT          NOT NULL COMMENT 'JSON: each field with its value before and after',
    CONSTRAINT camera_history_camera FOREIGN KEY (camera_id) REFERENCES camera (id),
    KEY camera_history_by_camera (camera_id)
) ENGINE=InnoDB;
