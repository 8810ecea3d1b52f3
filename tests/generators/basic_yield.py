def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count(5)))
for x in count(3):
    print(x)
print(sum(count(101)))
print(sorted(count(4), reverse=True))
