"""qualcode's benchmarks: every stage timed beside its ceiling at several corpus sizes.

Run ``python -m benchmarks --sizes 20,100,200`` (``make bench`` runs the default sizes 20 and
100). Results go to ``benchmarks/results/latest.md`` and ``latest.json``. See ``runner`` for
the flow, ``corpus`` for the synthetic interviews and ``stages/`` for what is measured.
"""
