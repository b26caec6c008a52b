"""Reference lists the gazetteer loads: operations, missions, forces, programmes, systems and units.

One JSON file per list, each naming its source and the date of the list; see ``ims.text.gazetteer``.
"""
