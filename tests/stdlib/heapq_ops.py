import heapq
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 5), data)
print(heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
print(heapq.nlargest(2, ["aa", "b", "cccc"], key=len), heapq.nsmallest(10, [3, 1]))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "exec"))
print(heapq.heappop(tasks), tasks)
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print(e)
