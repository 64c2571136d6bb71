"""The report's charts: how the claims, the casualties, the coverage and the events unfolded.

Each chart function takes dataset tables and `narrow` and returns a matplotlib figure; `narrow`
draws it for a phone (about 350 px) instead of a page column (about 960 px), with the same type
sizes. `embed.figure_html` renders both and lets the browser pick. Only the sections that draw
import this package (matplotlib takes about a second to import)."""
