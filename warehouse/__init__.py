"""The warehouse: one schema definition, Parquet + DuckDB publishing, analytical views."""
