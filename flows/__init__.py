"""Orchestration: settings, the Prefect flow, the command line. The only place that knows
about Prefect, files on disk and the network."""
