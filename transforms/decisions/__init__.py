"""Decisions: "Decision:" blocks, "RESOLVED" resolutions and decision sentences."""
