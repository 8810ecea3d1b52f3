# flags: --dis
class B(A):
    """Doc."""
    n: int = 0

    def f(self):
        return super().f()
