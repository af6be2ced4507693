"""Foreign-trade partner dashboard of the Volgograd Oblast administration."""
