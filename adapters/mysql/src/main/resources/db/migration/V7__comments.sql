-- Comments of survey responses (source 1) and stand-alone feedback (source 2), each analysed once
-- when it arrived: language, sentiment and themes. Feedback lives only here; a response's comment
-- is also in survey_responses.comment_text. Labels: 1 negative, 2 neutral, 3 positive; score
-- groups: 1 negative, 2 positive, NULL neither.
CREATE TABLE comments (
  tenant_id         VARCHAR(63)  NOT NULL,
  source            TINYINT      NOT NULL,
  source_id         VARCHAR(128) NOT NULL,
  customer_id       VARCHAR(128) NOT NULL,
  commented_at      DATETIME(6)  NOT NULL,
  text              TEXT         NOT NULL,
  language_code     VARCHAR(35)  NULL,
  channel           VARCHAR(64)  NULL,
  survey_id         VARCHAR(128) NULL,
  score             INT          NULL,
  scale_min         INT          NULL,
  scale_max         INT          NULL,
  score_group       TINYINT      NULL,
  language          VARCHAR(5)   NOT NULL,
  language_detected BOOLEAN      NOT NULL,
  sentiment         DOUBLE       NOT NULL,
  sentiment_label   TINYINT      NOT NULL,
  PRIMARY KEY (tenant_id, source, source_id),
  KEY ix_comments_time (tenant_id, commented_at, source, source_id),
  KEY ix_comments_customer (tenant_id, customer_id, commented_at),
  CONSTRAINT fk_comments_customer FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A comment's themes; the time and score group are repeated here so the theme sums read this
-- table's index in the period's range.
CREATE TABLE comment_themes (
  tenant_id    VARCHAR(63)  NOT NULL,
  source       TINYINT      NOT NULL,
  source_id    VARCHAR(128) NOT NULL,
  theme_key    VARCHAR(128) NOT NULL,
  theme_text   VARCHAR(128) NOT NULL,
  commented_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (tenant_id, source, source_id, theme_key),
  KEY ix_comment_themes_key (tenant_id, theme_key, commented_at),
  KEY ix_comment_themes_time (tenant_id, commented_at, theme_key),
  CONSTRAINT fk_comment_themes_comment FOREIGN KEY (tenant_id, source, source_id)
    REFERENCES comments (tenant_id, source, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
