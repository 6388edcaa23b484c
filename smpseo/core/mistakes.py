"""An error about a file that may carry every mistake found in it, so a user fixes them all in one go: the error
itself is the first mistake, `problems` holds them all, `lines()` says each on a line of its own."""

from __future__ import annotations


class Mistakes:
    """Mixed into an exception class whose instances each say one mistake ("file:line: what")."""

    @property
    def problems(self) -> tuple:
        return self.__dict__.get("_problems") or (self,)

    @classmethod
    def of(cls, problems: list):
        """One error for the mistakes of one file: the first, carrying them all in `problems`."""
        first = problems[0]
        first._problems = tuple(problems)
        return first

    def lines(self) -> list[str]:
        """One line per mistake."""
        return [str(problem) for problem in self.problems]
