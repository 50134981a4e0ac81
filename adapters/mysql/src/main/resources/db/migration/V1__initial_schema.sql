-- cskpi schema. Every table and every index leads with the tenant, so that a tenant's rows are
-- contiguous and the schema can be sharded by tenant_id. Times are UTC DATETIME(6); money is
-- DECIMAL(19,4) with its ISO-4217 currency; text is utf8mb4, ids compared byte for byte.

CREATE TABLE tenants (
  tenant_id       VARCHAR(63)  NOT NULL,
  display_name    VARCHAR(200) NOT NULL,
  time_zone       VARCHAR(64)  NOT NULL,
  -- NULL: churn from lifecycle events; N: churn after N days without a purchase
  inactivity_days INT          NULL,
  create_time     DATETIME(6)  NOT NULL,
  PRIMARY KEY (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customers (
  tenant_id   VARCHAR(63)  NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  acquired_at DATETIME(6)  NULL,
  update_time DATETIME(6)  NOT NULL,
  PRIMARY KEY (tenant_id, customer_id),
  CONSTRAINT fk_customers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customer_attributes (
  tenant_id   VARCHAR(63)  NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  attr_key    VARCHAR(64)  NOT NULL,
  attr_value  VARCHAR(256) NOT NULL,
  PRIMARY KEY (tenant_id, customer_id, attr_key),
  KEY ix_customer_attributes_segment (tenant_id, attr_key, attr_value),
  CONSTRAINT fk_customer_attributes_customer FOREIGN KEY (tenant_id, customer_id)
    REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Pushed churn (2) and reactivation (3) events; acquisition (1) is customers.acquired_at.
CREATE TABLE lifecycle_events (
  tenant_id   VARCHAR(63)  NOT NULL,
  customer_id VARCHAR(128) NOT NULL,
  kind        TINYINT      NOT NULL,
  event_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (tenant_id, customer_id, kind, event_at),
  CONSTRAINT fk_lifecycle_events_customer FOREIGN KEY (tenant_id, customer_id)
    REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE purchases (
  tenant_id    VARCHAR(63)   NOT NULL,
  order_id     VARCHAR(128)  NOT NULL,
  customer_id  VARCHAR(128)  NOT NULL,
  purchased_at DATETIME(6)   NOT NULL,
  amount       DECIMAL(19,4) NOT NULL,
  currency     CHAR(3)       NOT NULL,
  PRIMARY KEY (tenant_id, order_id),
  KEY ix_purchases_time (tenant_id, purchased_at, currency, amount, customer_id),
  KEY ix_purchases_customer_time (tenant_id, customer_id, purchased_at),
  CONSTRAINT fk_purchases_customer FOREIGN KEY (tenant_id, customer_id)
    REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
