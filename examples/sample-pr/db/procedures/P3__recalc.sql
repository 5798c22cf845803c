-- A procedure: SQLE's line numbers drift after every DELIMITER line.
DELIMITER $$
CREATE PROCEDURE recalc_totals()
BEGIN
  UPDATE orders SET amount = amount * 1.0;
END $$
DELIMITER ;

SELECT * FROM orders;

SELEC broken FROM orders;
