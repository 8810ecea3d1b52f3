# args: a b
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[1:])
print(type(sys.argv).__name__)
