"""PURE text layer: read documents, clean them with an offset map, read their metadata and names.

Nothing in this package imports Django; the apps import it. Every function takes and returns plain data
so that it can be tested, fuzzed and benchmarked alone.
"""
