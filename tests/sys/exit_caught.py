import sys
try:
    sys.exit(7)
except SystemExit as e:
    print("caught", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.args)
print("still running")
sys.exit(0)
