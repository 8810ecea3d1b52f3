"""dataclasses: the @dataclass decorator and field(), as CPython's: generated __init__,
__repr__, __eq__ (and ordering, frozen, hash) built from source text with exec()."""

from _minipy import exec as _exec
from collections import _recursive_repr  # CPython's reprlib.recursive_repr, shared

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'fields', 'asdict', 'astuple',
           'replace', 'is_dataclass', 'MISSING']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(' f'name={self.name!r},' f'type={self.type!r},' f'default={self.default!r},'
                f'default_factory={self.default_factory!r},' f'init={self.init!r},' f'repr={self.repr!r},'
                f'hash={self.hash!r},' f'compare={self.compare!r},' f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},' '_field_type=_FIELD)')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def _create_fn(name, args, body, cls, globals_):
    text = f"def {name}({', '.join(args)}):\n" + ''.join([f'    {line}\n' for line in body])
    ns = dict(globals_)
    _exec(text, ns)
    fn = ns[name]
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _tuple_str(obj_name, flds):
    if not flds:
        return '()'
    return '(' + ','.join([f'{obj_name}.{f.name}' for f in flds]) + ',)'


def _field_assign(frozen, name, value):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__(self,{name!r},{value})'
    return f'self.{name}={value}'


def _init_fn(flds, frozen, globals_, cls):
    seen_default = False
    for f in flds:
        if f.init and not f.kw_only:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    locals_ = dict(globals_)
    locals_['MISSING'] = MISSING
    locals_['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    locals_['__dataclass_builtins_object__'] = object
    body = []
    for f in flds:
        locals_[f'__dataclass_type_{f.name}__'] = f.type
        default_name = f'__dataclass_dflt_{f.name}__'
        if f.default_factory is not MISSING:
            locals_[default_name] = f.default_factory
            if f.init:
                value = (f'{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}')
            else:
                value = f'{default_name}()'
        elif f.init:
            if f.default is not MISSING:
                locals_[default_name] = f.default
            value = f.name
        else:
            if f.default is not MISSING:
                locals_[default_name] = f.default
                value = default_name
            else:
                continue
        body.append(_field_assign(frozen, f.name, value))
    if hasattr(cls, '__post_init__'):
        body.append('self.__post_init__()')
    if not body:
        body = ['pass']
    args = ['self']
    kw_only = []
    for f in flds:
        if not f.init:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            arg = f.name
        elif f.default is not MISSING:
            arg = f'{f.name}=__dataclass_dflt_{f.name}__'
        else:
            arg = f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'
        if f.kw_only:
            kw_only.append(arg)
        else:
            args.append(arg)
    if kw_only:
        args = args + ['*'] + kw_only
    return _create_fn('__init__', args, body, cls, locals_)


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only=False):
    fields_ = {}
    all_frozen_bases = None
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields_[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current_frozen = getattr(b, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current_frozen
            any_frozen_base = any_frozen_base or current_frozen
    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    for name, type_ in annotations.items():
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        own.append(f)
    for f in own:
        fields_[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, fields_)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    all_fields = list(fields_.values())
    globals_ = {}
    if init:
        _set_new_attribute(cls, '__init__', _init_fn(all_fields, frozen, globals_, cls))
    if repr:
        flds = [f for f in all_fields if f.repr]
        parts = ', '.join([f'{f.name}={{self.{f.name}!r}}' for f in flds])
        body = ['return self.__class__.__qualname__ + f"(' + parts + ')"']
        _set_new_attribute(cls, '__repr__', _recursive_repr()(_create_fn('__repr__', ['self'], body, cls, globals_)))
    cmp_fields = [f for f in all_fields if f.compare]
    if eq:
        self_tuple = _tuple_str('self', cmp_fields)
        other_tuple = _tuple_str('other', cmp_fields)
        body = ['if other.__class__ is self.__class__:', f' return {self_tuple}=={other_tuple}',
                'return NotImplemented']
        _set_new_attribute(cls, '__eq__', _create_fn('__eq__', ['self', 'other'], body, cls, globals_))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        self_tuple = _tuple_str('self', cmp_fields)
        other_tuple = _tuple_str('other', cmp_fields)
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            body = ['if other.__class__ is self.__class__:', f' return {self_tuple}{op}{other_tuple}',
                    'return NotImplemented']
            if _set_new_attribute(cls, name, _create_fn(name, ['self', 'other'], body, cls, globals_)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
    if frozen:
        names = tuple([f.name for f in all_fields])
        g = {'FrozenInstanceError': FrozenInstanceError, '__dataclass_names__': names, 'cls': cls}
        body = ['if type(self) is cls or name in __dataclass_names__:',
                ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                'super(cls, self).__setattr__(name, value)']
        _set_new_attribute(cls, '__setattr__', _create_fn('__setattr__', ['self', 'name', 'value'], body, cls, g))
        body = ['if type(self) is cls or name in __dataclass_names__:',
                ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                'super(cls, self).__delattr__(name)']
        _set_new_attribute(cls, '__delattr__', _create_fn('__delattr__', ['self', 'name'], body, cls, g))
    has_explicit_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        if not has_explicit_hash or unsafe_hash:
            hash_fields = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]
            body = [f'return hash({_tuple_str("self", hash_fields)})']
            cls.__hash__ = _create_fn('__hash__', ['self'], body, cls, globals_)
    elif eq and not has_explicit_hash:
        cls.__hash__ = None
    cls.__match_args__ = tuple([f.name for f in all_fields if f.init])
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(flds.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items()])
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple([_astuple_inner(getattr(obj, f.name)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k), _astuple_inner(v)) for k, v in obj.items()])
    return obj


def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj)


def replace(obj, /, **changes):
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
