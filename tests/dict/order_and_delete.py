# Dicts keep insertion order through growth, deletion and reinsertion.
d = {}
for i in range(20):
    d[(i * 7) % 20] = i
print(list(d))
for k in [0, 7, 14]:
    del d[k]
d[7] = "back"
print(d)
d[1] = "replaced"
print(list(d)[:3], d[1])
big = {}
for i in range(100000):
    big["k" + str(i % 5000)] = i
print(len(big), big["k42"], list(big)[:3])
for i in range(0, 5000, 2):
    del big["k" + str(i)]
print(len(big), list(big)[:3], "k2" in big, "k3" in big)
