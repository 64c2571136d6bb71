"""Stage 1, ingest: a folder of article files becomes clean articles. Decoding, front matter,
the page's own metadata (date line, headline, byline, dateline), and the page furniture removed
with a record of each removal. Nothing here interprets the story."""
