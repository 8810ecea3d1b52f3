# dataclasses: frozen and non-frozen dataclasses do not inherit from each other; a recursive
# generated repr prints '...'.
from dataclasses import dataclass, field


@dataclass
class Node:
    val: int
    nxt: object = None


n = Node(1)
n.nxt = n
print(n)
m = Node(2, [n, Node(3)])
print(m)
print(Node.__repr__.__name__, Node.__repr__.__qualname__)


@dataclass(frozen=True)
class F:
    x: int = 0


@dataclass
class Plain:
    y: int = 0


try:
    @dataclass
    class G(F):
        z: int = 1
except TypeError as e:
    print('TypeError', e)

try:
    @dataclass(frozen=True)
    class H(Plain):
        z: int = 1
except TypeError as e:
    print('TypeError', e)


@dataclass(frozen=True)
class FF(F):
    z: int = 2


class NotADataclass:
    pass


@dataclass
class Mixed(NotADataclass, Plain):
    w: list = field(default_factory=list)


print(FF(), Mixed(), Mixed().w is not Mixed().w)


@dataclass(frozen=True)
class FP(NotADataclass):
    q: int = 5


print(FP())
try:
    FF().x = 3
except AttributeError as e:
    print(type(e).__name__, e)
