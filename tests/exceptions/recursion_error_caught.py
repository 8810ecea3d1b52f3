import sys


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(100000)


def deep():
    return deep()


try:
    deep()
except RecursionError as e:
    print("deep:", type(e).__name__)
