# exit: 0
import sys
print("to stdout")
print("to stderr", 42, file=sys.stderr)
print("after", file=sys.stdout)
n = sys.stdout.write("written\n")
print(n)
print(sys.stderr.write("err line\n"))
sys.stdout.flush()
