"""Stage 5, build: parameters, the manifest that decides whether anything must run, the dataset
cache, notebook execution, rendering into one page, and the lock that makes builds take turns."""
