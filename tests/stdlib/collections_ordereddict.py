from collections import OrderedDict
o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
print(o, list(o))
o.move_to_end("b")
print(list(o.items()))
o.move_to_end("c", last=False)
print(list(o.keys()))
print(o.popitem(), o.popitem(last=False), o)
print(OrderedDict(), OrderedDict(x=1) == {"x": 1})
