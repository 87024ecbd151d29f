"""scikit-learn estimators for theme and code suggestions, and their evaluation.

The only package that imports scikit-learn. Import the modules (``themes``, ``codes``,
``evaluate``) directly; this package itself stays light so that importing it costs nothing.
"""
