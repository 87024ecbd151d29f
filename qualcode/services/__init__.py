"""Use cases shared by the CLI and the TUI. Each public function is one user action.

Services take an open Store and plain values, do their work inside one ``store.action``
(one transaction) and return core objects. They never print.
"""
