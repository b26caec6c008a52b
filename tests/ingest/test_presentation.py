from ims.ingest.presentation import Piece, highlight


def test_pieces_rebuild_the_text_and_mark_overlapping_spans():
    text = "abcdefghij"
    pieces = highlight(text, [(2, 5, 1), (4, 8, 2)])
    assert "".join(p.text for p in pieces) == text
    assert pieces == [Piece("ab", ()), Piece("cd", (1,)), Piece("e", (1, 2)), Piece("fgh", (2,)), Piece("ij", ())]


def test_spans_outside_the_text_are_clipped():
    assert highlight("abc", [(1, 99, 7)]) == [Piece("a", ()), Piece("bc", (7,))]
