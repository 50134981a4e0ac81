-- Refunds are purchases with a negative amount that name the order they refund.
ALTER TABLE purchases ADD COLUMN refunded_order_id VARCHAR(128) NULL AFTER currency;
CREATE INDEX ix_purchases_refunded ON purchases (tenant_id, refunded_order_id);

-- Survey definitions: kind 1 = NPS (0-10), 2 = CSAT with its scale and lowest satisfied score.
CREATE TABLE surveys (
  tenant_id      VARCHAR(63)  NOT NULL,
  survey_id      VARCHAR(128) NOT NULL,
  kind           TINYINT      NOT NULL,
  scale_min      INT          NOT NULL,
  scale_max      INT          NOT NULL,
  satisfied_from INT          NOT NULL,
  display_name   VARCHAR(200) NOT NULL,
  create_time    DATETIME(6)  NOT NULL,
  PRIMARY KEY (tenant_id, survey_id),
  CONSTRAINT fk_surveys_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Responses; a NULL score is a response without an answer (it stays out of the denominators).
CREATE TABLE survey_responses (
  tenant_id     VARCHAR(63)  NOT NULL,
  response_id   VARCHAR(128) NOT NULL,
  survey_id     VARCHAR(128) NOT NULL,
  customer_id   VARCHAR(128) NOT NULL,
  responded_at  DATETIME(6)  NOT NULL,
  score         INT          NULL,
  comment_text  TEXT         NULL,
  language_code VARCHAR(16)  NULL,
  PRIMARY KEY (tenant_id, response_id),
  KEY ix_survey_responses_time (tenant_id, survey_id, responded_at, score, customer_id),
  KEY ix_survey_responses_customer (tenant_id, customer_id, responded_at),
  CONSTRAINT fk_survey_responses_survey FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id),
  CONSTRAINT fk_survey_responses_customer FOREIGN KEY (tenant_id, customer_id)
    REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Retention expenses over a service interval of local dates, end inclusive (one day: start = end).
CREATE TABLE retention_expenses (
  tenant_id  VARCHAR(63)   NOT NULL,
  expense_id VARCHAR(128)  NOT NULL,
  amount     DECIMAL(19,4) NOT NULL,
  currency   CHAR(3)       NOT NULL,
  category   VARCHAR(64)   NOT NULL,
  start_date DATE          NOT NULL,
  end_date   DATE          NOT NULL,
  PRIMARY KEY (tenant_id, expense_id),
  KEY ix_retention_expenses_dates (tenant_id, start_date, end_date),
  CONSTRAINT fk_retention_expenses_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
