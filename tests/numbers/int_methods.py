# int methods and the numeric attributes.
x = 2 ** 100 + 7
print((37).bit_length(), x.bit_length(), (-37).bit_count(), (5).conjugate(), x.real, x.imag)
print((7).numerator, (7).denominator, (10).as_integer_ratio(), hex(255), oct(-8), bin(5))
print(hex(2 ** 70), bin(-(2 ** 65)))
