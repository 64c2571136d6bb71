"""Speed, and nothing else: articles read in forked worker processes with the cycle collector
off, notebook kernels started early and handed the prepared dataset through an environment
variable. Every piece has a plain counterpart in `dataset` and `build` that gives the same
output, and a test compares the two."""
