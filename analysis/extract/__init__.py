"""Stage 2, extract: what one article says, read with general rules. Sentences, numbers, the
date grammar, claimants and stance, figures, dated event mentions, and the fingerprints that
find passages shared between articles."""
