SELECT count(*) FROM trade;
