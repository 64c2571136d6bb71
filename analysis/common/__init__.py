"""What every stage shares: the one error type for bad input, atomic file writes, and the words
of the calendar and of counting."""
