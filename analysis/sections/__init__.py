"""Stage 4, sections: what each section of the report shows, computed from a dataset as HTML
(tables through Jinja2 templates with autoescape, charts as embedded images)."""
