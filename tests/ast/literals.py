# flags: --ast
n = 0, 1_000, 0x1F, 0o17, 0b101, 1.5, 1., .5, 1e10, 2.5e-3, 123456789012345678901234567890
s = 'single', "double", '''triple''', r'raw\n', u'unicode', 'a' 'b' "c"
e = '\n\t\\\'\x41\u00e9\U0001F600\101\d'
c = True, False, None, ...
d = {}, {1: 2, **other}, {1, 2}, [], [1, *rest], (), (1,), (1, 2)
sl = x[1], x[1:2], x[::3], x[:], x[a, b:c], x[1:2, ::3]
