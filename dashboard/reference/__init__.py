"""Reference data: partner countries, the commodity nomenclature and map outlines."""
