-- Years with data for a region and the last month loaded in each. Params: region.
SELECT year, last_month, months FROM r_region_coverage WHERE region = $region ORDER BY year;
