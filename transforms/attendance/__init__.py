"""Who attended, sent apologies, substituted or observed."""
