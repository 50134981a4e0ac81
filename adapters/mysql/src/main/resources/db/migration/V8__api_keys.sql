-- API keys: each reaches one tenant's resources, or every tenant's (an administrator key, tenant_id NULL). Only the SHA-256 of a key is kept; the key itself
-- is shown once, when it is created. A revoked key stays listed with its revocation time.
CREATE TABLE api_keys (
  key_id      VARCHAR(16)  NOT NULL,
  key_hash    BINARY(32)   NOT NULL,
  tenant_id   VARCHAR(63)  NULL,
  label       VARCHAR(200) NOT NULL,
  create_time DATETIME(6)  NOT NULL,
  revoke_time DATETIME(6)  NULL,
  PRIMARY KEY (key_id),
  UNIQUE KEY ux_api_keys_hash (key_hash),
  KEY ix_api_keys_tenant (tenant_id, create_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
