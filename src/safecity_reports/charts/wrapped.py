"""The one rule the chart steps that wrap a matplotlib method share for taking the wrapper off:
a wrapper keeps the method it wraps as ``original``, and ``unwrap`` puts that back."""

from __future__ import annotations


def unwrap(owner: object, name: str) -> None:
    """Put back the method ``owner.name`` wraps, where it is a wrapper (has ``original``)."""
    current = getattr(owner, name, None)
    if current is not None and hasattr(current, "original"):
        setattr(owner, name, current.original)
