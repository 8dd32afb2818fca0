from geo.text.sentences import sentences_within, split_sentences

TEXT = "Headline of the day\nMr. Smith went to Mosul. He stayed.\n\nAn ad line\nLast words here."
LINES = [(0, 19), (20, 55), (57, 67), (68, 84)]


def test_sentences_of_whole_lines_are_taken_from_the_whole_texts():
    spans = [LINES[1], LINES[3]]
    assert sentences_within(TEXT, split_sentences(TEXT), spans) == split_sentences(TEXT, spans)


def test_an_abbreviation_does_not_end_a_sentence_either_way():
    spans = [LINES[1]]
    assert [TEXT[a:b] for a, b in sentences_within(TEXT, split_sentences(TEXT), spans)] == [
        "Mr. Smith went to Mosul.",
        "He stayed.",
    ]


def test_a_span_inside_a_line_is_split_on_its_own():
    spans = [(24, 55)]  # from "Smith"
    assert sentences_within(TEXT, split_sentences(TEXT), spans) == split_sentences(TEXT, spans)


def test_lines_ended_by_carriage_returns_are_split_on_their_own():
    text = TEXT.replace("\n", "\r")
    spans = [LINES[1], LINES[3]]
    assert sentences_within(text, split_sentences(text), spans) == split_sentences(text, spans)
