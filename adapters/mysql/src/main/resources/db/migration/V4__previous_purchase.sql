-- Each purchase (not refund) knows the time of the customer's purchase before it, so that the
-- inactivity rule finds reactivations (a purchase more than N days after the previous one) in one
-- aggregate pass, without a window function at every KPI call. Kept by the purchase writer.
ALTER TABLE purchases ADD COLUMN previous_purchased_at DATETIME(6) NULL AFTER refunded_order_id;

UPDATE purchases p JOIN (
  SELECT tenant_id, order_id,
         LAG(purchased_at) OVER (PARTITION BY tenant_id, customer_id ORDER BY purchased_at, order_id) AS prev
  FROM purchases WHERE refunded_order_id IS NULL
) w ON w.tenant_id = p.tenant_id AND w.order_id = p.order_id
SET p.previous_purchased_at = w.prev;

ALTER TABLE purchases
  DROP INDEX ix_purchases_customer_time,
  ADD INDEX ix_purchases_customer_time
    (tenant_id, customer_id, purchased_at, refunded_order_id, previous_purchased_at, currency);
