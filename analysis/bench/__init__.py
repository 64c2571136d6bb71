"""Measurements: the speed benchmark (`nox -s bench`), the generated corpus it runs on, and the
grading of extraction against gold annotations (`nox -s evaluate`)."""
