"""Whether plain data has the shape a TypedDict declares: the apps' contracts with the annual review
(`<app>/review.py`) promise their results' shapes in types, and tests hold them to it."""

import types
import typing


def mismatches(value, expected, where="result") -> list[str]:
    """Where `value` is not of the `expected` type (TypedDicts compared key for key)."""
    origin, args = typing.get_origin(expected), typing.get_args(expected)
    if typing.is_typeddict(expected):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        hints = typing.get_type_hints(expected)
        wrong = [f"{where}: unexpected key {key!r}" for key in value.keys() - hints.keys()]
        wrong += [f"{where}: missing key {key!r}" for key in hints.keys() - value.keys()]
        for key in hints.keys() & value.keys():
            wrong += mismatches(value[key], hints[key], f"{where}[{key!r}]")
        return wrong
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, option, where) for option in args]
        return [] if any(not o for o in options) else [f"{where}: {value!r} is not {expected}"]
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} is not one of {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        return [w for n, item in enumerate(value) for w in mismatches(item, args[0], f"{where}[{n}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        return [w for key, item in value.items() for w in mismatches(item, args[1], f"{where}[{key!r}]")]
    if expected is object:
        return []
    if expected is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if expected is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, expected)
    return [] if ok else [f"{where}: {value!r} is not {expected.__name__}"]
