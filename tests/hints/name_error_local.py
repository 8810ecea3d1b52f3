def area(width, height):
    result = width * height
    return reslt


area(2, 3)
