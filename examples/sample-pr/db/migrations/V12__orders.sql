-- V12: order tables
-- owner: data-platform

CREATE TABLE orders (
  id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  amount DECIMAL(12, 2)
);

CREATE TABLE IF NOT EXISTS order_items (
  id BIGINT NOT NULL AUTO_INCREMENT COMMENT 'id',
  order_id BIGINT NOT NULL DEFAULT 0 COMMENT 'order',
  PRIMARY KEY (id)
) COMMENT 'order lines';

/* clean-up of the import table */
DELETE FROM orders_import;

UPDATE orders SET amount = 0 WHERE id = 42;
