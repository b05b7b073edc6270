"""Make GX Data Docs readable offline.

GX's pages load Bootstrap, jQuery and bootstrap-table from CDNs, and its index page fills its
tables with JavaScript from those CDNs: offline the index shows empty tabs. After GX builds
the site we add, to every page, a small inline stylesheet, and to the index a plain HTML
summary of every validation with links to GX's own (static) result and suite pages.

>>> failure = Failure("normalise", "actions", "x(owner)", "Expected ...", ("ab12",))
>>> run = ValidationRun("normalise.actions", "normalise-0002", False, 12, 20, (failure,))
>>> "failed" in summary_row(run, "validations/x.html")
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from expectations.failures import Failure

MARKER = "minutes-offline"

STYLE = f"""<style id="{MARKER}-style">
body {{ font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0 1rem;
  color: #1d1d1f; line-height: 1.4; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
th, td {{ border: 1px solid #c8c8cc; padding: .25rem .5rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f3; }}
a {{ color: #0b57d0; }}
.{MARKER}-summary {{ max-width: 80rem; margin: 1rem auto; }}
.{MARKER}-passed {{ color: #176b2c; font-weight: 600; }}
.{MARKER}-failed {{ color: #b3261e; font-weight: 600; }}
img[src^="http"] {{ display: none; }}
</style>"""

# The GX tabs stay empty without jQuery from the CDN: hide them then, keep them when online.
HIDE_EMPTY_TABS = """<script>
window.addEventListener("load", function () {
  if (window.jQuery && jQuery.fn.bootstrapTable) { return; }
  document.querySelectorAll(".ge-index-page-tabs-container").forEach(function (e) {
    e.style.display = "none"; });
});
</script>"""


@dataclass(frozen=True)
class ValidationRun:
    """One validation of one table, as the summary lists it."""

    suite_name: str  # "<stage>.<table>"
    run_name: str  # "<stage>-<nnnn>": one per check_* call
    success: bool
    rows: int
    checks: int
    failures: tuple[Failure, ...] = ()
    run_time_key: str = ""  # GX's run time folder name, e.g. "20251123T182255.118097Z"


def _page_of(docs_dir: Path, run: ValidationRun) -> str | None:
    """The GX result page of a run, relative to the index (GX files it by suite, run, time)."""
    folder = docs_dir / "validations" / Path(*run.suite_name.split(".")) / run.run_name
    pages = sorted(folder.glob(f"{run.run_time_key or '*'}/*.html"))
    return pages[-1].relative_to(docs_dir).as_posix() if pages else None


def _documents(failure: Failure) -> str:
    n = len(failure.document_ids)
    return f" (rows of {n} document{'s' if n != 1 else ''})" if n else ""


def summary_row(run: ValidationRun, page: str | None) -> str:
    state = "passed" if run.success else "failed"
    result = f'<span class="{MARKER}-{state}">{state}</span>'
    link = f'<a href="{html.escape(page)}">results</a>' if page else ""
    suite_page = "expectations/" + "/".join(run.suite_name.split(".")) + ".html"
    failed = "".join(f"<p><code>{html.escape(f.check_name)}</code>: {html.escape(f.reason)}"
                     f"{_documents(f)}</p>" for f in run.failures)
    suite = f'<a href="{html.escape(suite_page)}">{html.escape(run.suite_name)}</a>'
    return (f"<tr><td>{result}</td><td>{suite}</td><td>{html.escape(run.run_name)}</td>"
            f"<td>{run.rows}</td><td>{run.checks}</td>"
            f"<td>{failed}</td><td>{link}</td></tr>")


def summary_html(docs_dir: Path, runs: Sequence[ValidationRun]) -> str:
    """A plain table of every validation: no scripts, no remote styles."""
    failed = sum(1 for r in runs if not r.success)
    rows = "\n".join(summary_row(r, _page_of(docs_dir, r)) for r in runs)
    suites = sorted({r.suite_name for r in runs})
    suite_links = ", ".join(
        f'<a href="expectations/{"/".join(s.split("."))}.html">{html.escape(s)}</a>' for s in suites)
    return (f'<section class="{MARKER}-summary" id="{MARKER}-summary">\n'
            f"<h1>Data quality checks</h1>\n"
            f"<p>{len(runs)} validations of {len(suites)} suites; {failed} failed. "
            f"Each row is one table of one batch; a failed check quarantines the documents "
            f"whose rows failed (publish checks stop the publish).</p>\n"
            f"<p>Suites: {suite_links}</p>\n"
            "<table><thead><tr><th>Result</th><th>Suite</th><th>Run</th><th>Rows</th><th>Checks</th>"
            f"<th>Failed checks and why</th><th>Details</th></tr></thead>\n<tbody>\n{rows}\n</tbody></table>\n"
            "</section>")


def _inject(page: Path, head_extra: str, body_extra: str = "") -> None:
    text = page.read_text(encoding="utf-8")
    if f"{MARKER}-style" in text:  # already done (GX rewrites pages it rebuilds)
        return
    text = text.replace("</head>", head_extra + "\n</head>", 1)
    if body_extra:
        head, sep, tail = text.partition("<body>")
        text = head + sep + "\n" + body_extra + tail if sep else text + body_extra
    page.write_text(text, encoding="utf-8")


def make_readable_offline(docs_dir: Path, runs: Sequence[ValidationRun]) -> None:
    """Inline the stylesheet into every GX page and put the summary at the top of the index."""
    for page in docs_dir.glob("**/*.html"):
        if page.name != "index.html" or page.parent != docs_dir:
            _inject(page, STYLE)
    index = docs_dir / "index.html"
    if index.exists():
        _inject(index, STYLE + HIDE_EMPTY_TABS, summary_html(docs_dir, runs))
