"""The yearly report to Parliament (Rapportage IMS), generated from the register.

Data flows one way: ``builder`` reads the register at a chosen classification level into a plain,
JSON-serialisable structure; ``diff`` compares two such structures; ``charts`` and the renderers under
``render/`` turn the structure into SVG/PNG, HTML, PDF, DOCX and Markdown without touching the database;
``services`` freezes finalised versions.
"""
