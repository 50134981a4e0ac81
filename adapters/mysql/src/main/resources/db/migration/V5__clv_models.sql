-- Predictive-CLV fits (BG/NBD + Gamma-Gamma) and each customer's prediction under a fit. A fit is
-- written once, with all its predictions, and never changes.
CREATE TABLE clv_models (
  tenant_id            VARCHAR(63)  NOT NULL,
  model_id             VARCHAR(128) NOT NULL,
  calibration_end_date DATE         NOT NULL,
  -- the segment as "key=value1,value2;key2=..." with every part percent-encoded, in filter order
  segment_text         TEXT         NOT NULL,
  currency             CHAR(3)      NOT NULL,
  horizon_months       INT          NOT NULL,
  monthly_discount     DOUBLE       NOT NULL,
  create_time          DATETIME(6)  NOT NULL,
  customers            INT          NOT NULL,
  repeat_buyers        INT          NOT NULL,
  bg_r DOUBLE NOT NULL, bg_alpha DOUBLE NOT NULL, bg_a DOUBLE NOT NULL, bg_b DOUBLE NOT NULL,
  bg_se_r DOUBLE NULL, bg_se_alpha DOUBLE NULL, bg_se_a DOUBLE NULL, bg_se_b DOUBLE NULL,
  bg_se_note           VARCHAR(500) NOT NULL,
  bg_log_likelihood    DOUBLE       NOT NULL,
  bg_iterations INT NOT NULL, bg_evaluations INT NOT NULL,
  gg_customers INT NOT NULL, gg_fitted INT NOT NULL, gg_excluded INT NOT NULL,
  gg_p DOUBLE NOT NULL, gg_q DOUBLE NOT NULL, gg_gamma DOUBLE NOT NULL,
  gg_se_p DOUBLE NULL, gg_se_q DOUBLE NULL, gg_se_gamma DOUBLE NULL,
  gg_se_note           VARCHAR(500) NOT NULL,
  gg_log_likelihood    DOUBLE       NOT NULL,
  gg_correlation       DOUBLE       NULL,
  gg_iterations INT NOT NULL, gg_evaluations INT NOT NULL,
  PRIMARY KEY (tenant_id, model_id),
  CONSTRAINT fk_clv_models_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE clv_model_customers (
  tenant_id          VARCHAR(63)   NOT NULL,
  model_id           VARCHAR(128)  NOT NULL,
  customer_id        VARCHAR(128)  NOT NULL,
  x                  INT           NOT NULL,
  t_x                DOUBLE        NOT NULL,
  t_cal              DOUBLE        NOT NULL,
  mean_repeat_value  DECIMAL(19,4) NULL,
  probability_alive  DOUBLE        NOT NULL,
  expected_purchases DOUBLE        NOT NULL,
  expected_value     DOUBLE        NULL,
  clv                DECIMAL(19,4) NULL,
  PRIMARY KEY (tenant_id, model_id, customer_id),
  KEY ix_clv_model_customers_value (tenant_id, model_id, clv, customer_id),
  KEY ix_clv_model_customers_alive (tenant_id, model_id, probability_alive, customer_id),
  CONSTRAINT fk_clv_model_customers_model FOREIGN KEY (tenant_id, model_id) REFERENCES clv_models (tenant_id, model_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
