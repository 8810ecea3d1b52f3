# flags: .
# A directory as the script: CPython looks for __main__.py there; without one, exit 1.
print("never runs")
