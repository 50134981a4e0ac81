-- Covering indexes for the KPI aggregates, so that they read index entries, never whole rows:
-- per customer in time order for the lifecycle, per time for the totals.
ALTER TABLE purchases
  DROP INDEX ix_purchases_customer_time,
  ADD INDEX ix_purchases_customer_time (tenant_id, customer_id, purchased_at, refunded_order_id),
  DROP INDEX ix_purchases_time,
  ADD INDEX ix_purchases_time (tenant_id, purchased_at, currency, amount, customer_id, refunded_order_id);
