# flags: --dis
with open_it() as f:
    f.use()
