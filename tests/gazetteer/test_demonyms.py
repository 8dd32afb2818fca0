from geo.gazetteer.demonyms import demonym_code, demonym_index, english_forms, french_forms


def test_french_adjectives_agree_by_rule():
    assert french_forms("syrien") == ["syrien", "syrienne", "syriens", "syriennes"]
    assert french_forms("américain") == ["américain", "américaine", "américains", "américaines"]
    assert french_forms("belge") == ["belge", "belge", "belges", "belges"]


def test_french_adjectives_in_s_keep_one_plural():
    assert french_forms("français") == ["français", "française", "français", "françaises"]


def test_an_irregular_french_feminine_is_taken_as_given():
    assert french_forms("turc", "turque") == ["turc", "turque", "turcs", "turques"]


def test_english_adjectives_take_a_plural_unless_they_end_in_a_sibilant():
    assert english_forms("Iraqi") == ["Iraqi", "Iraqis"]
    assert english_forms("British") == ["British"]
    assert english_forms("Chinese") == ["Chinese"]


def _index(tmp_path):
    path = tmp_path / "demonyms.csv"
    path.write_text(
        "country_code,en,fr,fr_feminine,en_nouns,source\n"
        "PL,Polish,polonais,,Pole|Poles,test\n"
        "TR,Turkish,turc,turque,Turk|Turks,test\n",
        encoding="utf-8",
    )
    return demonym_index(path)


def test_every_form_of_the_file_points_to_its_country(tmp_path):
    index = _index(tmp_path)
    for word in ("Polish", "Poles", "polonaises", "Turks", "turque", "Turques"):
        assert demonym_code(index, word) is not None, word


def test_english_demonyms_need_a_capital(tmp_path):
    index = _index(tmp_path)
    assert demonym_code(index, "Polish") == "PL"
    assert demonym_code(index, "polish") is None


def test_french_demonyms_match_in_any_case(tmp_path):
    assert demonym_code(_index(tmp_path), "polonaise") == "PL"
    assert demonym_code(_index(tmp_path), "Polonaise") == "PL"
