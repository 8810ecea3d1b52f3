import sys
n = sys.stdout.write("hello ")
sys.stdout.write("world\n")
print(n)
print(sys.stdout.write("h\u00e9llo\n"))
print(sys.stdin.readline() == "")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout is sys.__stdout__, sys.stderr is not sys.stdout)
