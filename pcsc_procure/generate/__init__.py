"""Generate clauses: templates (`clause_templates/`), fixed drafts and packs.

Templates are data: YAML files with declared variables and a Jinja2 body,
rendered in a sandbox with strict undefined, to a small structured clause
(title + paragraphs) that the writers turn into Markdown, DOCX, HTML or text.
"""
