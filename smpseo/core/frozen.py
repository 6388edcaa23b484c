"""`Frozen`: a base for records made once by keyword and never changed, such as the rule specs.

A frozen dataclass compiles its `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__` and `__delattr__` from
generated source when its module is imported: about a millisecond for a class of fifteen fields, paid by every
process, though each spec is built once. A subclass of `Frozen` declares its fields the same way (annotations,
defaults as class attributes) and gets the same behaviour from methods written once here: built by keyword only
(`kw_only=True`), a missing field without a default or an unknown one is a TypeError, every field is set on the
instance (a function as a default stays a plain attribute, not a method), fields cannot be assigned or deleted,
the repr lists the fields in the order a dataclass would, and instances compare and hash by their fields. Class
attributes without an annotation (`kind = "required"`) are not fields. `class Hit(Frozen, positional=True)` also
takes its fields by position, in order, as a dataclass without `kw_only`; `replace(record, **changes)` is
`dataclasses.replace`.
"""

from __future__ import annotations

from typing import Any

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assigning to or deleting a field of a `Frozen` record."""


class Frozen:
    __fields__: dict[str, Any] = {}  # name -> default (_MISSING: required), in dataclass order
    __positional__: bool = False

    def __init_subclass__(cls, positional: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        for klass in reversed(cls.__mro__):  # a base's fields first; a field declared again keeps its place
            for name in klass.__dict__.get("__annotations__", {}):
                if name not in names and name not in ("__fields__", "__positional__"):
                    names.append(name)
        cls.__fields__ = {name: _default(cls, name) for name in names}
        cls.__positional__ = positional

    def __init__(self, *args: Any, **values: Any) -> None:
        cls = type(self)
        if args:
            if not cls.__positional__ or len(args) > len(cls.__fields__):
                raise TypeError(f"{cls.__qualname__}.__init__() takes {len(cls.__fields__) if cls.__positional__ else 0}"
                                f" positional arguments but {len(args)} were given")
            for name, value in zip(cls.__fields__, args, strict=False):  # (fewer args than fields)
                if name in values:
                    raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}")
                values[name] = value
        for name, default in cls.__fields__.items():
            value = values.pop(name, default)
            if value is _MISSING:
                raise TypeError(f"{cls.__qualname__}.__init__() missing required argument: {name!r}")
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument {next(iter(values))!r}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in type(self).__fields__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__fields__)
        return f"{type(self).__qualname__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


def replace(record: Frozen, **changes: Any) -> Frozen:
    """A copy of `record` with some fields changed (`dataclasses.replace`)."""
    return type(record)(**{**{name: getattr(record, name) for name in type(record).__fields__}, **changes})


def _default(cls: type, name: str) -> Any:
    """The default of field `name`: the class attribute of that name nearest `cls`, if any."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return _MISSING


__all__ = ["Frozen", "FrozenInstanceError", "replace"]
