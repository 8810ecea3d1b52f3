# The gc module's functions, their results and their argument errors.
import gc

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.get_count()), len(gc.get_count()))
print(gc.isenabled())
print(gc.collect(0) >= 0, gc.collect(generation=2) >= 0)
print(gc.is_tracked([]), gc.is_tracked({"a": []}), gc.is_tracked(1), gc.is_tracked("s"))
for call in [lambda: gc.enable(1), lambda: gc.get_count(1), lambda: gc.set_threshold(),
             lambda: gc.set_threshold(1, 2, 3, 4), lambda: gc.set_threshold("a"),
             lambda: gc.collect(1, 2), lambda: gc.collect(5), lambda: gc.collect("x"),
             lambda: gc.is_tracked()]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
