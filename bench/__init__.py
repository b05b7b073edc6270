"""Benchmarks of the pipeline on generated corpora (``bench/run.py``)."""
