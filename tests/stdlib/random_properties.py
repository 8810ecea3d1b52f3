import random
random.seed(1234)
a = [random.random() for _ in range(5)]
random.seed(1234)
b = [random.random() for _ in range(5)]
print(a == b, all(0 <= x < 1 for x in a))
r = [random.randint(1, 6) for _ in range(1000)]
print(min(r), max(r), sorted(set(r)))
print(all(random.randrange(10) in range(10) for _ in range(200)))
print(all(random.randrange(5, 50, 5) % 5 == 0 for _ in range(200)))
print(all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(200)))
items = list(range(20))
random.shuffle(items)
print(sorted(items) == list(range(20)), len(items))
print(random.choice("abc") in "abc", random.choice([7]))
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= x < 100 for x in s))
print(0 <= random.getrandbits(100) < 2 ** 100)
try:
    random.choice([])
except IndexError as e:
    print(e)
try:
    random.randrange(5, 3)
except ValueError as e:
    print(e)
try:
    random.randint(3, 1)
except ValueError as e:
    print(e)
