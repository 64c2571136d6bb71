"""One exception type for bad input, so the command line can print one clear line and exit 1."""


class InputError(Exception):
    """Bad input a user can fix: the message names the file or field and what to do."""
