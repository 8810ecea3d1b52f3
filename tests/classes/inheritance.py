# Single inheritance: overriding, inherited methods and attributes, isinstance/issubclass.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"


for a in [Animal("a"), Dog("d"), Puppy("p")]:
    print(a.speak(), a.kind(), type(a).__name__)
p = Puppy("x")
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object))
print(isinstance(p, (int, Dog)), isinstance(3, (str, Animal)))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__, Dog.__base__, Puppy.__mro__)
print(issubclass(bool, int), issubclass(Puppy, object))
