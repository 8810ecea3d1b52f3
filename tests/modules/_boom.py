def explode(n):
    return 10 // n
