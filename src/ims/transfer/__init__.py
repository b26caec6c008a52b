"""The whole register as one file: ``ims export`` writes it, ``ims import`` reads it into an empty database.

The format is documented in ``docs/export-format.md``. This app has no models of its own: it walks every
model in the app registry (``plan``), turns each value into JSON and back (``codec``), frames the lines
with a checksummed header (``fileformat``), and reads and writes the database as a system job
(``services``).
"""
