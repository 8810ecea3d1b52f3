try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, e.name, isinstance(e, ImportError))
import also_missing
