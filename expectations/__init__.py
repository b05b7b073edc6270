"""Data-quality gates with Great Expectations: suites per stage, failures -> quarantine.

``from expectations import Checker`` is cheap; Great Expectations itself is imported when a
``Checker`` is made (once per run).
"""

from expectations.failures import Failure
from expectations.runner import Checker

__all__ = ["Checker", "Failure"]
