-- The results of requests that run once: the Batch methods' AIP-155 request ids (batch_sequence 0)
-- and the batches of streamed imports (request_id is the import id, batch_sequence 1, 2, ...).
-- request_hash identifies the request (a different request under the same key is refused);
-- response is the serialized response message returned to every repeat.
CREATE TABLE request_results (
  tenant_id      VARCHAR(63)    NOT NULL,
  method         VARCHAR(64)    NOT NULL,
  request_id     VARCHAR(128)   NOT NULL,
  batch_sequence BIGINT         NOT NULL,
  request_hash   VARBINARY(64)  NOT NULL,
  response       MEDIUMBLOB     NOT NULL,
  create_time    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (tenant_id, method, request_id, batch_sequence),
  CONSTRAINT fk_request_results_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
