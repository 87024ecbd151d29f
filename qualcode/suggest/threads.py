"""Run small numeric work on one thread.

Project data is small (hundreds of passages): OpenMP/BLAS thread pools then cost far more in
start-up and contention than they save (k-means ran 20 times slower on two threads here).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from threadpoolctl import threadpool_limits

P = ParamSpec("P")
R = TypeVar("R")


def single_threaded(work: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(work)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with threadpool_limits(limits=1):
            return work(*args, **kwargs)

    return wrapper
