# flags: -X gil=1
# Both builds run with a GIL when asked to (minipy-ft -X gil=1, as python3.13t).
import sys
print(sys._is_gil_enabled())
