# exit: 3
# sys.exit ends the program the same way: the suspended generator's finally block runs after
# the SystemExit, and the status is the exit's.
import sys


def gen():
    try:
        yield 1
    finally:
        print("cleanup")


g = gen()
next(g)
print("exiting")
sys.exit(3)
