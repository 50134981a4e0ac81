-- Customer Health Score: signals pushed per customer, and each tenant's versioned health models.
CREATE TABLE signals (
  tenant_id   VARCHAR(63)  NOT NULL,
  signal_id   VARCHAR(128) NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  observed_at DATETIME(6)  NOT NULL,
  value       DOUBLE       NOT NULL,
  PRIMARY KEY (tenant_id, signal_id),
  -- the latest value of a signal per customer before an instant, read from the index alone
  KEY ix_signals_latest (tenant_id, name, customer_id, observed_at, signal_id, value),
  CONSTRAINT fk_signals_customer FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A model version and its bands; written once, never changed. The highest version is in force.
CREATE TABLE health_models (
  tenant_id   VARCHAR(63) NOT NULL,
  version     INT         NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (tenant_id, version),
  CONSTRAINT fk_health_models_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE health_model_bands (
  tenant_id VARCHAR(63) NOT NULL,
  version   INT         NOT NULL,
  position  INT         NOT NULL,
  name      VARCHAR(32) NOT NULL,
  up_to     DOUBLE      NOT NULL,
  PRIMARY KEY (tenant_id, version, position),
  CONSTRAINT fk_health_model_bands_model FOREIGN KEY (tenant_id, version) REFERENCES health_models (tenant_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A measure has a linear rule (zero_points_at, full_points_at) or tiers (health_model_tiers).
CREATE TABLE health_model_measures (
  tenant_id      VARCHAR(63) NOT NULL,
  version        INT         NOT NULL,
  position       INT         NOT NULL,
  signal_name    VARCHAR(64) NOT NULL,
  weight         DOUBLE      NOT NULL,
  zero_points_at DOUBLE      NULL,
  full_points_at DOUBLE      NULL,
  PRIMARY KEY (tenant_id, version, position),
  CONSTRAINT fk_health_model_measures_model FOREIGN KEY (tenant_id, version)
    REFERENCES health_models (tenant_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE health_model_tiers (
  tenant_id        VARCHAR(63) NOT NULL,
  version          INT         NOT NULL,
  measure_position INT         NOT NULL,
  position         INT         NOT NULL,
  above            DOUBLE      NULL,
  up_to            DOUBLE      NULL,
  points           DOUBLE      NOT NULL,
  PRIMARY KEY (tenant_id, version, measure_position, position),
  CONSTRAINT fk_health_model_tiers_measure FOREIGN KEY (tenant_id, version, measure_position)
    REFERENCES health_model_measures (tenant_id, version, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
