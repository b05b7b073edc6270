"""Pure parsing: bytes -> cleaned text -> ParsedMinutes. No Prefect, Great Expectations or DuckDB here."""
