"""Train the person-entry recogniser (transforms/attendance) from a labelled folder, or measure it
held out by publisher.

    .venv/bin/python scripts/train_person_entries.py --docs ../shared/corpus \\
        --gold ../shared/gold/corpus --sources ../shared/corpus-sources.csv \\
        --out transforms/attendance/person_entry_weights.json
    .venv/bin/python scripts/train_person_entries.py ... --cv   # GroupKFold by publisher family

An entry is a positive example when it holds a gold attendee's name (the first entry that
does, so later mentions in the discussion are not). ``--cv`` trains five times without one
fifth of the publisher families and reports, on the left-out families' pages, entry
precision/recall and the pipeline's attendance P/R/F1 (eval/score.py on a folder of only those
pages, with the runtime pointed at the fold's weights through MINUTES_PERSON_WEIGHTS), beside
the same pages scored with the strategy switched off. Needs scikit-learn (a dev dependency).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.ensemble import GradientBoostingClassifier  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from transforms.attendance.entry_features import FEATURES, features, split_entries  # noqa: E402
from transforms.attendance.person_entries import ENV, is_candidate, load_model  # noqa: E402
from transforms.extract import extract_text  # noqa: E402
from transforms.models import ExtractionError, RawDocument  # noqa: E402

THRESHOLD = 0.5
PARAMS = {"n_estimators": 80, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.9, "random_state": 13}


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower().replace("’", "'"))


def _holds(entry: list[str], name: list[str]) -> bool:
    k = len(name)
    if any(entry[i:i + k] == name for i in range(len(entry) - k + 1)):
        return True
    return k >= 2 and set(name) <= set(entry)  # "Smith, Jane" holds "Jane Smith"


def labelled_pages(docs: Path, gold: Path, sources: Path | None) -> list[dict]:
    """Per page: family, entries' feature rows and labels."""
    family = {}
    if sources is not None:
        with sources.open(encoding="utf-8") as fh:
            family = {r["file"]: r["family"] for r in csv.DictReader(fh)}
    pages = []
    for gf in sorted(gold.glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        path = docs / g["document"]
        if not path.exists():
            continue
        data = path.read_bytes()
        try:
            text = extract_text(RawDocument(hashlib.sha256(data).hexdigest(), str(path), data)).text
        except ExtractionError:
            continue
        entries = split_entries(text)
        rows = features(entries, text)
        labels = [0] * len(entries)
        toks = [_tokens(e.text) for e in entries]
        for person in g.get("attendance", []):
            name = _tokens(person["name"])
            hit = next((i for i, t in enumerate(toks) if name and _holds(t, name)), None)
            if hit is not None and entries[hit].heading is None:
                labels[hit] = 1
        pages.append({"file": g["document"], "family": family.get(g["document"], g["document"]),
                      "rows": rows, "labels": labels, "names": len(g.get("attendance", []))})
    return pages


def train(pages: list[dict]) -> GradientBoostingClassifier:
    X = [r for p in pages for r in p["rows"] if is_candidate(r)]
    y = [v for p in pages for v, r in zip(p["labels"], p["rows"], strict=True) if is_candidate(r)]
    return GradientBoostingClassifier(**PARAMS).fit(X, y)


def dump(model: GradientBoostingClassifier, out: Path) -> None:
    """The ensemble as JSON for ``transforms.attendance.person_entries.load_model``."""
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append({"feature": [int(f) for f in t.feature], "threshold": [float(x) for x in t.threshold],
                      "left": [int(c) for c in t.children_left], "right": [int(c) for c in t.children_right],
                      "value": [round(float(v), 6) for v in t.value[:, 0, 0]]})
    X0 = [[0.0] * len(FEATURES)]
    init = float(model.decision_function(X0)[0]) - model.learning_rate * sum(
        float(e.predict(X0)[0]) for e in model.estimators_[:, 0])
    out.write_text(json.dumps({"features": list(FEATURES), "init": round(init, 6),
                               "learning_rate": model.learning_rate, "threshold": THRESHOLD,
                               "params": PARAMS, "trees": trees}, separators=(",", ":")) + "\n", encoding="utf-8")


def _check_dump(model: GradientBoostingClassifier, path: Path, rows: list[list[float]]) -> None:
    """The pure-Python reading of the JSON gives scikit-learn's probabilities."""
    shipped = load_model(str(path))
    for row, want in zip(rows, model.predict_proba(rows)[:, 1], strict=True):
        if abs(shipped.probability(row) - want) > 1e-4:
            raise SystemExit(f"{path}: the dumped model disagrees with scikit-learn ({want} on {row})")


def _entry_counts(model: GradientBoostingClassifier, pages: list[dict]) -> list[int]:
    """tp, fp, fn over the entries the model judges, and fn over all entries (a gold name in a
    sentence, left to the rules, counts as missed there)."""
    tp = fp = fn = fn_all = 0
    for p in pages:
        if not p["rows"]:
            continue
        for got, want, row in zip(model.predict_proba(p["rows"])[:, 1] >= THRESHOLD, p["labels"], p["rows"],
                                  strict=True):
            judged = is_candidate(row)
            got = got and judged
            tp += got and want
            fp += got and not want
            fn += want and judged and not got
            fn_all += want and not got
    return [tp, fp, fn, fn_all]


def _score(docs: Path, gold: Path, files: list[str], weights: str) -> list[int]:
    """Attendance tp, fp, fn of the pipeline on only ``files``, with MINUTES_PERSON_WEIGHTS=weights
    (eval/score.py's list of missed and extra attendees, and the gold files' required attendees)."""
    with tempfile.TemporaryDirectory(prefix="person-cv-") as tmp:
        d, g = Path(tmp) / "docs", Path(tmp) / "gold"
        d.mkdir()
        g.mkdir()
        required = 0
        for f in files:
            (d / f).symlink_to((docs / f).resolve())
            (g / f"{Path(f).stem}.json").symlink_to((gold / f"{Path(f).stem}.json").resolve())
            people = json.loads((gold / f"{Path(f).stem}.json").read_text(encoding="utf-8")).get("attendance", [])
            required += sum(not p.get("optional") for p in people)
        env = dict(os.environ, **{ENV: weights})
        out = subprocess.run([sys.executable, str(ROOT / "scripts" / "quickscore.py"), str(d), str(g)],
                             env=env, capture_output=True, text=True, check=False).stdout
    if not re.search(r"^attendance\s", out, re.M):
        raise SystemExit(f"could not read the score of:\n{out}")
    missed = len(re.findall(r": missed attendee:", out))
    extra = len(re.findall(r": extra attendee:", out))
    return [required - missed, extra, missed]


def _prf(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}"


def cross_validate(pages: list[dict], docs: Path, gold: Path, folds: int) -> None:
    groups = [p["family"] for p in pages]
    entries, on, off = [0, 0, 0, 0], [0, 0, 0], [0, 0, 0]
    print(f"GroupKFold({folds}) by publisher family, {len(pages)} pages, {len(set(groups))} families")
    with tempfile.TemporaryDirectory(prefix="person-weights-") as tmp:
        for k, (fit, held) in enumerate(GroupKFold(n_splits=folds).split(pages, groups=groups)):
            model = train([pages[i] for i in fit])
            e = _entry_counts(model, [pages[i] for i in held])
            weights = Path(tmp) / f"fold{k}.json"
            dump(model, weights)
            files = [pages[i]["file"] for i in held]
            fold_on, fold_off = _score(docs, gold, files, str(weights)), _score(docs, gold, files, "off")
            entries = [a + b for a, b in zip(entries, e, strict=True)]
            on = [a + b for a, b in zip(on, fold_on, strict=True)]
            off = [a + b for a, b in zip(off, fold_off, strict=True)]
            print(f"fold {k}: {len(files)} pages, {len({groups[i] for i in held})} families; entries judged "
                  f"{_prf(*e[:3])}, recall of all {e[0] / max(1, e[0] + e[3]):.3f}; attendance without "
                  f"{_prf(*fold_off)} -> with {_prf(*fold_on)}")
    every = entries[0] / max(1, entries[0] + entries[3])
    print(f"all folds: entries judged {_prf(*entries[:3])}, recall of all {every:.3f}")
    print(f"all folds: pipeline attendance without the strategy {_prf(*off)} -> with it {_prf(*on)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--sources", type=Path, help="corpus-sources.csv (file,family): the CV groups")
    ap.add_argument("--out", type=Path, default=ROOT / "transforms" / "attendance" / "person_entry_weights.json")
    ap.add_argument("--cv", action="store_true", help="report held-out-by-publisher figures instead of training")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    pages = labelled_pages(a.docs, a.gold, a.sources)
    n = sum(len(p["labels"]) for p in pages)
    pos = sum(sum(p["labels"]) for p in pages)
    found = sum(p["names"] for p in pages)
    print(f"{len(pages)} pages, {n} entries, {pos} positive ({found} gold attendees)")
    if a.cv:
        cross_validate(pages, a.docs, a.gold, a.folds)
        return 0
    model = train(pages)
    dump(model, a.out)
    _check_dump(model, a.out, [r for p in pages for r in p["rows"]])
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
