# itertools.count converts a start that fits a C ssize_t when the step is 1, as CPython's
# fast mode (count(True) counts 1, 2, ...); other starts and steps are added as they are.
import itertools
c = itertools.count(True); print(next(c), next(c), c)
c = itertools.count(True, True); print(next(c), next(c), c)
c = itertools.count(False, 1.5); print(next(c), next(c), c)
c = itertools.count(1.5, True); print(next(c), next(c), c)
c = itertools.count(step=True); print(next(c), next(c), c)
c = itertools.count(2**70, True); print(next(c), next(c), c)
c = itertools.count(True, 0); print(next(c), next(c), c)
c = itertools.count(5, -1); print(next(c), next(c), c)
print(itertools.count(True), itertools.count(1, True), itertools.count(False), itertools.count())
print(list(zip(itertools.count(False), 'ab')))
