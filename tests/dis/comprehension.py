# flags: --dis
squares = [n * n for n in range(5) if n % 2]
