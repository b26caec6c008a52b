"""PURE fact extraction: from cleaned text to the facts of ``spec/facts.md``.

One module per fact type (``partner_ring``, ``agreement``, ``defence_spending``, ``contribution``,
``procurement``, ``commitment``, ``initiative``), each with ``extract(doc) -> list[Fact]``; ``pipeline``
runs them over a file or a batch of files; ``cli`` is ``ims extract``. Nothing here imports Django.
"""
