import _boom
print(_boom.explode(5))
_boom.explode(0)
