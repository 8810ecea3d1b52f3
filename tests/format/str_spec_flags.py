# The '0' flag and the sign field in a str's format spec: '0' means '0' fill with the
# string's own (left) alignment, not '=' as for numbers; a space sign has its own message.
for spec in ['05', '06', '00', '0', '010.1', '<05', '>05', '^07', 'x<05', '0>4', '05s', '=05', ' ', ' 5', '+', '-']:
    try:
        print(repr(spec), repr(format('ab', spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(repr(f"{'ab':06}"), repr(f"{'é':03}"), repr('{:05}|{:<04}'.format('xy', 'z')))
