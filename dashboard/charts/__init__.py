"""Pure chart builders: DataFrame -> plotly Figure, one theme for the screen and one for the projector."""
