# exit: 255
# An exit code past a C long becomes -1, status 255, as CPython's (int)PyLong_AsLong; nothing
# is printed.
import sys
print('before')
sys.exit(2**70)
