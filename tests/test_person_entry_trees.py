"""The person-entry model sums its trees through a function generated from them: bit for bit
the sum the walk over the node tables gives."""

from __future__ import annotations

import random
from array import array

from transforms.attendance.entry_features import FEATURES
from transforms.attendance.person_entries import _model


def test_generated_tree_sum_equals_the_table_walk():
    model = _model()
    assert model is not None
    rng = random.Random(7)
    rows = [array("f", [rng.choice([0.0, 1.0, -1.0, rng.random(), rng.uniform(-2, 60)]) for _ in FEATURES])
            for _ in range(3000)]
    for tree in model.trees:  # rows sitting on every threshold: "<=" must go left, as in the walk
        for feature, threshold in zip(tree.feature, tree.threshold, strict=True):
            row = array("f", [0.0] * len(FEATURES))
            row[feature] = threshold
            rows.append(row)
    assert all(model._tree_sum(r.tolist()) == model.walked_sum(r) for r in rows)
