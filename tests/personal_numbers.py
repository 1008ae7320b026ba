"""Fictitious personal numbers for privacy tests: valid check digits, computed
independently of the code under test, never a real person's number."""
from __future__ import annotations

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643 check character, computed independently of the module under test."""
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def make_id(region: str = "110105", birth: str = "19900307", seq: str = "123") -> str:
    first17 = region + birth + seq
    return first17 + id_check(first17)


def wrong_check(id18: str) -> str:
    """The same ID with a check character that is certainly wrong."""
    right = id18[-1]
    return id18[:-1] + next(c for c in "0123456789X" if c != right)


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to ``body``."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:  # doubled positions, counted from the future check digit
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def make_card(body: str = "622202100112345678") -> str:
    return body + luhn_digit(body)


def bad_luhn(card: str) -> str:
    return card[:-1] + str((int(card[-1]) + 1) % 10)


def fullwidth(s: str) -> str:
    return s.translate({ord(c): ord(c) - ord("0") + 0xFF10 for c in "0123456789"})


def id_with_check(check: str) -> str:
    """A valid 18-digit ID whose check character is ``check``."""
    for seq in range(1000):
        candidate = make_id(seq=f"{seq:03d}")
        if candidate[-1] == check:
            return candidate
    raise AssertionError(check)
