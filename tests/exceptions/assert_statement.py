try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("caught:", e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
assert True
print("end")
