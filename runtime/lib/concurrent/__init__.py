"""concurrent: the package of concurrent.futures (an empty package, as CPython's)."""
