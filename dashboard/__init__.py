"""The dashboard: a read-only Streamlit app over the published warehouse, and the export command.

    minutes dashboard [--warehouse DIR] [--port N]    serve the app on 127.0.0.1
    minutes export --format csv|parquet --out DIR     every table and view as files

The app never writes: each query opens ``minutes.duckdb`` read-only for the moment it needs it,
so a nightly publish (which renames a new file into place) is never blocked, and results are
cached per version of the file, so a new warehouse shows up on the next page load.
"""
