"""Waiting for a condition in the page without Playwright's wait_for_function.

wait_for_function evaluates its expression again with eval-like code while it waits, which
the site's Content-Security-Policy (no 'unsafe-eval') refuses: a test then fails only when
the first look is not yet true, that is, only on a slow machine. Polled from here instead.
"""

from __future__ import annotations

import time

import pytest


def wait_until(page, expression: str, arg=None, timeout: float = 10_000) -> None:
    """Evaluate `expression` (with `arg`) every 50 ms until it is true; fail after `timeout` ms."""
    deadline = time.monotonic() + timeout / 1000
    while not (page.evaluate(expression) if arg is None else page.evaluate(expression, arg)):
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout / 1000:g} s in vain for: {' '.join(expression.split())}", pytrace=False)
        page.wait_for_timeout(50)
