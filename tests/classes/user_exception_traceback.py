# An uncaught user exception prints its class name (without __main__.) and its __str__.
class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return f"missing key {self.key!r}"


def load():
    raise ConfigError("port")


print("start")
load()
