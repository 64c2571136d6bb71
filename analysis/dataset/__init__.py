"""Stage 3, dataset: the articles and what was extracted from them become validated tables.
Annotations confirm or correct rows, dates are resolved against the right anchor and checked
against each other, and the tables are written with their Frictionless descriptor."""
