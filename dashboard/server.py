"""The ASGI app ``streamlit run`` serves: the Streamlit pages plus the warehouse's Great
Expectations Data Docs under /data-docs/ (a browser will not follow file:// links from an
http:// page, so the report is served beside the app).

The Data Docs folder is looked up on every request, so a newly published report (``data-docs``
is a symlink switched by each publish) is served without a restart.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from dashboard.data import warehouse_dir_from_env


def data_docs_file(warehouse_dir: Path, relative: str) -> Path | None:
    """The file under ``<warehouse>/data-docs`` a request names; None outside it or when missing.

    >>> import tempfile; wh = Path(tempfile.mkdtemp()); (wh / "data-docs").mkdir()
    >>> _ = (wh / "data-docs" / "index.html").write_text("<p>ok</p>")
    >>> data_docs_file(wh, "").name, data_docs_file(wh, "../data-docs/index.html").name
    ('index.html', 'index.html')
    >>> data_docs_file(wh, "../../etc/passwd") is None
    True
    """
    root = (warehouse_dir / "data-docs").resolve()
    target = (root / relative).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not target.is_relative_to(root) or not target.is_file():
        return None
    return target


async def data_docs(request: Request) -> Response:
    path = data_docs_file(warehouse_dir_from_env(), request.path_params.get("path", ""))
    if path is None:
        return PlainTextResponse("Not in this warehouse's Data Docs.", status_code=404)
    return FileResponse(path)


async def data_docs_root(request: Request) -> Response:
    return RedirectResponse("/data-docs/index.html")


app = st.App(str(Path(__file__).with_name("app.py")), routes=[
    Route("/data-docs", data_docs_root),
    Route("/data-docs/{path:path}", data_docs),
])
